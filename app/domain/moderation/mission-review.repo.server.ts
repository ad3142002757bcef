// The only place the mission review touches Prisma. Explicit selects; the JSON columns go through
// the shared parsers (mission-columns.ts), so reviewers see what secretaries would.
import { storedTaskLines, storedTimeWindows } from "#app/domain/missions/mission-columns";
import { storedLanguages, storedSkills } from "#app/domain/profiles/profile-columns";
import { db, type Tx } from "#app/lib/db.server";
import type { StatusHistoryItem } from "./moderation.schema";
import type { MissionQueueItem } from "./mission-review.schema";

const reviewSelect = {
  id: true,
  status: true,
  hiddenAt: true,
  title: true,
  description: true,
  skills: true,
  sector: true,
  languages: true,
  billingMode: true,
  taskLines: true,
  maxHourlyRateCents: true,
  expectedHours: true,
  expectedHoursPer: true,
  fixedAmountCents: true,
  deliverables: true,
  scheduleType: true,
  startDate: true,
  endDate: true,
  rrule: true,
  timeWindows: true,
  // Staff read the whole mission, replacement instructions included: they must check them too.
  handoverNotes: true,
  callScript: true,
  urgentRouting: true,
  toolsToUse: true,
  workMode: true,
  postcode: true,
  commune: true,
  medicalSecrecy: true,
  visibility: true,
  proposalDeadline: true,
  submittedAt: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { displayName: true, email: true } },
  organization: {
    select: {
      name: true,
      legalName: true,
      siret: true,
      vatNumber: true,
      sector: true,
      addressLine: true,
      postcode: true,
      commune: true,
      createdAt: true,
    },
  },
} as const;

export type MissionForReview = NonNullable<Awaited<ReturnType<typeof findMissionForReview>>>;

export async function findMissionForReview(missionId: string) {
  const row = await db.mission.findUnique({ where: { id: missionId }, select: reviewSelect });
  if (!row) return null;
  return {
    ...row,
    skills: storedSkills.parse(row.skills),
    languages: storedLanguages.parse(row.languages),
    taskLines: storedTaskLines.parse(row.taskLines),
    timeWindows: storedTimeWindows.parse(row.timeWindows),
  };
}

export async function findMissionStatusHistory(missionId: string): Promise<StatusHistoryItem[]> {
  const rows = await db.missionStatusChange.findMany({
    where: { missionId },
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
    // No actor: the worker (expiry) or another use case acting on its own.
    actorName: actor?.displayName ?? "Permanence (automatique)",
    actorIsStaff: actor?.role === "MODERATOR" || actor?.role === "ADMIN",
  }));
}

export const countPendingMissions = () => db.mission.count({ where: { status: "PENDING_REVIEW" } });

/** Oldest submission first: the queue is served in order. */
export async function findPendingMissions(limit: number): Promise<MissionQueueItem[]> {
  const rows = await db.mission.findMany({
    where: { status: "PENDING_REVIEW" },
    orderBy: [{ submittedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      billingMode: true,
      scheduleType: true,
      submittedAt: true,
      organization: { select: { name: true } },
    },
  });
  return rows.map(({ organization, ...row }) => ({ ...row, businessName: organization.name }));
}

/** What a decision needs before and after it changes the mission, read inside its transaction. */
export async function findMissionDecisionTarget(tx: Tx, missionId: string) {
  return tx.mission.findUnique({
    where: { id: missionId },
    select: {
      id: true,
      status: true,
      title: true,
      createdById: true,
      createdBy: { select: { email: true, displayName: true } },
    },
  });
}
