// The only place the moderation use cases touch Prisma for profiles. Explicit selects; the JSON
// columns go through the same zod parsers as the public page, so reviewers see what businesses would.
import {
  storedAvailability,
  storedBillingModes,
  storedLanguages,
  storedSectors,
  storedSkills,
  storedSoftware,
  storedTaskPrices,
} from "#app/domain/profiles/profile-columns";
import { contentSelect } from "#app/domain/profiles/profiles.repo.server";
import { db, type Tx } from "#app/lib/db.server";
import type { QueueItem, StatusCounts, StatusHistoryItem } from "./moderation.schema";

// What the public page shows, plus what staff need to decide: identity, e-mail and dates.
const reviewSelect = {
  ...contentSelect,
  id: true,
  userId: true,
  submittedAt: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  user: {
    select: { displayName: true, email: true, createdAt: true, emailVerifiedAt: true, suspendedAt: true },
  },
  agency: { select: { name: true, slug: true } },
} as const;

export type ProfileForReview = NonNullable<Awaited<ReturnType<typeof findProfileForReview>>>;

export async function findProfileForReview(profileId: string) {
  const row = await db.secretaryProfile.findUnique({ where: { id: profileId }, select: reviewSelect });
  if (!row) return null;
  return {
    ...row,
    skills: storedSkills.parse(row.skills),
    sectors: storedSectors.parse(row.sectors),
    software: storedSoftware.parse(row.software),
    languages: storedLanguages.parse(row.languages),
    billingModes: storedBillingModes.parse(row.billingModes),
    taskPrices: storedTaskPrices.parse(row.taskPrices),
    availability: storedAvailability.parse(row.availability),
  };
}

export async function findStatusHistory(profileId: string): Promise<StatusHistoryItem[]> {
  const rows = await db.profileStatusChange.findMany({
    where: { profileId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      from: true,
      to: true,
      reason: true,
      createdAt: true,
      actor: { select: { displayName: true, role: true } },
    },
  });
  return rows.map(({ actor, ...row }) => ({
    ...row,
    actorName: actor.displayName,
    actorIsStaff: actor.role === "MODERATOR" || actor.role === "ADMIN",
  }));
}

export async function countProfilesByStatus(): Promise<StatusCounts> {
  const groups = await db.secretaryProfile.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: StatusCounts = { PENDING_REVIEW: 0, PUBLISHED: 0, REJECTED: 0, SUSPENDED: 0 };
  for (const group of groups) {
    if (Object.hasOwn(counts, group.status)) counts[group.status as keyof StatusCounts] = group._count._all;
  }
  return counts;
}

/** Oldest submission first: the queue is served in order. */
export async function findPendingProfiles(limit: number): Promise<QueueItem[]> {
  const rows = await db.secretaryProfile.findMany({
    where: { status: "PENDING_REVIEW" },
    // A profile with no submission date (imported data) has waited at least as long as any other.
    orderBy: [{ submittedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    take: limit,
    select: {
      id: true,
      headline: true,
      submittedAt: true,
      user: { select: { displayName: true } },
      agency: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    headline: row.headline,
    submittedAt: row.submittedAt,
    displayName: row.user.displayName,
    agencyName: row.agency?.name ?? null,
  }));
}

/** What a decision needs to know before and after it changes the profile, read inside its transaction. */
export async function findDecisionTarget(tx: Tx, profileId: string) {
  return tx.secretaryProfile.findUnique({
    where: { id: profileId },
    select: {
      id: true,
      userId: true,
      slug: true,
      status: true,
      user: { select: { email: true, displayName: true } },
    },
  });
}
