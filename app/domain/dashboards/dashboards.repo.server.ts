// The dashboard's reads, straight from the marketplace tables (this module does not depend on the
// proposals, contracts or work use cases). Every query names its columns and is scoped to the
// viewer's own organisations: the caller passes the ids it resolved from the viewer's memberships.
import { db } from "#app/lib/db.server";

const LIVE = ["SUBMITTED", "SHORTLISTED"];
const ONGOING = ["ACTIVE", "PAUSED", "DISPUTED"];

export async function findViewer(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      displayName: true,
      kind: true,
      role: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, organization: { select: { id: true, name: true, kind: true } } },
      },
    },
  });
}

export async function countMissionsByStatus(organizationIds: string[]) {
  const rows = await db.mission.groupBy({
    by: ["status"],
    where: { organizationId: { in: organizationIds } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ status: row.status, count: row._count._all }));
}

export function findCurrentMissions(organizationIds: string[]) {
  return db.mission.findMany({
    where: { organizationId: { in: organizationIds }, status: { in: ["DRAFT", "PENDING_REVIEW", "OPEN"] } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, title: true, status: true },
  });
}

/** OPEN missions with their live bids (an offer is answered by the secretary, not reviewed). */
export function findOpenMissionsWithLiveBids(organizationIds: string[]) {
  return db.mission.findMany({
    where: { organizationId: { in: organizationIds }, status: "OPEN" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      proposals: { where: { origin: "BID", status: { in: LIVE } }, select: { status: true } },
    },
  });
}

export function findOffersAwaiting(organizationIds: string[]) {
  return db.proposal.findMany({
    where: { origin: "OFFER", status: "SUBMITTED", mission: { organizationId: { in: organizationIds } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      createdAt: true,
      missionId: true,
      mission: { select: { title: true } },
      bidder: { select: { displayName: true } },
    },
  });
}

export const contractLineSelect = {
  id: true,
  status: true,
  billingMode: true,
  startDate: true,
  mission: { select: { title: true } },
  organization: { select: { name: true } },
  agency: { select: { name: true } },
  proposal: { select: { bidder: { select: { displayName: true } } } },
} as const;

/** The business's PENDING contracts it has not accepted yet, and its ongoing ones. */
export async function findBusinessContracts(organizationIds: string[]) {
  const where = { organizationId: { in: organizationIds } };
  const [toAccept, ongoing] = await Promise.all([
    db.contract.findMany({
      where: { ...where, status: "PENDING", businessAcceptedAt: null },
      orderBy: { createdAt: "asc" },
      select: contractLineSelect,
    }),
    db.contract.findMany({
      where: { ...where, status: { in: ONGOING } },
      orderBy: { startDate: "asc" },
      select: contractLineSelect,
    }),
  ]);
  return { toAccept, ongoing };
}

/** Submitted time/task entries and milestones of the business's contracts, per contract. */
export async function sumWorkToApprove(organizationIds: string[]) {
  const where = { status: "SUBMITTED", contract: { organizationId: { in: organizationIds } } };
  const [entries, milestones] = await Promise.all([
    db.workEntry.groupBy({
      by: ["contractId"],
      where,
      _count: { _all: true },
      _sum: { amountCents: true },
      _min: { submittedAt: true },
    }),
    db.milestone.groupBy({
      by: ["contractId"],
      where,
      _count: { _all: true },
      _sum: { amountCents: true },
      _min: { submittedAt: true },
    }),
  ]);
  const contractIds = [...new Set([...entries, ...milestones].map((row) => row.contractId))];
  const contracts = await db.contract.findMany({
    where: { id: { in: contractIds }, organizationId: { in: organizationIds } },
    select: { ...contractLineSelect, reviewWindowDays: true },
  });
  return { entries, milestones, contracts };
}
