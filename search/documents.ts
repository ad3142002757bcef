// What the search indexes hold: public fields only (DESIGN.md §5). Nothing here may carry an email,
// an exact address or a private note — documents are built by the mappers in ./mappers.ts.
import { z } from "zod";

export const indexNames = ["secretaries", "missions"] as const;
export type IndexName = (typeof indexNames)[number];

const geoPoint = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
export type GeoPoint = z.infer<typeof geoPoint>;

export const secretaryDocumentSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    displayName: z.string(),
    headline: z.string(),
    bio: z.string(),
    skills: z.array(z.string()),
    sectors: z.array(z.string()),
    software: z.array(z.string()),
    languages: z.array(z.string()),
    billingModes: z.array(z.string()),
    /** French labels of the codes above, so "agenda" finds AGENDA_MANAGEMENT. */
    skillLabels: z.array(z.string()),
    sectorLabels: z.array(z.string()),
    softwareLabels: z.array(z.string()),
    hourlyRateCents: z.number().int().nullable(),
    remote: z.boolean(),
    onSite: z.boolean(),
    baseCommune: z.string().nullable(),
    /** Base coordinates rounded to about 500 m; null when she does not work on site. */
    _geo: geoPoint.nullable(),
    radiusKm: z.number().int().nullable(),
    /** Weekly half-day slots she covers, e.g. "1-MATIN" (lundi matin) — see availability-slots.ts. */
    availabilitySlots: z.array(z.string()),
    /** Day (epoch milliseconds, UTC midnight) from which she is available; 0 when available now. */
    availableFrom: z.number().int(),
    verified: z.boolean(),
    kind: z.enum(["INDEPENDENT", "AGENCY"]),
    agencyName: z.string().nullable(),
    ratingAverage: z.number().nullable(),
    ratingCount: z.number().int(),
    /** Bayesian rating (see rating-score.ts): the tie-breaker after relevance. */
    ratingScore: z.number(),
    publishedAt: z.number().int(),
  })
  .strict();
export type SecretaryDocument = z.infer<typeof secretaryDocumentSchema>;

export const missionDocumentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    skills: z.array(z.string()),
    skillLabels: z.array(z.string()),
    sector: z.string().nullable(),
    billingMode: z.enum(["PER_TASK", "HOURLY", "FIXED"]),
    /** Comparable budget in cents: max hourly rate (HOURLY), package amount (FIXED), expected monthly total (PER_TASK). */
    budgetCents: z.number().int(),
    scheduleType: z.enum(["ONE_OFF", "RECURRING", "REPLACEMENT"]),
    workMode: z.enum(["REMOTE", "ON_SITE", "HYBRID"]),
    languages: z.array(z.string()),
    commune: z.string().nullable(),
    _geo: geoPoint.nullable(),
    /** Start day, epoch milliseconds. */
    startDate: z.number().int(),
    businessName: z.string(),
    createdAt: z.number().int(),
  })
  .strict();
export type MissionDocument = z.infer<typeof missionDocumentSchema>;

export type DocumentOf<I extends IndexName> = I extends "secretaries" ? SecretaryDocument : MissionDocument;

/** About 500 m: coordinates are stored on a 0.005° grid so no exact address can be read back. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 200) / 200;
}
