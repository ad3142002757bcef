// From a SecretaryProfile row (with its user and agency) to what the "secretaries" index holds.
// Public fields only: the e-mail, the user id, the postcode, the INSEE code and the exact
// coordinates are not even selected, so they cannot reach a document by mistake.
import type { Prisma } from "#app/generated/prisma/client.ts";
import {
  storedAvailability,
  storedBillingModes,
  storedLanguages,
  storedSectors,
  storedSkills,
  storedSoftware,
} from "#app/domain/profiles/profile-columns";
import { sectorLabels, skillLabels, softwareLabels } from "#app/domain/profiles/taxonomy";
import { availabilitySlots } from "../availability-slots";
import { roundCoordinate, type SecretaryDocument } from "../documents";
import { bayesianRating } from "../rating-score";

export const secretarySourceSelect = {
  id: true,
  slug: true,
  status: true,
  headline: true,
  bio: true,
  skills: true,
  sectors: true,
  software: true,
  languages: true,
  billingModes: true,
  hourlyRateCents: true,
  remote: true,
  onSite: true,
  baseCommune: true,
  // Read only to be rounded to the 500 m grid below; never copied as is.
  baseLatitude: true,
  baseLongitude: true,
  radiusKm: true,
  availability: true,
  availableFrom: true,
  verified: true,
  ratingAverage: true,
  ratingCount: true,
  publishedAt: true,
  agencyId: true,
  user: { select: { displayName: true, suspendedAt: true } },
  agency: { select: { name: true } },
} satisfies Prisma.SecretaryProfileSelect;

export type SecretarySourceRow = Prisma.SecretaryProfileGetPayload<{ select: typeof secretarySourceSelect }>;

/** Rows that have a document: the same rule as `isListed`, as a Prisma filter (reindex, counts). */
export const listedProfilesWhere = {
  status: "PUBLISHED",
  user: { suspendedAt: null },
} satisfies Prisma.SecretaryProfileWhereInput;

export type SecretaryDocumentChange =
  { action: "upsert"; document: SecretaryDocument } | { action: "remove"; id: string };

/** Only a published profile of an active account is searchable (as on its public page). */
export function isListed(row: Pick<SecretarySourceRow, "status" | "user">): boolean {
  return row.status === "PUBLISHED" && row.user.suspendedAt === null;
}

export function toSecretaryChange(row: SecretarySourceRow): SecretaryDocumentChange {
  return isListed(row)
    ? { action: "upsert", document: toSecretaryDocument(row) }
    : { action: "remove", id: row.id };
}

const labelsOf = <T extends string>(labels: Record<T, string>, codes: T[]) =>
  codes.map((code) => labels[code]);

/** Day as UTC midnight in epoch ms; the form stores dates at T00:00:00Z, this only makes it certain. */
function utcDay(date: Date | null): number {
  if (!date) return 0;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** A point only for on-site work, and then on the 500 m grid. */
function roundedBase(row: SecretarySourceRow): SecretaryDocument["_geo"] {
  if (!row.onSite || row.baseLatitude === null || row.baseLongitude === null) return null;
  return { lat: roundCoordinate(row.baseLatitude), lng: roundCoordinate(row.baseLongitude) };
}

export function toSecretaryDocument(row: SecretarySourceRow): SecretaryDocument {
  const skills = storedSkills.parse(row.skills);
  const sectors = storedSectors.parse(row.sectors);
  const software = storedSoftware.parse(row.software);
  return {
    id: row.id,
    slug: row.slug,
    displayName: row.user.displayName,
    headline: row.headline,
    bio: row.bio,
    skills,
    sectors,
    software,
    languages: storedLanguages.parse(row.languages),
    billingModes: storedBillingModes.parse(row.billingModes),
    skillLabels: labelsOf(skillLabels, skills),
    sectorLabels: labelsOf(sectorLabels, sectors),
    softwareLabels: labelsOf(softwareLabels, software),
    hourlyRateCents: row.hourlyRateCents,
    remote: row.remote,
    onSite: row.onSite,
    baseCommune: row.onSite ? row.baseCommune : null,
    _geo: roundedBase(row),
    radiusKm: row.onSite ? row.radiusKm : null,
    availabilitySlots: availabilitySlots(storedAvailability.parse(row.availability)),
    availableFrom: utcDay(row.availableFrom),
    verified: row.verified,
    kind: row.agencyId ? "AGENCY" : "INDEPENDENT",
    agencyName: row.agencyId ? (row.agency?.name ?? null) : null,
    ratingAverage: row.ratingAverage,
    ratingCount: row.ratingCount,
    ratingScore: bayesianRating(row.ratingAverage, row.ratingCount),
    publishedAt: row.publishedAt?.getTime() ?? 0,
  };
}
