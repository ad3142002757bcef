// Builds the statements of one search: the page (ordered, with the sort keys carried out so the
// JSON join cannot reorder it), the total with rate statistics, and the facet counts. All three share
// the same "matching" part: docs d, joined to the FTS match when there is text, with the filters.
import type { GeoPoint, IndexName } from "../documents";
import type { FilterPlan } from "../filter";
import type { SearchRequest } from "../query";
import { compileFilter, type CompiledFilter } from "./filters-sql";
import { indexSpecs, tables } from "./index-spec";
import { concat, haversine, join, sql, type Sql } from "./sql";
import type { TextMatch } from "./text-query";

type Text = Extract<TextMatch, { kind: "match" }> | null;
type Key = { expr: Sql; desc: boolean };

/** The point distances are measured from: the reach or near filter's, else the request's origin. */
export function distancePoint(request: SearchRequest, plan: FilterPlan): GeoPoint | undefined {
  for (const c of plan) if (c.op === "reach" || c.op === "near") return c.point;
  return request.origin;
}

/**
 * The matching rows as `d` (and `t` with the text score): driven by the first rtree source when
 * there is one (a few km around a point), else by the FTS match, else a scan of the narrow docs table.
 * Further rtree sources become `rid IN (…)` conditions.
 */
type Source = { with: Sql; body: Sql; restrict: string };

/**
 * The matching rows as `d` (and `t` with the text score). With an rtree source (a few km around a
 * point) the candidates are computed first (CTE c) and the FTS match is scanned with `+rowid IN c`:
 * the unary plus keeps FTS5 from probing row by row (it re-runs the whole match per probe) and bm25
 * is only computed for the few candidates. Else the FTS match drives, else a scan of docs.
 */
function from(index: IndexName, text: Text, filter: CompiledFilter, withScore: boolean): Source {
  const t = tables(index);
  const score = withScore ? `, bm25(${t.fts}, ${indexSpecs[index].weights.join(", ")}) AS score` : "";
  const [driver, ...others] = filter.drivers;
  const conditions = [...others.map((o) => concat("d.rid IN (", o, ")")), ...filter.conditions];
  const none = sql("");
  if (driver && text) {
    const restrict = " AND +rowid IN (SELECT rid FROM c)";
    return {
      with: concat(
        "WITH c AS MATERIALIZED (SELECT d.rid FROM (",
        driver,
        `) g CROSS JOIN ${t.docs} d ON d.rid = g.rid`,
        where(conditions),
        ") ",
      ),
      body: sql(
        `(SELECT rowid AS rid${score} FROM ${t.fts} WHERE ${t.fts} MATCH ?${restrict}) t CROSS JOIN ${t.docs} d ON d.rid = t.rid`,
        text.full,
      ),
      restrict,
    };
  }
  if (driver)
    return {
      with: none,
      body: concat("(", driver, `) g CROSS JOIN ${t.docs} d ON d.rid = g.rid`, where(conditions)),
      restrict: "",
    };
  if (text) {
    const match = sql(`(SELECT rowid AS rid${score} FROM ${t.fts} WHERE ${t.fts} MATCH ?) t`, text.full);
    return {
      with: none,
      body: concat(match, ` CROSS JOIN ${t.docs} d ON d.rid = t.rid`, where(conditions)),
      restrict: "",
    };
  }
  return { with: none, body: concat(`${t.docs} d`, where(conditions)), restrict: "" };
}

function where(conditions: Sql[]): Sql {
  return conditions.length === 0 ? sql("") : concat(" WHERE ", join(conditions, " AND "));
}

/** Text rank: matches needing no typo first, then bm25 (attribute weights in searchable order). */
function textKeys(index: IndexName, text: Text, restrict: string): Key[] {
  if (!text) return [];
  const t = tables(index);
  const keys: Key[] = [];
  if (text.exact === null) keys.push({ expr: sql("1"), desc: false });
  else if (text.exact !== text.full) {
    keys.push({
      expr: sql(`(d.rid NOT IN (SELECT rowid FROM ${t.fts} WHERE ${t.fts} MATCH ?${restrict}))`, text.exact),
      desc: false,
    });
  }
  keys.push({ expr: sql("t.score"), desc: false });
  return keys;
}

const nullsLast = (column: string, desc: boolean): Key[] => [
  { expr: sql(`(${column} IS NULL)`), desc: false },
  { expr: sql(column), desc },
];

function sortKeys(request: SearchRequest, text: Text, point: GeoPoint | undefined, restrict: string): Key[] {
  const rank = textKeys(request.index, text, restrict);
  const distance: Key[] = point
    ? [
        { expr: sql("(d.lat IS NULL)"), desc: false },
        { expr: haversine("d", point), desc: false },
      ]
    : [];
  if (request.index === "missions") {
    const newest = { expr: sql("d.createdAt"), desc: true };
    const primary: Record<typeof request.sort, Key[]> = {
      newest: [newest],
      start_date: [{ expr: sql("d.startDate"), desc: false }],
      budget_desc: [{ expr: sql("d.budgetCents"), desc: true }],
      budget_asc: [{ expr: sql("d.budgetCents"), desc: false }],
      distance,
    };
    return [...primary[request.sort], ...rank, newest, { expr: sql("d.id"), desc: false }];
  }
  const primary: Record<typeof request.sort, Key[]> = {
    relevance: [],
    rate_asc: nullsLast("d.hourlyRateCents", false),
    rate_desc: nullsLast("d.hourlyRateCents", true),
    rating: [],
    distance,
    newest: [{ expr: sql("d.publishedAt"), desc: true }],
  };
  const tieBreak: Key[] = [
    { expr: sql("d.ratingScore"), desc: true },
    { expr: sql("d.publishedAt"), desc: true },
    { expr: sql("d.id"), desc: false },
  ];
  const textFirst = request.sort === "relevance" ? rank : [];
  const textAfter = request.sort === "relevance" ? [] : rank;
  return [...textFirst, ...primary[request.sort], ...textAfter, ...tieBreak];
}

/** How facet counts come back: concatenated codes, (fid, n) rows, or not at all. */
export type FacetMode = "codes" | "rows" | "none";

export type SearchStatements = {
  page: Sql;
  stats: Sql;
  facets: Sql | null;
  facetMode: FacetMode;
  point: GeoPoint | undefined;
};

/** Page statement alone, for the distance sort limited to a disc of ringKm (see embedded-engine.ts). */
export function pageStatement(request: SearchRequest, plan: FilterPlan, text: Text, ringKm?: number): Sql {
  const point = distancePoint(request, plan);
  const ringed: FilterPlan = point && ringKm ? [{ op: "near", point, radiusKm: ringKm }, ...plan] : plan;
  return buildPage(request, compileFilter(request.index, ringed), text, point);
}

function buildPage(
  request: SearchRequest,
  filter: CompiledFilter,
  text: Text,
  point: GeoPoint | undefined,
): Sql {
  const t = tables(request.index);
  const ranked = from(request.index, text, filter, true);
  const keys = sortKeys(request, text, point, ranked.restrict);
  const columns = [sql("d.rid"), ...keys.map((k, i) => concat(k.expr, ` AS k${i}`))];
  const order = (prefix: string) => keys.map((k, i) => `${prefix}k${i}${k.desc ? " DESC" : ""}`).join(", ");
  const inner = concat(
    "SELECT ",
    join(columns, ", "),
    " FROM ",
    ranked.body,
    ` ORDER BY ${order("")} LIMIT ? OFFSET ?`,
  );
  inner.args.push(request.perPage, (request.page - 1) * request.perPage);
  return concat(
    ranked.with,
    `SELECT p.rid, j.doc FROM (`,
    inner,
    `) p JOIN ${t.json} j ON j.rid = p.rid ORDER BY ${order("p.")}`,
  );
}

/**
 * Totals of the empty search (the page every visitor lands on): count, min and max in one SELECT
 * scan every row (≈ 7 ms at 100k), while three scalar subqueries are answered from the indexes
 * (count from the smallest index, min/max from `_rate`, NULLs skipped as min()/max() do): < 0.1 ms.
 */
function unfilteredStats(index: IndexName): Sql {
  const docs = tables(index).docs;
  const rate =
    index === "secretaries"
      ? `, (SELECT min(hourlyRateCents) FROM ${docs}) AS rateMin, (SELECT max(hourlyRateCents) FROM ${docs}) AS rateMax`
      : "";
  return sql(`SELECT (SELECT count(*) FROM ${docs}) AS total${rate}`);
}

export function searchStatements(
  request: SearchRequest,
  plan: FilterPlan,
  text: Text,
  facets: { wanted: boolean; compact: boolean },
  ringKm?: number,
): SearchStatements {
  const index = request.index;
  const t = tables(index);
  const filter = compileFilter(index, plan);
  const point = distancePoint(request, plan);
  const page = pageStatement(request, plan, text, ringKm);

  const unfiltered = !text && plan.length === 0;
  const facetMode: FacetMode = !facets.wanted ? "none" : unfiltered || !facets.compact ? "rows" : "codes";
  const rate =
    index === "secretaries" ? ", min(d.hourlyRateCents) AS rateMin, max(d.hourlyRateCents) AS rateMax" : "";
  const codes = facetMode === "codes" ? ", group_concat(d.fcodes, '') AS codes" : "";
  const matching = from(index, text, filter, false);
  const stats = unfiltered
    ? unfilteredStats(index)
    : concat(matching.with, `SELECT count(*) AS total${rate}${codes} FROM `, matching.body);
  let facetRows: Sql | null = null;
  if (facetMode === "rows") {
    // Nothing narrows the search: read the counts kept up to date by every write.
    facetRows = unfiltered
      ? sql(`SELECT fid, n FROM ${t.facetCounts}`)
      : concat(
          matching.with,
          "SELECT v.fid, count(*) AS n FROM (SELECT d.rid FROM ",
          matching.body,
          `) m CROSS JOIN ${t.values} v ON v.rid = m.rid GROUP BY v.fid`,
        );
  }
  return { page, stats, facets: facetRows, facetMode, point };
}

/**
 * One statement for a text search: the matches are computed once (CTE m, with their sort keys) and
 * serve both the page (part 0) and the totals with facet codes (part 1, a single row).
 */
export function combinedStatement(
  request: SearchRequest,
  plan: FilterPlan,
  text: NonNullable<Text>,
  withCodes: boolean,
): Sql {
  const index = request.index;
  const t = tables(index);
  const ranked = from(index, text, compileFilter(index, plan), true);
  const keys = sortKeys(request, text, distancePoint(request, plan), ranked.restrict);
  const names = keys.map((_, i) => `k${i}`);
  const columns = [
    sql("d.rid AS rid"),
    ...keys.map((k, i) => concat(k.expr, ` AS k${i}`)),
    sql(`${index === "secretaries" ? "d.hourlyRateCents" : "NULL"} AS rate`),
    sql(withCodes ? "d.fcodes AS fc" : "'' AS fc"),
  ];
  const m = concat("m AS MATERIALIZED (SELECT ", join(columns, ", "), " FROM ", ranked.body, ")");
  const order = keys.map((k, i) => `k${i}${k.desc ? " DESC" : ""}`).join(", ");
  const page = sql(
    `SELECT 0 AS part, p.rid, j.doc, NULL AS total, NULL AS rateMin, NULL AS rateMax, NULL AS codes, ${names.map((n) => `p.${n}`).join(", ")}` +
      ` FROM (SELECT * FROM m ORDER BY ${order} LIMIT ? OFFSET ?) p JOIN ${t.json} j ON j.rid = p.rid`,
    request.perPage,
    (request.page - 1) * request.perPage,
  );
  const totals = `SELECT 1, NULL, NULL, count(*), min(rate), max(rate), ${withCodes ? "group_concat(fc, '')" : "NULL"}, ${names.map(() => "NULL").join(", ")} FROM m`;
  const withClause = ranked.with.text ? concat(ranked.with, ", ", m, " ") : concat("WITH ", m, " ");
  return concat(withClause, page, ` UNION ALL ${totals} ORDER BY part, ${order}`);
}
