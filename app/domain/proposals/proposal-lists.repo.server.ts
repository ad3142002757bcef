// Proposal lists: side by side for the mission's business, and a bidder's own list.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server";

const listSelect = {
  id: true,
  origin: true,
  status: true,
  coverLetter: true,
  hourlyRateCents: true,
  taskPrices: true,
  fixedAmountCents: true,
  milestones: true,
  memberIds: true,
  startDate: true,
  availabilityConfirmed: true,
  decisionMessage: true,
  createdAt: true,
  bidder: {
    select: {
      displayName: true,
      secretaryProfile: {
        select: {
          slug: true,
          status: true,
          ratingAverage: true,
          ratingCount: true,
          baseLatitude: true,
          baseLongitude: true,
          baseCommune: true,
        },
      },
    },
  },
  agency: { select: { name: true, slug: true } },
} satisfies Prisma.ProposalSelect;
export type ListedProposal = Prisma.ProposalGetPayload<{ select: typeof listSelect }>;

export async function listMissionProposals(missionId: string, statuses?: string[]) {
  return db.proposal.findMany({
    where: { missionId, ...(statuses ? { status: { in: statuses } } : {}) },
    orderBy: { createdAt: "asc" },
    select: listSelect,
  });
}

export async function findMissionPlace(missionId: string) {
  return db.mission.findUnique({
    where: { id: missionId },
    select: {
      id: true,
      title: true,
      organizationId: true,
      status: true,
      visibility: true,
      billingMode: true,
      workMode: true,
      commune: true,
      latitude: true,
      longitude: true,
    },
  });
}

export async function findUserNames(ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true },
  });
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export async function listBidderProposals(keys: string[]) {
  return db.proposal.findMany({
    where: { bidderKey: { in: keys } },
    orderBy: { updatedAt: "desc" },
    select: {
      ...listSelect,
      mission: {
        select: { id: true, title: true, billingMode: true, organization: { select: { name: true } } },
      },
      contract: { select: { id: true } },
    },
  });
}

export async function countLiveProposals(missionId: string) {
  return db.proposal.count({ where: { missionId, live: true } });
}
