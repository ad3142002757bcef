// Reads for the providers' side of the dashboard: an independent secretary (her own bids, the
// contracts she works on, her own logged work) or an agency (its bids, contracts and members' work).
// The scope is resolved by the caller from the viewer's identity and memberships, never from input.
import { assigneePeriodSelect } from "#app/domain/contracts/contract-assignees";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server";
import { contractLineSelect } from "./dashboards.repo.server";

export type ProviderScope = { kind: "SECRETARY"; userId: string } | { kind: "AGENCY"; agencyId: string };

const LIVE = ["SUBMITTED", "SHORTLISTED"];
const ONGOING = ["ACTIVE", "PAUSED", "DISPUTED"];

/** Her independent bids (an agency's bids are the agency's), or the agency's. */
function proposalsWhere(scope: ProviderScope): Prisma.ProposalWhereInput {
  return scope.kind === "SECRETARY"
    ? { bidderUserId: scope.userId, agencyId: null }
    : { agencyId: scope.agencyId };
}

/** Contracts signed by her as an independent, or by the agency. */
function signedWhere(scope: ProviderScope): Prisma.ContractWhereInput {
  return scope.kind === "SECRETARY"
    ? { providerUserId: scope.userId, agencyId: null }
    : { agencyId: scope.agencyId };
}

const proposalLineSelect = {
  id: true,
  status: true,
  createdAt: true,
  missionId: true,
  mission: { select: { title: true, organization: { select: { name: true } } } },
} as const;

export async function findProviderProposals(scope: ProviderScope) {
  const where = proposalsWhere(scope);
  const [counts, live, offers] = await Promise.all([
    db.proposal.groupBy({ by: ["status"], where: { ...where, origin: "BID" }, _count: { _all: true } }),
    db.proposal.findMany({
      where: { ...where, origin: "BID", status: { in: LIVE } },
      orderBy: { createdAt: "desc" },
      select: proposalLineSelect,
    }),
    db.proposal.findMany({
      where: { ...where, origin: "OFFER", status: "SUBMITTED" },
      orderBy: { createdAt: "desc" },
      select: proposalLineSelect,
    }),
  ]);
  return { counts: counts.map((row) => ({ status: row.status, count: row._count._all })), live, offers };
}

/** PENDING contracts the provider has not accepted, and the ongoing ones it works on. */
export async function findProviderContracts(scope: ProviderScope) {
  const ongoingWhere: Prisma.ContractWhereInput =
    scope.kind === "SECRETARY"
      ? { assignees: { some: { userId: scope.userId, cancelledAt: null } } }
      : { agencyId: scope.agencyId };
  const [toAccept, ongoing] = await Promise.all([
    db.contract.findMany({
      where: { ...signedWhere(scope), status: "PENDING", providerAcceptedAt: null },
      orderBy: { createdAt: "asc" },
      select: contractLineSelect,
    }),
    db.contract.findMany({
      where: { ...ongoingWhere, status: { in: ONGOING } },
      orderBy: { startDate: "asc" },
      select: contractLineSelect,
    }),
  ]);
  return { toAccept, ongoing };
}

/** Her ACTIVE contracts with what "this week" needs: frozen terms, dates and every assignee period. */
export function findActiveAssignments(userId: string) {
  return db.contract.findMany({
    where: { status: "ACTIVE", assignees: { some: { userId, cancelledAt: null } } },
    orderBy: { startDate: "asc" },
    select: {
      id: true,
      billingMode: true,
      terms: true,
      startDate: true,
      endDate: true,
      mission: { select: { title: true } },
      organization: { select: { name: true } },
      assignees: {
        select: {
          ...assigneePeriodSelect,
        },
      },
    },
  });
}

/** What she logged herself between two Paris days (inclusive), per contract. */
export async function sumLoggedBetween(userId: string, contractIds: string[], from: Date, to: Date) {
  const rows = await db.workEntry.groupBy({
    by: ["contractId"],
    where: { contractId: { in: contractIds }, assignee: { userId }, workDate: { gte: from, lte: to } },
    _sum: { minutes: true, quantity: true, amountCents: true },
  });
  return rows.map((row) => ({
    contractId: row.contractId,
    minutes: row._sum.minutes ?? 0,
    quantity: row._sum.quantity ?? 0,
    amountCents: row._sum.amountCents ?? 0,
  }));
}

/**
 * Approved and submitted amounts per contract the provider is paid for. A secretary is paid for
 * her own entries on her independent contracts (a replacement too) and for their milestones; an
 * agency for everything logged on its contracts.
 */
export async function sumOwedWork(scope: ProviderScope) {
  const entriesWhere: Prisma.WorkEntryWhereInput =
    scope.kind === "SECRETARY"
      ? { assignee: { userId: scope.userId }, contract: { agencyId: null } }
      : { contract: { agencyId: scope.agencyId } };
  const status = { in: ["APPROVED", "SUBMITTED"] };
  const [entries, milestones] = await Promise.all([
    db.workEntry.groupBy({
      by: ["contractId", "status"],
      where: { ...entriesWhere, status },
      _sum: { amountCents: true },
    }),
    db.milestone.groupBy({
      by: ["contractId", "status"],
      where: { contract: signedWhere(scope), status },
      _sum: { amountCents: true },
    }),
  ]);
  const rows = [...entries, ...milestones].map((row) => ({
    contractId: row.contractId,
    status: row.status,
    amountCents: row._sum.amountCents ?? 0,
  }));
  const contracts = await db.contract.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.contractId))] } },
    select: {
      id: true,
      platformFeeBps: true,
      mission: { select: { title: true } },
      organization: { select: { name: true } },
    },
  });
  return { rows, contracts };
}

/** The agency's members' work on its contracts, per assignee row and status. */
export async function sumMembersWork(agencyId: string) {
  const rows = await db.workEntry.groupBy({
    by: ["assigneeId", "status"],
    where: { contract: { agencyId } },
    _count: { _all: true },
    _sum: { amountCents: true },
  });
  const assignees = await db.contractAssignee.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.assigneeId))] }, contract: { agencyId } },
    select: { id: true, userId: true, user: { select: { displayName: true } } },
  });
  return { rows, assignees };
}
