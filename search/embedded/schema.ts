// Tables of the embedded engine, one set per index, created idempotently at every start. The file
// is the index: reopening it serves the same results without any rebuild.
import type { Client } from "@libsql/client";
import { indexNames, type IndexName } from "../documents";
import { indexSpecs, tables } from "./index-spec";

const SCHEMA_VERSION = "1";

const sqlType = { int: "INTEGER", real: "REAL", text: "TEXT", bool: "INTEGER" } as const;

function indexStatements(index: IndexName): string[] {
  const spec = indexSpecs[index];
  const t = tables(index);
  const columns = spec.columns.map((c) => `${c.column} ${sqlType[c.type]}`).join(", ");
  const ftsColumns = spec.searchable.join(", ");
  return [
    // Narrow rows: every filter and sort reads only this table; the JSON lives apart.
    // fcodes: the document's facet value ids, two characters each (see facets.ts).
    `CREATE TABLE IF NOT EXISTS ${t.docs} (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ${columns}, fcodes TEXT NOT NULL DEFAULT '')`,
    `CREATE TABLE IF NOT EXISTS ${t.json} (rid INTEGER PRIMARY KEY, doc TEXT NOT NULL)`,
    // Every (attribute, value) pair gets a small number, never reused until replaceAll.
    `CREATE TABLE IF NOT EXISTS ${t.facetIds} (fid INTEGER PRIMARY KEY, attr INTEGER NOT NULL, value TEXT NOT NULL, UNIQUE (attr, value))`,
    // Posting lists: which documents have a value (filters).
    `CREATE TABLE IF NOT EXISTS ${t.values} (fid INTEGER NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (fid, rid)) WITHOUT ROWID`,
    `CREATE INDEX IF NOT EXISTS ${t.values}_by_doc ON ${t.values} (rid)`,
    // Facet counts over the whole index, kept exact on every write: the unfiltered listing reads them.
    `CREATE TABLE IF NOT EXISTS ${t.facetCounts} (fid INTEGER PRIMARY KEY, n INTEGER NOT NULL)`,
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${t.fts} USING fts5(${ftsColumns}, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2")`,
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${t.geo} USING rtree(rid, minLat, maxLat, minLng, maxLng)`,
    // Every indexed word once, in arrival order (seq), so the typo lookup can load only what is new.
    `CREATE TABLE IF NOT EXISTS ${t.terms} (seq INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE)`,
    ...sortIndexes(index),
  ];
}

function sortIndexes(index: IndexName): string[] {
  const t = tables(index).docs;
  if (index === "missions") {
    return [
      `CREATE INDEX IF NOT EXISTS ${t}_newest ON ${t} (createdAt DESC, id)`,
      `CREATE INDEX IF NOT EXISTS ${t}_start ON ${t} (startDate, createdAt DESC, id)`,
      `CREATE INDEX IF NOT EXISTS ${t}_budget ON ${t} (budgetCents, createdAt DESC, id)`,
    ];
  }
  return [
    `CREATE INDEX IF NOT EXISTS ${t}_rating ON ${t} (ratingScore DESC, publishedAt DESC, id)`,
    `CREATE INDEX IF NOT EXISTS ${t}_newest ON ${t} (publishedAt DESC, id)`,
    `CREATE INDEX IF NOT EXISTS ${t}_rate ON ${t} (hourlyRateCents)`,
    // On-site reach: the box of each secretary's own disc, so "whose disc holds this point" is an rtree lookup.
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${tables(index).reach} USING rtree(rid, minLat, maxLat, minLng, maxLng)`,
  ];
}

/** Per-connection settings: writers (app, worker) wait for each other up to busyTimeoutMs. */
export async function configureConnection(client: Client, busyTimeoutMs: number): Promise<void> {
  await client.execute(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  await client.execute("PRAGMA synchronous = NORMAL");
}

/** WAL (kept in the file) lets searches read while a write commits. */
export async function ensureSchema(client: Client): Promise<void> {
  await client.execute("PRAGMA journal_mode = WAL");
  const statements = [
    "CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ...indexNames.flatMap(indexStatements),
    {
      sql: "INSERT OR IGNORE INTO search_meta (key, value) VALUES ('schema_version', ?)",
      args: [SCHEMA_VERSION],
    },
    ...indexNames.map((index) => ({
      sql: "INSERT OR IGNORE INTO search_meta (key, value) VALUES (?, '0')",
      args: [`generation:${index}`],
    })),
  ];
  await client.batch(statements, "write");
}
