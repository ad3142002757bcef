// The only module reading or writing Proposal rows for the bid and offer use cases.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { storedTaskLines } from "#app/domain/missions/mission-columns";
import { db, type Tx } from "#app/lib/db.server";
import type { BidderAccount } from "./proposals.policy";
import { storedMilestones, storedTaskPrices } from "./proposal-columns";

/** The account as bidderOf() needs it: profile, and the agency she owns with its secretaries. */
export async function findBidderAccount(userId: string): Promise<BidderAccount | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      secretaryProfile: { select: { status: true, agencyId: true } },
      memberships: {
        where: { role: "OWNER", organization: { kind: "AGENCY" } },
        take: 1,
        select: {
          organization: {
            select: {
              id: true,
              name: true,
              memberships: {
                where: { user: { secretaryProfile: { isNot: null } } },
                orderBy: { createdAt: "asc" },
                select: { user: { select: { id: true, displayName: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!user) return null;
  const agency = user.memberships[0]?.organization;
  return {
    id: user.id,
    profile: user.secretaryProfile,
    ownedAgency: agency
      ? { id: agency.id, name: agency.name, members: agency.memberships.map((m) => m.user) }
      : null,
  };
}

/** Every key the user answers for: herself, and the agencies she owns. */
export async function findBidderKeys(userId: string): Promise<string[]> {
  const owned = await db.membership.findMany({
    where: { userId, role: "OWNER", organization: { kind: "AGENCY" } },
    select: { organizationId: true },
  });
  return [`user:${userId}`, ...owned.map((m) => `agency:${m.organizationId}`)];
}

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function findMissionForBid(missionId: string) {
  const row = await db.mission.findUnique({
    where: { id: missionId },
    select: {
      id: true,
      organizationId: true,
      status: true,
      visibility: true,
      hiddenAt: true,
      title: true,
      billingMode: true,
      taskLines: true,
      maxHourlyRateCents: true,
      fixedAmountCents: true,
      medicalSecrecy: true,
      proposalDeadline: true,
      startDate: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    taskLines: storedTaskLines.parse(row.taskLines),
    proposalDeadline: isoDay(row.proposalDeadline),
    startDate: isoDay(row.startDate)!,
  };
}
export type MissionForBid = NonNullable<Awaited<ReturnType<typeof findMissionForBid>>>;

/** Has the user (or an agency she owns) an offer or a proposal on this mission? */
export async function findInvolvement(missionId: string, keys: string[]) {
  const rows = await db.proposal.findMany({
    where: { missionId, bidderKey: { in: keys } },
    select: { origin: true },
  });
  return { invited: rows.some((r) => r.origin === "OFFER"), hasProposal: rows.length > 0 };
}

const proposalSelect = {
  id: true,
  missionId: true,
  origin: true,
  status: true,
  bidderKey: true,
  coverLetter: true,
  hourlyRateCents: true,
  taskPrices: true,
  fixedAmountCents: true,
  milestones: true,
  memberIds: true,
  startDate: true,
  availabilityConfirmed: true,
} satisfies Prisma.ProposalSelect;

function readProposal(row: Prisma.ProposalGetPayload<{ select: typeof proposalSelect }>) {
  return {
    ...row,
    taskPrices: storedTaskPrices.parse(row.taskPrices),
    milestones: storedMilestones.parse(row.milestones),
    memberIds: Array.isArray(row.memberIds)
      ? row.memberIds.filter((v): v is string => typeof v === "string")
      : [],
    startDate: isoDay(row.startDate)!,
  };
}
export type ProposalRecord = ReturnType<typeof readProposal>;

export async function findLiveProposal(missionId: string, bidderKey: string) {
  const row = await db.proposal.findFirst({
    where: { missionId, bidderKey, live: true },
    select: proposalSelect,
  });
  return row ? readProposal(row) : null;
}

export async function findProposal(proposalId: string) {
  const row = await db.proposal.findUnique({
    where: { id: proposalId },
    select: { ...proposalSelect, mission: { select: { organizationId: true } } },
  });
  return row ? { ...readProposal(row), organizationId: row.mission.organizationId } : null;
}

export type ProposalWrite = {
  coverLetter: string;
  startDate: Date;
  availabilityConfirmed: boolean;
  memberIds: string[];
  hourlyRateCents: number | null;
  taskPrices: { task: string; unitPriceCents: number }[];
  fixedAmountCents: number | null;
  milestones: { title: string; amountCents: number; dueDate: string | null }[];
};

export async function createProposal(
  tx: Tx,
  input: ProposalWrite & {
    missionId: string;
    origin: "BID" | "OFFER";
    bidderKey: string;
    bidderUserId: string;
    agencyId: string | null;
    createdById: string;
  },
) {
  return tx.proposal.create({ data: { ...input, status: "SUBMITTED", live: true }, select: { id: true } });
}

/** Content only, and only while still live: the status is transitionProposal's business. */
export async function updateLiveProposal(proposalId: string, data: ProposalWrite) {
  const { count } = await db.proposal.updateMany({
    where: { id: proposalId, status: { in: ["SUBMITTED", "SHORTLISTED"] } },
    data,
  });
  return count === 1;
}
