// How each index's documents map onto the embedded engine's tables: typed columns for filters and
// sorts, attribute codes for the multi-valued table (filters and facets), FTS columns in priority order.
import type { IndexName } from "../documents";
import { searchableAttributes } from "../settings";

export type ColumnType = "int" | "real" | "text" | "bool";
export type Column = { attr: string; column: string; type: ColumnType };

export type IndexSpec = {
  index: IndexName;
  /** Scalar attributes stored as columns of the docs table (filters, sorts, rate statistics). */
  columns: Column[];
  /**
   * Attributes held as (attr, value) pairs — numbered in facet_ids, listed per document in the values
   * table (filters) and in docs.fcodes (facet counting): arrays and scalar facets.
   */
  valueAttrs: string[];
  /** Of valueAttrs, those that are arrays (a filter on them means "contains"). */
  arrayAttrs: string[];
  searchable: readonly string[];
  /** FTS column weights, in searchable order: the first attribute counts most. */
  weights: number[];
};

const geoColumns: Column[] = [
  { attr: "_geo.lat", column: "lat", type: "real" },
  { attr: "_geo.lng", column: "lng", type: "real" },
];

const weightsFor = (attrs: readonly string[]) => attrs.map((_, i) => 2 ** (attrs.length - 1 - i));

export const indexSpecs: Record<IndexName, IndexSpec> = {
  secretaries: {
    index: "secretaries",
    columns: [
      { attr: "hourlyRateCents", column: "hourlyRateCents", type: "int" },
      { attr: "availableFrom", column: "availableFrom", type: "int" },
      { attr: "verified", column: "verified", type: "bool" },
      { attr: "kind", column: "kind", type: "text" },
      { attr: "remote", column: "remote", type: "bool" },
      { attr: "onSite", column: "onSite", type: "bool" },
      { attr: "radiusKm", column: "radiusKm", type: "int" },
      { attr: "ratingScore", column: "ratingScore", type: "real" },
      { attr: "publishedAt", column: "publishedAt", type: "int" },
      ...geoColumns,
    ],
    valueAttrs: [
      "skills",
      "sectors",
      "software",
      "languages",
      "billingModes",
      "availabilitySlots",
      "verified",
      "kind",
      "remote",
      "onSite",
    ],
    arrayAttrs: ["skills", "sectors", "software", "languages", "billingModes", "availabilitySlots"],
    searchable: searchableAttributes.secretaries,
    weights: weightsFor(searchableAttributes.secretaries),
  },
  missions: {
    index: "missions",
    columns: [
      { attr: "billingMode", column: "billingMode", type: "text" },
      { attr: "budgetCents", column: "budgetCents", type: "int" },
      { attr: "scheduleType", column: "scheduleType", type: "text" },
      { attr: "workMode", column: "workMode", type: "text" },
      { attr: "startDate", column: "startDate", type: "int" },
      { attr: "sector", column: "sector", type: "text" },
      { attr: "createdAt", column: "createdAt", type: "int" },
      ...geoColumns,
    ],
    valueAttrs: ["skills", "billingMode", "scheduleType", "workMode", "sector"],
    arrayAttrs: ["skills"],
    searchable: searchableAttributes.missions,
    weights: weightsFor(searchableAttributes.missions),
  },
};

/** Table names of one index (fixed identifiers, never built from input). */
export function tables(index: IndexName) {
  return {
    docs: `${index}_docs`,
    json: `${index}_json`,
    values: `${index}_values`,
    facetIds: `${index}_facet_ids`,
    facetCounts: `${index}_facet_counts`,
    fts: `${index}_fts`,
    geo: `${index}_geo`,
    reach: `${index}_reach`,
    terms: `${index}_terms`,
  };
}

/** Small integer code of an attribute in the values table. */
export function attrCode(spec: IndexSpec, attr: string): number {
  const code = spec.valueAttrs.indexOf(attr);
  if (code < 0) throw new Error(`attribute ${attr} has no values on ${spec.index}`);
  return code;
}

export function columnOf(spec: IndexSpec, attr: string): Column | undefined {
  return spec.columns.find((c) => c.attr === attr);
}
