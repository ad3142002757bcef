// One query shape for both engines and both indexes (DESIGN.md §5). Routes build these from the
// URL with zod; engines receive them already valid.
import { z } from "zod";
import type { DocumentOf, GeoPoint, IndexName } from "./documents";

const point = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
const code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const dayMs = z.number().int().min(0);

export const secretaryFiltersSchema = z
  .object({
    /** She must have every one of these. */
    skills: z.array(code).max(20).optional(),
    /** Any of these. */
    sectors: z.array(code).max(20).optional(),
    /** Every one of these. */
    software: z.array(code).max(20).optional(),
    /** Every one of these. */
    languages: z.array(code).max(10).optional(),
    /** Any of these. */
    billingModes: z.array(code).max(3).optional(),
    maxHourlyRateCents: z.number().int().min(0).optional(),
    /** Available on or before this day. */
    availableBy: dayMs.optional(),
    /** Every one of these weekly slots ("1-MATIN"…). */
    availabilitySlots: z.array(code).max(21).optional(),
    verified: z.boolean().optional(),
    kind: z.enum(["INDEPENDENT", "AGENCY"]).optional(),
    remote: z.boolean().optional(),
    /** On-site reach: her own radius covers the distance from her base to this point. */
    reach: point.optional(),
  })
  .strict();
export type SecretaryFilters = z.infer<typeof secretaryFiltersSchema>;

export const missionFiltersSchema = z
  .object({
    skills: z.array(code).max(20).optional(),
    billingModes: z.array(code).max(3).optional(),
    minBudgetCents: z.number().int().min(0).optional(),
    maxBudgetCents: z.number().int().min(0).optional(),
    scheduleTypes: z.array(code).max(3).optional(),
    workModes: z.array(code).max(3).optional(),
    startFrom: dayMs.optional(),
    startBefore: dayMs.optional(),
    /** Within radiusKm of a point (the secretary's base). */
    near: point.extend({ radiusKm: z.number().min(1).max(500) }).optional(),
  })
  .strict();
export type MissionFilters = z.infer<typeof missionFiltersSchema>;

export const secretarySorts = ["relevance", "rate_asc", "rate_desc", "rating", "distance", "newest"] as const;
export const missionSorts = ["newest", "start_date", "budget_desc", "budget_asc", "distance"] as const;
export type SecretarySort = (typeof secretarySorts)[number];
export type MissionSort = (typeof missionSorts)[number];

export const secretaryFacets = ["skills", "sectors", "software", "languages", "billingModes", "availabilitySlots", "verified", "kind", "remote", "onSite"] as const;
export const missionFacets = ["skills", "billingMode", "scheduleType", "workMode", "sector"] as const;
export type SecretaryFacet = (typeof secretaryFacets)[number];
export type MissionFacet = (typeof missionFacets)[number];

export const MAX_PER_PAGE = 50;

type Common = {
  /** Free text; typo tolerant, accents ignored, French synonyms. Empty = everything. */
  text: string;
  page: number;
  perPage: number;
};

export type SecretarySearch = Common & {
  index: "secretaries";
  filters: SecretaryFilters;
  sort: SecretarySort;
  facets: SecretaryFacet[];
  /** Needed by the "distance" sort when no reach filter gives a point. */
  origin?: GeoPoint;
};

export type MissionSearch = Common & {
  index: "missions";
  filters: MissionFilters;
  sort: MissionSort;
  facets: MissionFacet[];
  origin?: GeoPoint;
};

export type SearchRequest = SecretarySearch | MissionSearch;

export type SearchHit<I extends IndexName> = DocumentOf<I> & {
  /** Distance in km from the query point (reach, near or origin), when there is one. */
  _distanceKm?: number;
};

export type SearchResponse<I extends IndexName> = {
  hits: SearchHit<I>[];
  /** Exact number of matching documents. */
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  /** For each requested facet: value → number of matching documents (booleans as "true"/"false"). */
  facets: Record<string, Record<string, number>>;
  /** Min and max hourly rate among the matching secretaries (for the rate slider). */
  rateStats?: { min: number; max: number } | null;
};

export type RequestFor<I extends IndexName> = I extends "secretaries" ? SecretarySearch : MissionSearch;
