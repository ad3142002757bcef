import { describe, expect, it } from "vitest";
import {
  MAX_TOTAL_HITS,
  MAX_VALUES_PER_FACET,
  meilisearchSettings,
} from "#search/meilisearch/meilisearch-settings";
import { displayedAttributes, filterableAttributes, searchableAttributes, stopWords } from "#search/settings";

describe("meilisearchSettings", () => {
  const secretaries = meilisearchSettings("secretaries");
  const missions = meilisearchSettings("missions");

  it("keeps the searchable attributes in their priority order", () => {
    expect(secretaries.searchableAttributes).toEqual([...searchableAttributes.secretaries]);
    expect(secretaries.searchableAttributes?.[0]).toBe("headline");
    expect(missions.searchableAttributes).toEqual([...searchableAttributes.missions]);
  });

  it("puts a chosen sort first, then relevance, the rating score, and the stable tie-breaks", () => {
    expect(secretaries.rankingRules).toEqual([
      "sort",
      "words",
      "typo",
      "proximity",
      "attribute",
      "exactness",
      "ratingScore:desc",
      "publishedAt:desc",
      "id:asc",
    ]);
    expect(missions.rankingRules).toEqual([
      "sort",
      "words",
      "typo",
      "proximity",
      "attribute",
      "exactness",
      "createdAt:desc",
      "id:asc",
    ]);
  });

  it("makes _geo filterable and sortable, and id sortable for the final tie-break", () => {
    expect(secretaries.filterableAttributes).toEqual([...filterableAttributes.secretaries]);
    expect(secretaries.filterableAttributes).toContain("_geo");
    expect(secretaries.filterableAttributes).toContain("radiusKm");
    expect(secretaries.sortableAttributes).toEqual([
      "hourlyRateCents",
      "ratingScore",
      "publishedAt",
      "_geo",
      "id",
    ]);
    expect(missions.sortableAttributes).toEqual(["createdAt", "startDate", "budgetCents", "_geo", "id"]);
  });

  it("expands synonyms both ways, multi-word ones included", () => {
    expect(secretaries.synonyms?.["rdv"]).toEqual(["rendez-vous", "rendez vous"]);
    expect(secretaries.synonyms?.["rendez-vous"]).toContain("rdv");
    expect(secretaries.synonyms?.["accueil telephonique"]).toEqual(["standard", "permanence telephonique"]);
  });

  it("copies the typo thresholds and stop words", () => {
    expect(secretaries.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    });
    expect(secretaries.stopWords).toEqual([...stopWords]);
  });

  it("only displays the whitelisted public fields", () => {
    expect(secretaries.displayedAttributes).toEqual([...displayedAttributes.secretaries]);
    expect(secretaries.displayedAttributes).not.toContain("*");
    expect(missions.displayedAttributes).toEqual([...displayedAttributes.missions]);
  });

  it("tokenises every attribute as French instead of guessing the language", () => {
    expect(secretaries.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["fra"] }]);
  });

  it("lifts the caps that would make totals inexact or drop radius values", () => {
    expect(secretaries.pagination?.maxTotalHits).toBe(MAX_TOTAL_HITS);
    expect(MAX_TOTAL_HITS).toBeGreaterThanOrEqual(100_000);
    expect(secretaries.faceting?.maxValuesPerFacet).toBe(MAX_VALUES_PER_FACET);
    expect(MAX_VALUES_PER_FACET).toBeGreaterThanOrEqual(200);
  });
});
