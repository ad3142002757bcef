// Pure translation between the shared query shape (../query.ts) and Meilisearch's search API:
// request → search parameters, raw response → SearchResponse. No I/O here, so it is unit-tested
// directly and the engine only sequences the calls.
import type { SearchParams, SearchResponse as MeiliResponse } from "meilisearch";
import { distanceKm } from "#app/domain/geo/distance";
import type { GeoPoint, IndexName } from "../documents";
import { planMissionFilter, planSecretaryFilter, toMeilisearchFilter } from "../filter";
import type { MissionSort, SearchHit, SearchRequest, SearchResponse, SecretarySort } from "../query";
import { LOCALES } from "./meilisearch-settings";

/** The facet asked for on every secretary search, for the rate slider's min and max. */
export const RATE_FACET = "hourlyRateCents";

/** The point distances are measured from: the reach or near filter's point, else the origin. */
export function queryPoint(request: SearchRequest): GeoPoint | undefined {
  if (request.index === "secretaries") return request.filters.reach ?? request.origin;
  const near = request.filters.near;
  return near ? { lat: near.lat, lng: near.lng } : request.origin;
}

const geoPoint = (p: GeoPoint) => `_geoPoint(${p.lat}, ${p.lng}):asc`;

const secretarySorts: Record<Exclude<SecretarySort, "relevance" | "distance">, string> = {
  rate_asc: "hourlyRateCents:asc",
  rate_desc: "hourlyRateCents:desc",
  rating: "ratingScore:desc",
  newest: "publishedAt:desc",
};

const missionSorts: Record<Exclude<MissionSort, "distance">, string> = {
  newest: "createdAt:desc",
  start_date: "startDate:asc",
  budget_desc: "budgetCents:desc",
  budget_asc: "budgetCents:asc",
};

/**
 * Meilisearch sort strings. Relevance sends none: the ranking rules already end with the rating
 * score, then publishedAt and id. Documents whose sort value is null (no hourly rate) or missing
 * (no _geo) come after every valued one in both directions — Meilisearch's sort returns the
 * documents without a value in a last bucket — which is the contract's "nulls last".
 * A distance sort without any point falls back to the default order.
 */
export function toMeilisearchSort(request: SearchRequest): string[] | undefined {
  const point = queryPoint(request);
  if (request.sort === "distance") return point ? [geoPoint(point), "id:asc"] : undefined;
  if (request.index === "secretaries") {
    return request.sort === "relevance" ? undefined : [secretarySorts[request.sort], "id:asc"];
  }
  return [missionSorts[request.sort], "id:asc"];
}

export function toMeilisearchFacets(request: SearchRequest): string[] {
  const facets: string[] = [...request.facets];
  if (request.index === "secretaries" && !facets.includes(RATE_FACET)) facets.push(RATE_FACET);
  return facets;
}

/** `reachRadii`: the distinct radiusKm values in the index (see toMeilisearchFilter). */
export function toSearchParams(request: SearchRequest, reachRadii: number[] = []): SearchParams {
  const plan =
    request.index === "secretaries"
      ? planSecretaryFilter(request.filters)
      : planMissionFilter(request.filters);
  const filter = toMeilisearchFilter(request.index, plan, reachRadii);
  const sort = toMeilisearchSort(request);
  return {
    ...(filter.length > 0 ? { filter } : {}),
    ...(sort ? { sort } : {}),
    page: request.page,
    hitsPerPage: request.perPage,
    facets: toMeilisearchFacets(request),
    // Every query word must match (the default "last" drops words until something matches).
    matchingStrategy: "all",
    locales: [...LOCALES],
  };
}

/** The search that lists the radius values present among on-site secretaries. */
export const reachRadiiParams: SearchParams = {
  filter: "onSite = true",
  facets: ["radiusKm"],
  limit: 0,
};

export function toReachRadii(raw: Pick<MeiliResponse, "facetDistribution">): number[] {
  const values = Object.keys(raw.facetDistribution?.radiusKm ?? {}).map(Number);
  return [...new Set(values.filter((v) => Number.isFinite(v) && v > 0))].sort((a, b) => a - b);
}

/** Fields Meilisearch adds to a hit; none of them belongs to our response. */
const engineFields = [
  "_geoDistance",
  "_rankingScore",
  "_rankingScoreDetails",
  "_formatted",
  "_matchesPosition",
  "_federation",
];

function toHit<I extends IndexName>(raw: Record<string, unknown>, point: GeoPoint | undefined): SearchHit<I> {
  const hit: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!engineFields.includes(key)) hit[key] = value;
  const geo = (hit._geo ?? null) as GeoPoint | null;
  hit._geo = geo;
  // Recomputed with the app's haversine rather than read from _geoDistance (whole metres, and
  // present only with a _geoPoint sort), so both engines report the same figure.
  if (point && geo) {
    hit._distanceKm = distanceKm(
      { latitude: point.lat, longitude: point.lng },
      { latitude: geo.lat, longitude: geo.lng },
    );
  }
  return hit as SearchHit<I>;
}

export function toSearchResponse<I extends IndexName>(
  request: SearchRequest,
  raw: MeiliResponse,
): SearchResponse<I> {
  const point = queryPoint(request);
  const total = raw.totalHits ?? raw.estimatedTotalHits ?? 0;
  const facets: Record<string, Record<string, number>> = {};
  // Meilisearch already writes boolean facet values as "true" / "false".
  for (const facet of request.facets) facets[facet] = { ...(raw.facetDistribution?.[facet] ?? {}) };
  const response: SearchResponse<I> = {
    hits: raw.hits.map((hit) => toHit<I>(hit, point)),
    total,
    page: request.page,
    perPage: request.perPage,
    totalPages: Math.ceil(total / request.perPage),
    facets,
  };
  if (request.index === "secretaries") {
    const stats = raw.facetStats?.[RATE_FACET];
    response.rateStats = stats ? { min: stats.min, max: stats.max } : null;
  }
  return response;
}
