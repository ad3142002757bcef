import type { SearchResponse as MeiliResponse } from "meilisearch";
import { describe, expect, it } from "vitest";
import { distanceKm } from "#app/domain/geo/distance";
import {
  queryPoint,
  toMeilisearchFacets,
  toMeilisearchSort,
  toReachRadii,
  toSearchParams,
  toSearchResponse,
} from "#search/meilisearch/meilisearch-query";
import type { MissionSearch, SecretarySearch } from "#search/query";

const paris = { lat: 48.855, lng: 2.35 };
const lyon = { lat: 45.76, lng: 4.835 };

const secretaries = (over: Partial<SecretarySearch> = {}): SecretarySearch => ({
  index: "secretaries",
  text: "",
  filters: {},
  sort: "relevance",
  facets: [],
  page: 1,
  perPage: 20,
  ...over,
});

const missions = (over: Partial<MissionSearch> = {}): MissionSearch => ({
  index: "missions",
  text: "",
  filters: {},
  sort: "newest",
  facets: [],
  page: 1,
  perPage: 20,
  ...over,
});

const raw = (over: Partial<MeiliResponse> = {}): MeiliResponse =>
  ({
    hits: [],
    processingTimeMs: 1,
    query: "",
    totalHits: 0,
    page: 1,
    hitsPerPage: 20,
    totalPages: 0,
    ...over,
  }) as MeiliResponse;

describe("toMeilisearchSort", () => {
  it("sends no sort for relevance: the ranking rules end with the rating score", () => {
    expect(toMeilisearchSort(secretaries())).toBeUndefined();
  });

  it("maps every explicit sort, with id as the final tie-break", () => {
    expect(toMeilisearchSort(secretaries({ sort: "rate_asc" }))).toEqual(["hourlyRateCents:asc", "id:asc"]);
    expect(toMeilisearchSort(secretaries({ sort: "rate_desc" }))).toEqual(["hourlyRateCents:desc", "id:asc"]);
    expect(toMeilisearchSort(secretaries({ sort: "rating" }))).toEqual(["ratingScore:desc", "id:asc"]);
    expect(toMeilisearchSort(secretaries({ sort: "newest" }))).toEqual(["publishedAt:desc", "id:asc"]);
    expect(toMeilisearchSort(missions({ sort: "newest" }))).toEqual(["createdAt:desc", "id:asc"]);
    expect(toMeilisearchSort(missions({ sort: "start_date" }))).toEqual(["startDate:asc", "id:asc"]);
    expect(toMeilisearchSort(missions({ sort: "budget_desc" }))).toEqual(["budgetCents:desc", "id:asc"]);
    expect(toMeilisearchSort(missions({ sort: "budget_asc" }))).toEqual(["budgetCents:asc", "id:asc"]);
  });

  it("sorts by distance from the reach point first, else the origin, else not at all", () => {
    const both = secretaries({ sort: "distance", filters: { reach: paris }, origin: lyon });
    expect(toMeilisearchSort(both)).toEqual(["_geoPoint(48.855, 2.35):asc", "id:asc"]);
    expect(toMeilisearchSort(secretaries({ sort: "distance", origin: lyon }))).toEqual([
      "_geoPoint(45.76, 4.835):asc",
      "id:asc",
    ]);
    expect(toMeilisearchSort(secretaries({ sort: "distance" }))).toBeUndefined();
    const near = missions({ sort: "distance", filters: { near: { ...lyon, radiusKm: 30 } } });
    expect(toMeilisearchSort(near)).toEqual(["_geoPoint(45.76, 4.835):asc", "id:asc"]);
  });
});

describe("toSearchParams", () => {
  it("compiles filters, page, facets and the all-words strategy", () => {
    const request = secretaries({
      sort: "rate_asc",
      page: 3,
      perPage: 10,
      facets: ["skills", "verified"],
      filters: { skills: ["AGENDA", 'A"B\\C AND x'], maxHourlyRateCents: 4000, verified: true },
    });
    expect(toSearchParams(request)).toEqual({
      filter: [
        'skills = "AGENDA" AND skills = "A\\"B\\\\C AND x"',
        "hourlyRateCents <= 4000",
        "verified = true",
      ],
      sort: ["hourlyRateCents:asc", "id:asc"],
      page: 3,
      hitsPerPage: 10,
      facets: ["skills", "verified", "hourlyRateCents"],
      matchingStrategy: "all",
      locales: ["fra"],
    });
  });

  it("turns reach into one _geoRadius per radius present in the index", () => {
    const params = toSearchParams(secretaries({ filters: { reach: paris } }), [10, 20]);
    expect(params.filter).toEqual([
      "onSite = true AND ((radiusKm = 10 AND _geoRadius(48.855, 2.35, 10000)) OR " +
        "(radiusKm = 20 AND _geoRadius(48.855, 2.35, 20000)))",
    ]);
  });

  it("leaves out an empty filter and asks missions for their facets only", () => {
    const params = toSearchParams(missions({ facets: ["workMode"] }));
    expect(params).not.toHaveProperty("filter");
    expect(params.facets).toEqual(["workMode"]);
  });

  it("asks for the rate facet once, for the slider statistics", () => {
    expect(toMeilisearchFacets(secretaries({ facets: ["skills"] }))).toEqual(["skills", "hourlyRateCents"]);
    expect(toMeilisearchFacets(secretaries())).toEqual(["hourlyRateCents"]);
  });
});

describe("toReachRadii", () => {
  it("reads the distinct radius values of the facet, in order", () => {
    expect(
      toReachRadii({ facetDistribution: { radiusKm: { "30": 2, "5": 1, "12.5": 4, nope: 1 } } }),
    ).toEqual([5, 12.5, 30]);
    expect(toReachRadii({})).toEqual([]);
  });
});

describe("toSearchResponse", () => {
  const hit = {
    id: "s1",
    displayName: "Alice",
    _geo: lyon,
    _geoDistance: 391234,
    _rankingScore: 0.9,
    _formatted: { displayName: "<em>Alice</em>" },
  };

  it("keeps the exact total and computes the page count", () => {
    const response = toSearchResponse(secretaries({ perPage: 20 }), raw({ totalHits: 41, hits: [] }));
    expect(response).toMatchObject({ total: 41, page: 1, perPage: 20, totalPages: 3 });
  });

  it("returns the requested facets only, an empty one as {}", () => {
    const response = toSearchResponse(
      secretaries({ facets: ["skills", "verified", "kind"] }),
      raw({
        facetDistribution: {
          skills: { AGENDA: 3 },
          verified: { true: 2, false: 1 },
          hourlyRateCents: { "3000": 1 },
        },
      }),
    );
    expect(response.facets).toEqual({ skills: { AGENDA: 3 }, verified: { true: 2, false: 1 }, kind: {} });
  });

  it("gives the rate statistics of secretaries, null when no match has a rate", () => {
    const stats = raw({ facetStats: { hourlyRateCents: { min: 2500, max: 6000 } } });
    expect(toSearchResponse(secretaries(), stats).rateStats).toEqual({ min: 2500, max: 6000 });
    expect(toSearchResponse(secretaries(), raw()).rateStats).toBeNull();
    expect(toSearchResponse(missions(), stats)).not.toHaveProperty("rateStats");
  });

  it("adds the haversine distance from the query point and drops the engine's own fields", () => {
    const response = toSearchResponse(secretaries({ filters: { reach: paris } }), raw({ hits: [hit] }));
    const [first] = response.hits;
    expect(first).toEqual({ id: "s1", displayName: "Alice", _geo: lyon, _distanceKm: expect.any(Number) });
    const expected = distanceKm(
      { latitude: paris.lat, longitude: paris.lng },
      { latitude: lyon.lat, longitude: lyon.lng },
    );
    expect(first!._distanceKm).toBeCloseTo(expected, 9);
  });

  it("gives no distance without a point or without coordinates", () => {
    expect(toSearchResponse(secretaries(), raw({ hits: [hit] })).hits[0]).not.toHaveProperty("_distanceKm");
    const noGeo = toSearchResponse(secretaries({ origin: paris }), raw({ hits: [{ id: "s2", _geo: null }] }));
    expect(noGeo.hits[0]).toEqual({ id: "s2", _geo: null });
  });

  it("measures from the near point of a mission search", () => {
    const request = missions({ filters: { near: { ...paris, radiusKm: 500 } } });
    expect(queryPoint(request)).toEqual(paris);
    expect(toSearchResponse(request, raw({ hits: [{ id: "m1", _geo: paris }] })).hits[0]?._distanceKm).toBe(
      0,
    );
  });
});
