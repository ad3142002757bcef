// The Meilisearch form of the shared settings in ../settings.ts, plus the few things only this
// engine needs. Applied to every index (live or temporary) before it receives a document.
import type { Settings } from "meilisearch";
import type { IndexName } from "../documents";
import {
  displayedAttributes,
  filterableAttributes,
  meilisearchSynonyms,
  rankingRules,
  searchableAttributes,
  sortableAttributes,
  stopWords,
  typoTolerance,
} from "../settings";

/**
 * Meilisearch caps `totalHits` (and the pages one can reach) at 1000 by default; the contract
 * wants an exact total, so the cap sits far above any index we will hold.
 */
export const MAX_TOTAL_HITS = 1_000_000;

/**
 * Facet values returned per facet (default 100). The radiusKm facet alone can hold 200 values
 * (1–200 km) and the reach filter needs every one of them.
 */
export const MAX_VALUES_PER_FACET = 1_000;

/** Texts and queries are tokenised as French (ISO 639-3), never by language detection. */
export const LOCALES = ["fra"] as const;

/**
 * Appended after the shared ranking rules so equal documents come out in the contract's order
 * and pages stay stable: Meilisearch would otherwise break ties by its internal document number.
 */
export const tieBreakRules = {
  secretaries: ["publishedAt:desc", "id:asc"],
  missions: ["id:asc"],
} as const satisfies Record<IndexName, readonly string[]>;

export function meilisearchSettings(index: IndexName): Settings {
  return {
    searchableAttributes: [...searchableAttributes[index]],
    filterableAttributes: [...filterableAttributes[index]],
    // "id" is sortable only for the final tie-break of explicit sorts (…, "id:asc").
    sortableAttributes: [...sortableAttributes[index], "id"],
    rankingRules: [...rankingRules[index], ...tieBreakRules[index]],
    synonyms: meilisearchSynonyms(),
    stopWords: [...stopWords],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { ...typoTolerance.minWordSizeForTypos },
    },
    displayedAttributes: [...displayedAttributes[index]],
    // Everything is French: no per-document language guess that could segment a text otherwise.
    localizedAttributes: [{ attributePatterns: ["*"], locales: [...LOCALES] }],
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}
