// Write statements, set-based: each chunk of documents travels as JSON arrays and is unpacked by
// json_each, so a write is a handful of statements per 500 documents, run in one transaction.
import type { InStatement } from "@libsql/client";
import type { DocumentOf, IndexName } from "../documents";
import { displayedAttributes } from "../settings";
import { attrCode, indexSpecs, tables, type Column } from "./index-spec";
import { indexText } from "./normalize";
import { FCODE_SQL } from "./facets";
import { boxAround } from "./sql";

const CHUNK = 500;

type Row = {
  id: string;
  columns: unknown[];
  json: string;
  fts: string[];
  values: [number, string][];
  reachBox: [number, number, number, number] | null;
  terms: string[];
};

type AnyDocument = Record<string, unknown> & { id: string; _geo: { lat: number; lng: number } | null };

function columnValue(doc: AnyDocument, column: Column): unknown {
  if (column.attr === "_geo.lat") return doc._geo?.lat ?? null;
  if (column.attr === "_geo.lng") return doc._geo?.lng ?? null;
  const value = doc[column.attr];
  if (column.type === "bool") return value ? 1 : 0;
  return value ?? null;
}

function prepare(index: IndexName, doc: AnyDocument): Row {
  const spec = indexSpecs[index];
  const displayed = Object.fromEntries(
    displayedAttributes[index].filter((a) => a in doc).map((a) => [a, doc[a]]),
  );
  const fts = spec.searchable.map((attr) => indexText(doc[attr] as string | string[] | null));
  const values: [number, string][] = [];
  for (const attr of spec.valueAttrs) {
    const raw = doc[attr];
    const list = Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw];
    for (const value of new Set(list.map(String))) values.push([attrCode(spec, attr), value]);
  }
  const radius = doc.radiusKm;
  const box =
    doc._geo && doc.onSite === true && typeof radius === "number" ? boxAround(doc._geo, radius) : null;
  return {
    id: doc.id,
    columns: spec.columns.map((c) => columnValue(doc, c)),
    json: JSON.stringify(displayed),
    fts,
    values,
    reachBox: box ? [box.minLat, box.maxLat, box.minLng, box.maxLng] : null,
    terms: [...new Set(fts.flatMap((text) => (text ? text.split(" ") : [])))],
  };
}

/** Last version of each id wins, as in Meilisearch. */
export function prepareRows(index: IndexName, documents: DocumentOf<IndexName>[]): Row[] {
  const byId = new Map<string, Row>();
  for (const doc of documents) byId.set(doc.id, prepare(index, doc as unknown as AnyDocument));
  return [...byId.values()];
}

export function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const ridsOf = (docs: string) => `SELECT rid FROM ${docs} WHERE id IN (SELECT value FROM json_each(?))`;

/** Removes the documents with these ids from every table, facet counts included. */
export function deleteStatements(index: IndexName, ids: string[]): InStatement[] {
  const t = tables(index);
  const args = [JSON.stringify(ids)];
  const rids = ridsOf(t.docs);
  const dependent = [t.fts, t.json, t.geo, ...(index === "secretaries" ? [t.reach] : [])];
  return [
    {
      sql: `UPDATE ${t.facetCounts} SET n = n - x.c FROM (SELECT fid, count(*) AS c FROM ${t.values} WHERE rid IN (${rids}) GROUP BY fid) AS x WHERE ${t.facetCounts}.fid = x.fid`,
      args,
    },
    `DELETE FROM ${t.facetCounts} WHERE n <= 0`,
    { sql: `DELETE FROM ${t.values} WHERE rid IN (${rids})`, args },
    ...dependent.map((table) => ({
      sql: `DELETE FROM ${table} WHERE ${table === t.fts ? "rowid" : "rid"} IN (${rids})`,
      args,
    })),
    { sql: `DELETE FROM ${t.docs} WHERE id IN (SELECT value FROM json_each(?))`, args },
  ];
}

/** Numbers new (attr, value) pairs, lists each document's pairs, and writes its facet codes. */
function valueStatements(index: IndexName, rows: Row[], ids: string): InStatement[] {
  const t = tables(index);
  const pairs = new Map<string, [number, string]>();
  for (const row of rows) for (const pair of row.values) pairs.set(JSON.stringify(pair), pair);
  return [
    {
      sql: `INSERT OR IGNORE INTO ${t.facetIds} (attr, value) SELECT value ->> '$[0]', value ->> '$[1]' FROM json_each(?)`,
      args: [JSON.stringify([...pairs.values()])],
    },
    {
      sql: `INSERT OR IGNORE INTO ${t.values} (fid, rid) SELECT f.fid, d.rid FROM json_each(?) j JOIN ${t.docs} d ON d.id = j.value ->> '$[0]' JOIN json_each(j.value -> '$[1]') x JOIN ${t.facetIds} f ON f.attr = x.value ->> '$[0]' AND f.value = x.value ->> '$[1]'`,
      args: [JSON.stringify(rows.map((r) => [r.id, r.values]))],
    },
    {
      sql: `UPDATE ${t.docs} SET fcodes = coalesce((SELECT group_concat(${FCODE_SQL}, '') FROM ${t.values} v WHERE v.rid = ${t.docs}.rid), '') WHERE id IN (SELECT value FROM json_each(?))`,
      args: [ids],
    },
  ];
}

/** Inserts rows whose ids are not in the index (delete them first). */
export function insertStatements(index: IndexName, rows: Row[], countFacets: boolean): InStatement[] {
  const spec = indexSpecs[index];
  const t = tables(index);
  const byId = `FROM json_each(?) j JOIN ${t.docs} d ON d.id = j.value ->> '$[0]'`;
  const columnNames = spec.columns.map((c) => c.column).join(", ");
  const columnPicks = spec.columns.map((_, i) => `value ->> '$[${i + 1}]'`).join(", ");
  const ftsPicks = spec.searchable.map((_, i) => `j.value ->> '$[${i + 1}]'`).join(", ");
  const ids = JSON.stringify(rows.map((r) => r.id));
  const reachRows = rows.filter((r) => r.reachBox);
  const statements: InStatement[] = [
    {
      sql: `INSERT INTO ${t.docs} (id, ${columnNames}) SELECT value ->> '$[0]', ${columnPicks} FROM json_each(?)`,
      args: [JSON.stringify(rows.map((r) => [r.id, ...r.columns]))],
    },
    {
      sql: `INSERT INTO ${t.json} (rid, doc) SELECT d.rid, j.value ->> '$[1]' ${byId}`,
      args: [JSON.stringify(rows.map((r) => [r.id, r.json]))],
    },
    {
      sql: `INSERT INTO ${t.fts} (rowid, ${spec.searchable.join(", ")}) SELECT d.rid, ${ftsPicks} ${byId}`,
      args: [JSON.stringify(rows.map((r) => [r.id, ...r.fts]))],
    },
    ...valueStatements(index, rows, ids),
    {
      sql: `INSERT INTO ${t.geo} (rid, minLat, maxLat, minLng, maxLng) SELECT rid, lat, lat, lng, lng FROM ${t.docs} WHERE id IN (SELECT value FROM json_each(?)) AND lat IS NOT NULL AND lng IS NOT NULL`,
      args: [ids],
    },
    {
      sql: `INSERT OR IGNORE INTO ${t.terms} (term) SELECT value FROM json_each(?)`,
      args: [JSON.stringify([...new Set(rows.flatMap((r) => r.terms))])],
    },
  ];
  if (index === "secretaries" && reachRows.length > 0) {
    statements.push({
      sql: `INSERT INTO ${t.reach} (rid, minLat, maxLat, minLng, maxLng) SELECT d.rid, j.value ->> '$[1]', j.value ->> '$[2]', j.value ->> '$[3]', j.value ->> '$[4]' ${byId}`,
      args: [JSON.stringify(reachRows.map((r) => [r.id, ...r.reachBox!]))],
    });
  }
  if (countFacets) {
    statements.push({
      sql: `INSERT INTO ${t.facetCounts} (fid, n) SELECT fid, count(*) FROM ${t.values} WHERE rid IN (${ridsOf(t.docs)}) GROUP BY fid ON CONFLICT (fid) DO UPDATE SET n = n + excluded.n`,
      args: [ids],
    });
  }
  return statements;
}

/** Empties an index and starts a new generation (cached vocabulary and facet ids reload). */
export function clearStatements(index: IndexName): InStatement[] {
  const t = tables(index);
  const plain = [
    t.docs,
    t.json,
    t.values,
    t.facetIds,
    t.facetCounts,
    t.geo,
    t.terms,
    ...(index === "secretaries" ? [t.reach] : []),
  ];
  return [
    `INSERT INTO ${t.fts} (${t.fts}) VALUES ('delete-all')`,
    ...plain.map((table) => `DELETE FROM ${table}`),
    {
      sql: "UPDATE search_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = ?",
      args: [`generation:${index}`],
    },
  ];
}

export function finishReplaceStatements(index: IndexName): InStatement[] {
  const t = tables(index);
  return [
    `INSERT INTO ${t.facetCounts} (fid, n) SELECT fid, count(*) FROM ${t.values} GROUP BY fid`,
    // Merges the FTS segments written chunk by chunk: fewer b-trees for every later query.
    `INSERT INTO ${t.fts} (${t.fts}) VALUES ('optimize')`,
    // Fresh statistics for the query planner (which filter drives, which index sorts).
    "PRAGMA analysis_limit = 1000",
    "ANALYZE",
  ];
}
