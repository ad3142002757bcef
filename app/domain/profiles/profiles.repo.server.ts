// The only module reading or writing SecretaryProfile rows for the profile pages. Every query
// names its columns; JSON columns are validated on the way out (profiles.schema.ts).
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";
import { enqueueSearchUpdate } from "#search/sync/outbox";
import {
  storedAvailability,
  storedBillingModes,
  storedLanguages,
  storedSectors,
  storedSkills,
  storedSoftware,
  storedTaskPrices,
  type AvailabilityWindow,
  type TaskPrice,
} from "./profile-columns";
import type { BillingMode, Language, Sector, Skill, Software } from "./taxonomy";

/** Everything the owner edits, in the shape written to the row (coordinates included). */
export type ProfileContentData = {
  headline: string;
  bio: string;
  skills: Skill[];
  sectors: Sector[];
  software: Software[];
  languages: Language[];
  yearsExperience: number;
  hourlyRateCents: number | null;
  taskPrices: TaskPrice[];
  billingModes: BillingMode[];
  remote: boolean;
  onSite: boolean;
  basePostcode: string | null;
  baseCommune: string | null;
  baseInseeCode: string | null;
  baseLatitude: number | null;
  baseLongitude: number | null;
  radiusKm: number | null;
  availability: AvailabilityWindow[];
  availableFrom: Date | null;
};

// Public columns only: no coordinates, no INSEE code, no user e-mail. Staff review adds to it.
export const contentSelect = {
  slug: true,
  status: true,
  headline: true,
  bio: true,
  skills: true,
  sectors: true,
  software: true,
  languages: true,
  yearsExperience: true,
  hourlyRateCents: true,
  taskPrices: true,
  billingModes: true,
  remote: true,
  onSite: true,
  basePostcode: true,
  baseCommune: true,
  radiusKm: true,
  availability: true,
  availableFrom: true,
  verified: true,
  agency: { select: { name: true } },
} satisfies Prisma.SecretaryProfileSelect;

type ContentRow = Prisma.SecretaryProfileGetPayload<{ select: typeof contentSelect }>;

function readContent(row: ContentRow) {
  const { agency, skills, sectors, software, languages, taskPrices, billingModes, availability, ...rest } =
    row;
  return {
    ...rest,
    skills: storedSkills.parse(skills),
    sectors: storedSectors.parse(sectors),
    software: storedSoftware.parse(software),
    languages: storedLanguages.parse(languages),
    taskPrices: storedTaskPrices.parse(taskPrices),
    billingModes: storedBillingModes.parse(billingModes),
    availability: storedAvailability.parse(availability),
    agencyName: agency?.name ?? null,
  };
}

export async function findAccountForProfile(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, kind: true, displayName: true, emailVerifiedAt: true },
  });
}

/** The owner's profile, created as a draft if her account has none yet (idempotent). */
export async function ensureProfileOfUser(userId: string, slug: string) {
  await db.secretaryProfile.upsert({
    where: { userId },
    create: { userId, slug },
    update: {},
    select: { id: true },
  });
}

export async function findEditableProfileByUserId(userId: string) {
  const row = await db.secretaryProfile.findUnique({
    where: { userId },
    select: { id: true, ...contentSelect },
  });
  return row ? { id: row.id, ...readContent(row) } : null;
}

export async function findProfileStateByUserId(tx: Tx, userId: string) {
  return tx.secretaryProfile.findUnique({ where: { userId }, select: { id: true, status: true } });
}

export async function findLastRejectionReason(profileId: string): Promise<string | null> {
  const change = await db.profileStatusChange.findFirst({
    where: { profileId, to: "REJECTED" },
    orderBy: { createdAt: "desc" },
    select: { reason: true },
  });
  return change?.reason ?? null;
}

/**
 * Content only: the status never changes here (profile-transition.server.ts owns it). Edits of a
 * published profile are live at once, so its search document is queued for update in the same
 * transaction (for a draft the worker finds nothing to index and that is all).
 */
export async function updateProfileContent(tx: Tx, profileId: string, data: ProfileContentData) {
  await tx.secretaryProfile.update({ where: { id: profileId }, data, select: { id: true } });
  await enqueueSearchUpdate(tx, "secretaries", profileId);
}

export async function findProfileBySlug(slug: string) {
  const row = await db.secretaryProfile.findUnique({
    where: { slug },
    select: { ...contentSelect, userId: true, user: { select: { displayName: true, suspendedAt: true } } },
  });
  if (!row) return null;
  const { userId, user, ...content } = row;
  return {
    userId,
    displayName: user.displayName,
    ownerSuspended: user.suspendedAt !== null,
    ...readContent(content),
  };
}
