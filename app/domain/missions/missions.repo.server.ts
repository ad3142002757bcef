// The only module reading or writing Mission rows for the posting form and the mission pages.
// Every query names its columns; JSON columns are validated on the way out.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";
import { storedLanguages, storedSkills } from "#app/domain/profiles/profile-columns";
import { storedTaskLines, storedTimeWindows, type TaskLine, type TimeWindow } from "./mission-columns";

/** Everything the business writes, in the shape of the row (dates as Date, JSON as arrays). */
export type MissionContentData = {
  title: string;
  description: string;
  skills: string[];
  sector: string | null;
  languages: string[];
  billingMode: string;
  taskLines: TaskLine[];
  maxHourlyRateCents: number | null;
  expectedHours: number | null;
  expectedHoursPer: string | null;
  fixedAmountCents: number | null;
  deliverables: string | null;
  scheduleType: string;
  startDate: Date;
  endDate: Date | null;
  rrule: string | null;
  timeWindows: TimeWindow[];
  handoverNotes: string | null;
  callScript: string | null;
  urgentRouting: string | null;
  toolsToUse: string | null;
  workMode: string;
  postcode: string | null;
  commune: string | null;
  inseeCode: string | null;
  latitude: number | null;
  longitude: number | null;
  medicalSecrecy: boolean;
  visibility: string;
  proposalDeadline: Date | null;
};

/** The viewer's BUSINESS organisations (any membership role) and what the posting rules need. */
export async function findPosterAccount(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      emailVerifiedAt: true,
      memberships: {
        where: { organization: { kind: "BUSINESS" } },
        orderBy: { createdAt: "asc" },
        select: { organization: { select: { id: true, name: true } } },
      },
    },
  });
  if (!user) return null;
  const organizations = user.memberships.map((m) => m.organization);
  return { id: user.id, role: user.role, emailVerified: user.emailVerifiedAt !== null, organizations };
}

export async function createMission(
  tx: Tx,
  input: { organizationId: string; createdById: string; data: MissionContentData },
) {
  return tx.mission.create({
    data: { organizationId: input.organizationId, createdById: input.createdById, ...input.data },
    select: { id: true },
  });
}

/** Content only, and only while still a draft: the status is transitionMission's business. */
export async function updateDraftContent(tx: Tx, missionId: string, data: MissionContentData) {
  const { count } = await tx.mission.updateMany({ where: { id: missionId, status: "DRAFT" }, data });
  return count === 1;
}

export async function findMissionAccess(missionId: string) {
  return db.mission.findUnique({
    where: { id: missionId },
    select: { id: true, organizationId: true, status: true, visibility: true },
  });
}

// No postcode, INSEE code or coordinates: the page shows the commune only.
const pageSelect = {
  id: true,
  organizationId: true,
  status: true,
  // Hidden by staff: the page is then 404 for all but the business and staff (mission-access).
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
  handoverNotes: true,
  callScript: true,
  urgentRouting: true,
  toolsToUse: true,
  workMode: true,
  commune: true,
  medicalSecrecy: true,
  visibility: true,
  proposalDeadline: true,
  organization: { select: { name: true } },
} satisfies Prisma.MissionSelect;

type PageRow = Prisma.MissionGetPayload<{ select: typeof pageSelect }>;
const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function readPageRow(row: PageRow) {
  const {
    organization,
    skills,
    languages,
    taskLines,
    timeWindows,
    startDate,
    endDate,
    proposalDeadline,
    ...rest
  } = row;
  return {
    ...rest,
    organizationName: organization.name,
    skills: storedSkills.parse(skills),
    languages: storedLanguages.parse(languages),
    taskLines: storedTaskLines.parse(taskLines),
    timeWindows: storedTimeWindows.parse(timeWindows),
    startDate: isoDay(startDate)!,
    endDate: isoDay(endDate),
    proposalDeadline: isoDay(proposalDeadline),
  };
}
export type MissionRecord = ReturnType<typeof readPageRow>;

export async function findMissionRecord(missionId: string): Promise<MissionRecord | null> {
  const row = await db.mission.findUnique({ where: { id: missionId }, select: pageSelect });
  return row ? readPageRow(row) : null;
}

/** The postcode, only for the edit form of the business itself. */
export async function findMissionPostcode(missionId: string) {
  const row = await db.mission.findUnique({ where: { id: missionId }, select: { postcode: true } });
  return row?.postcode ?? null;
}

export async function listMissionsOfOrganizations(organizationIds: string[]) {
  return db.mission.findMany({
    where: { organizationId: { in: organizationIds } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      scheduleType: true,
      startDate: true,
      updatedAt: true,
      organization: { select: { name: true } },
    },
  });
}

/**
 * For the expiry job: ids of OPEN missions whose proposal deadline is before `before`, by id
 * after `afterId` — a cursor, so missions skipped in one batch are never read again in that run.
 */
export async function findOpenMissionIdsPastDeadline(before: Date, take: number, afterId?: string) {
  const rows = await db.mission.findMany({
    where: {
      status: "OPEN",
      proposalDeadline: { lt: before },
      ...(afterId ? { id: { gt: afterId } } : {}),
    },
    orderBy: { id: "asc" },
    take,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
