// One search, from the typed request to the response: text and filters are compiled, the page and
// the totals read in one snapshot (one statement for text searches, a read batch otherwise), facet
// codes counted, distances added to the hits.
import type { Client, Row } from "@libsql/client";
import { distanceKm } from "#app/domain/geo/distance";
import type { DocumentOf, GeoPoint, IndexName } from "../documents";
import { planMissionFilter, planSecretaryFilter, type FilterPlan } from "../filter";
import { MAX_PER_PAGE, type RequestFor, type SearchResponse } from "../query";
import type { FacetDictionary } from "./facets";
import { attrCode, indexSpecs, tables } from "./index-spec";
import { combinedStatement, pageStatement, searchStatements, type FacetMode } from "./search-sql";
import { statement } from "./sql";
import { buildTextMatch, type TextMatch } from "./text-query";
import type { Vocabulary } from "./vocabulary";

/**
 * Discs (km) tried in turn for a distance sort: when a disc holds the whole page, nobody outside it
 * can come before — so most pages never measure the distance to every document.
 */
const RINGS_KM = [25, 100, 400] as const;

export type SearchContext = { client: Client; vocabulary: Vocabulary; dictionary: FacetDictionary };
type Request = RequestFor<IndexName>;
type Match = Extract<TextMatch, { kind: "match" }>;
type Fetched = {
  pageRows: Row[];
  stats: Row;
  facetRows: Row[];
  facetMode: FacetMode;
  point: GeoPoint | undefined;
};

type Hit = DocumentOf<IndexName> & { _distanceKm?: number };

function withDistance(doc: Hit, point: GeoPoint | undefined): Hit {
  if (point && doc._geo) {
    doc._distanceKm = distanceKm(
      { latitude: point.lat, longitude: point.lng },
      { latitude: doc._geo.lat, longitude: doc._geo.lng },
    );
  }
  return doc;
}

/** Ranking by typos costs a second FTS pass: drop it when no document matches without a typo. */
async function checkExact(client: Client, index: IndexName, text: Match): Promise<Match> {
  if (text.exact === null || text.exact === text.full) return text;
  const fts = tables(index).fts;
  const found = await client.execute({
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ? LIMIT 1)`,
    args: [text.exact],
  });
  return Number(found.rows[0]?.n) === 0 ? { ...text, exact: null } : text;
}

async function fetchRows(
  ctx: SearchContext,
  request: Request,
  plan: FilterPlan,
  text: Match | null,
  wantFacets: boolean,
): Promise<Fetched> {
  const geo = plan.some((c) => c.op === "reach" || c.op === "near");
  const rings = request.sort === "distance" && !geo ? [...RINGS_KM] : [];
  const statements = searchStatements(
    request,
    plan,
    text,
    { wanted: wantFacets, compact: ctx.dictionary.compact },
    rings.shift(),
  );
  const { facetMode, point } = statements;
  if (text && geo && facetMode !== "rows") {
    // Text around a point: one statement, so the candidates and the match are computed once for
    // the page and the totals (measured: no gain for text alone, where the match is the cost).
    const rows = (
      await ctx.client.execute(statement(combinedStatement(request, plan, text, facetMode === "codes")))
    ).rows;
    const stats = rows.find((r) => Number(r.part) === 1)!;
    return { pageRows: rows.filter((r) => Number(r.part) === 0), stats, facetRows: [], facetMode, point };
  }
  const list = [statements.page, statements.stats, ...(statements.facets ? [statements.facets] : [])];
  const [page, stats, facets] = await ctx.client.batch(list.map(statement), "deferred");
  const fetched = {
    pageRows: page!.rows,
    stats: stats!.rows[0]!,
    facetRows: facets?.rows ?? [],
    facetMode,
    point,
  };
  const offset = (request.page - 1) * request.perPage;
  const total = Number(fetched.stats.total);
  const complete = () =>
    fetched.pageRows.length === request.perPage || offset + fetched.pageRows.length >= total;
  while (point && rings.length > 0 && !complete()) {
    fetched.pageRows = (
      await ctx.client.execute(statement(pageStatement(request, plan, text, rings.shift())))
    ).rows;
  }
  if (point && request.sort === "distance" && !complete()) {
    fetched.pageRows = (await ctx.client.execute(statement(pageStatement(request, plan, text)))).rows;
  }
  return fetched;
}

function facetCounts(ctx: SearchContext, index: IndexName, names: string[], fetched: Fetched) {
  const spec = indexSpecs[index];
  const wanted = new Set(names.map((f) => attrCode(spec, f)));
  const facets = Object.fromEntries(names.map((f) => [f, {} as Record<string, number>]));
  if (fetched.facetMode === "none") return facets;
  const counts =
    fetched.facetMode === "codes"
      ? ctx.dictionary.countCodes(String(fetched.stats.codes ?? ""), wanted)
      : ctx.dictionary.countRows(
          fetched.facetRows.map((r) => ({ fid: Number(r.fid), n: Number(r.n) })),
          wanted,
        );
  for (const [attr, values] of counts) facets[spec.valueAttrs[attr]!] = Object.fromEntries(values);
  return facets;
}

export async function runSearch(ctx: SearchContext, original: Request): Promise<SearchResponse<IndexName>> {
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(original.perPage)));
  const page = Math.max(1, Math.floor(original.page));
  const request = { ...original, perPage, page } as Request;
  const index = request.index;
  const plan =
    index === "secretaries" ? planSecretaryFilter(request.filters) : planMissionFilter(request.filters);
  const names = [...new Set(request.facets as string[])];
  names.forEach((f) => attrCode(indexSpecs[index], f)); // refuses an unknown facet before any work
  const text = await buildTextMatch(request.text, ctx.vocabulary);
  if (text.kind === "nothing") {
    const empty = {
      hits: [],
      total: 0,
      page,
      perPage,
      totalPages: 0,
      facets: Object.fromEntries(names.map((f) => [f, {}])),
    };
    return index === "secretaries" ? { ...empty, rateStats: null } : empty;
  }
  const match = text.kind === "match" ? await checkExact(ctx.client, index, text) : null;
  if (names.length > 0) await ctx.dictionary.refresh();
  const fetched = await fetchRows(ctx, request, plan, match, names.length > 0);
  const total = Number(fetched.stats.total);
  const hits = fetched.pageRows.map((row) => withDistance(JSON.parse(String(row.doc)), fetched.point));
  const response = {
    hits,
    total,
    page,
    perPage,
    totalPages: Math.ceil(total / perPage),
    facets: facetCounts(ctx, index, names, fetched),
  };
  if (index !== "secretaries") return response;
  const { rateMin, rateMax } = fetched.stats;
  return {
    ...response,
    rateStats:
      rateMin === null || rateMin === undefined ? null : { min: Number(rateMin), max: Number(rateMax) },
  };
}
