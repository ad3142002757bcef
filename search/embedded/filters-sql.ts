// Compiles a FilterPlan (search/filter.ts) to SQL over the docs table (alias d). Attributes are
// checked against the same whitelist as for Meilisearch and resolved to fixed column names or codes;
// every value is a bound parameter, so no value can ever change the query.
import type { IndexName } from "../documents";
import type { Condition, FilterPlan } from "../filter";
import { filterableAttributes } from "../settings";
import { attrCode, columnOf, indexSpecs, tables, type Column, type IndexSpec } from "./index-spec";
import { boxAround, haversine, join, placeholders, sql, type Sql } from "./sql";

function checkAttribute(index: IndexName, attr: string) {
  if (!(filterableAttributes[index] as readonly string[]).includes(attr)) {
    throw new Error(`attribute ${attr} is not filterable on ${index}`);
  }
}

const columnValue = (column: Column, value: string | number | boolean) => {
  if (column.type === "bool") return value === true || value === "true" ? 1 : 0;
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite filter value");
  return value;
};

/** Documents having at least one of `values`: a probe of the postings for the current row. */
function hasValue(spec: IndexSpec, attr: string, values: string[]): Sql {
  const t = tables(spec.index);
  return sql(
    `EXISTS (SELECT 1 FROM ${t.values} v WHERE v.fid IN (SELECT fid FROM ${t.facetIds} WHERE attr = ? AND value IN (${placeholders(values.length)})) AND v.rid = d.rid)`,
    attrCode(spec, attr),
    ...values,
  );
}

function membership(spec: IndexSpec, c: Extract<Condition, { op: "all" | "any" }>): Sql[] {
  const column = columnOf(spec, c.attr);
  if (column && !spec.arrayAttrs.includes(c.attr)) {
    const values = c.values.map((v) => columnValue(column, v));
    if (c.op === "any") return [sql(`d.${column.column} IN (${placeholders(values.length)})`, ...values)];
    return values.map((v) => sql(`d.${column.column} = ?`, v));
  }
  if (c.op === "any") return [hasValue(spec, c.attr, c.values)];
  return c.values.map((v) => hasValue(spec, c.attr, [v]));
}

function scalar(spec: IndexSpec, attr: string): Column {
  const column = columnOf(spec, attr);
  if (!column) throw new Error(`attribute ${attr} has no column on ${spec.index}`);
  return column;
}

/**
 * A geo condition: `driver` lists candidate rids from an rtree (a superset), `residual` is the exact
 * test on the row. The search drives from the rtree, the most selective source it has.
 */
export type GeoFilter = { driver: Sql; residual: Sql[] };

/** Her base within her own radius of the point: rtree of reach boxes first, then the exact distance. */
function reach(spec: IndexSpec, point: { lat: number; lng: number }): GeoFilter {
  return {
    driver: sql(
      `SELECT rid FROM ${tables(spec.index).reach} WHERE minLat <= ? AND maxLat >= ? AND minLng <= ? AND maxLng >= ?`,
      point.lat,
      point.lat,
      point.lng,
      point.lng,
    ),
    residual: [sql("d.onSite = 1"), join([haversine("d", point), sql("d.radiusKm")], " <= ")],
  };
}

function near(spec: IndexSpec, point: { lat: number; lng: number }, radiusKm: number): GeoFilter {
  const box = boxAround(point, radiusKm);
  return {
    // Overlap, not containment: the rtree stores 32-bit floats rounded outwards.
    driver: sql(
      `SELECT rid FROM ${tables(spec.index).geo} WHERE maxLat >= ? AND minLat <= ? AND maxLng >= ? AND minLng <= ?`,
      box.minLat,
      box.maxLat,
      box.minLng,
      box.maxLng,
    ),
    residual: [join([haversine("d", point), sql("?", radiusKm)], " <= ")],
  };
}

function condition(spec: IndexSpec, c: Exclude<Condition, { op: "reach" | "near" }>): Sql[] {
  checkAttribute(spec.index, c.attr);
  switch (c.op) {
    case "all":
    case "any":
      return c.values.length === 0 ? [] : membership(spec, c);
    case "eq": {
      const column = scalar(spec, c.attr);
      return [sql(`d.${column.column} = ?`, columnValue(column, c.value))];
    }
    case "range": {
      const column = scalar(spec, c.attr);
      const parts: Sql[] = [];
      if (c.min !== undefined) parts.push(sql(`d.${column.column} >= ?`, columnValue(column, c.min)));
      if (c.max !== undefined) parts.push(sql(`d.${column.column} <= ?`, columnValue(column, c.max)));
      return parts;
    }
  }
}

export type CompiledFilter = {
  /** Row conditions on docs d, to AND in the WHERE clause. */
  conditions: Sql[];
  /** rid sources that every match must belong to (rtree candidates): the first one drives. */
  drivers: Sql[];
};

/** Compiles a plan; an empty plan gives no condition and no driver. */
export function compileFilter(index: IndexName, plan: FilterPlan): CompiledFilter {
  const spec = indexSpecs[index];
  const out: CompiledFilter = { conditions: [], drivers: [] };
  for (const c of plan) {
    if (c.op === "reach" || c.op === "near") {
      checkAttribute(index, c.op === "reach" ? "onSite" : "_geo");
      const geo = c.op === "reach" ? reach(spec, c.point) : near(spec, c.point, c.radiusKm);
      out.drivers.push(geo.driver);
      out.conditions.push(...geo.residual);
    } else {
      out.conditions.push(...condition(spec, c));
    }
  }
  return out;
}
