// Index settings, kept in code and applied before any document (Meilisearch) or used directly
// (embedded engine), so both engines share one definition of what is searchable and how.
import type { IndexName } from "./documents";

export const searchableAttributes = {
  secretaries: ["headline", "skillLabels", "displayName", "sectorLabels", "softwareLabels", "bio", "baseCommune", "agencyName"],
  missions: ["title", "skillLabels", "description", "commune", "businessName"],
} as const satisfies Record<IndexName, readonly string[]>;

export const filterableAttributes = {
  secretaries: [
    "skills", "sectors", "software", "languages", "billingModes", "hourlyRateCents", "availableFrom",
    "availabilitySlots", "verified", "kind", "remote", "onSite", "radiusKm", "_geo",
  ],
  missions: ["skills", "billingMode", "budgetCents", "scheduleType", "workMode", "startDate", "sector", "_geo"],
} as const satisfies Record<IndexName, readonly string[]>;

export const sortableAttributes = {
  secretaries: ["hourlyRateCents", "ratingScore", "publishedAt", "_geo"],
  missions: ["createdAt", "startDate", "budgetCents", "_geo"],
} as const satisfies Record<IndexName, readonly string[]>;

/**
 * Meilisearch ranking rules. "sort" comes first: a sort the user picks (rate, newest, distance) is
 * strict, as both engines do (ADR 006); without one, relevance ranks and the Bayesian rating
 * score breaks ties last.
 */
export const rankingRules = {
  secretaries: ["sort", "words", "typo", "proximity", "attribute", "exactness", "ratingScore:desc"],
  missions: ["sort", "words", "typo", "proximity", "attribute", "exactness", "createdAt:desc"],
} as const satisfies Record<IndexName, readonly string[]>;

/** One typo from 5 letters, two from 9 — Meilisearch's defaults, which the embedded engine copies. */
export const typoTolerance = { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } } as const;

/**
 * Groups of words or phrases that mean the same thing in French secretarial work. Each group is
 * expanded both ways (Meilisearch "mutual" synonyms).
 */
export const synonymGroups: readonly (readonly string[])[] = [
  ["rdv", "rendez-vous", "rendez vous"],
  ["standard", "accueil telephonique", "permanence telephonique"],
  ["compte rendu", "cr", "pv", "proces-verbal", "proces verbal"],
  ["saisie comptable", "comptabilite"],
  ["telesecretariat", "secretariat a distance", "teletravail"],
  ["secretaire", "assistante"],
  ["medical", "medicale", "cabinet medical"],
  ["agenda", "planning"],
  ["courrier", "mail postal"],
];

/** Mutual synonyms in Meilisearch's format: every member maps to all the others. */
export function meilisearchSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of synonymGroups) {
    for (const word of group) out[word] = group.filter((other) => other !== word);
  }
  return out;
}

export const stopWords = [
  "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "a", "au", "aux", "en", "pour",
  "par", "sur", "avec", "dans", "je", "j", "vous", "nous", "mon", "ma", "mes", "votre", "vos", "qui", "que",
];

/** Only these attributes ever leave the engine. */
export const displayedAttributes = {
  secretaries: [
    "id", "slug", "displayName", "headline", "skills", "sectors", "software", "languages", "billingModes",
    "hourlyRateCents", "remote", "onSite", "baseCommune", "radiusKm", "availabilitySlots", "availableFrom",
    "verified", "kind", "agencyName", "ratingAverage", "ratingCount", "ratingScore", "publishedAt", "_geo",
  ],
  missions: [
    "id", "title", "description", "skills", "sector", "billingMode", "budgetCents", "scheduleType", "workMode",
    "languages", "commune", "startDate", "businessName", "createdAt", "_geo",
  ],
} as const satisfies Record<IndexName, readonly string[]>;
