// Prisma reads and writes of the dispute queue and case page (the only disputes file touching Prisma).
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";

export const QUEUE_LIMIT = 100;
const CANDIDATES_LIMIT = 1000;
export const DISPUTE_ACTIONS = ["DISPUTE_RELEASE", "DISPUTE_REFUND"];

/** Contracts needing staff: DISPUTED, flagged, with disputed work, or with a Stripe dispute. */
export const disputeQueueWhere: Prisma.ContractWhereInput = {
  OR: [
    { status: "DISPUTED" },
    { flaggedAt: { not: null } },
    { workEntries: { some: { status: "DISPUTED" } } },
    { milestones: { some: { status: "DISPUTED" } } },
    { payments: { some: { disputedAt: { not: null } } } },
  ],
};

const caseSelect = {
  id: true,
  status: true,
  billingMode: true,
  flaggedAt: true,
  flagReason: true,
  hourlyRateCents: true,
  fixedAmountCents: true,
  platformFeeBps: true,
  startDate: true,
  endDate: true,
  updatedAt: true,
  providerUserId: true,
  mission: { select: { title: true } },
  organization: { select: { name: true } },
  agency: { select: { name: true } },
  workEntries: {
    where: { status: "DISPUTED" },
    orderBy: { workDate: "asc" },
    select: {
      id: true,
      workDate: true,
      description: true,
      amountCents: true,
      disputeReason: true,
      reviewedAt: true,
    },
  },
  milestones: {
    where: { status: "DISPUTED" },
    orderBy: { position: "asc" },
    select: { id: true, title: true, amountCents: true, disputeReason: true, reviewedAt: true },
  },
  payments: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      periodMonth: true,
      sequence: true,
      milestoneId: true,
      amountCents: true,
      feeCents: true,
      refundedCents: true,
      status: true,
      disputedAt: true,
      payouts: { select: { status: true, amountCents: true, reversedCents: true } },
    },
  },
} satisfies Prisma.ContractSelect;

/** Candidates: the caller drops those whose disputed work was already decided on by staff. */
export function findDisputeCandidates() {
  return db.contract.findMany({
    where: disputeQueueWhere,
    orderBy: { updatedAt: "asc" },
    take: CANDIDATES_LIMIT,
    select: caseSelect,
  });
}

/** The time of the latest staff decision per contract (a decision settles the disputes raised before it). */
export async function findLastDecisions(contractIds: string[]) {
  const rows = await db.auditLog.groupBy({
    by: ["targetId"],
    where: { targetType: "Contract", targetId: { in: contractIds }, action: { in: DISPUTE_ACTIONS } },
    _max: { createdAt: true },
  });
  return new Map(rows.map((r) => [r.targetId, r._max.createdAt]));
}

export function findDisputeCase(tx: Tx, contractId: string) {
  return tx.contract.findUnique({ where: { id: contractId }, select: caseSelect });
}
export type DisputeCaseRow = NonNullable<Awaited<ReturnType<typeof findDisputeCase>>>;

/** Stripe disputes of these payments that are not closed (an `opened` ledger move without `won`/`lost`). */
export async function findOpenStripeDisputes(paymentIds: string[]) {
  if (paymentIds.length === 0) return [];
  const moves = await db.ledgerEntry.findMany({
    where: { paymentId: { in: paymentIds }, kind: "DISPUTE" },
    distinct: ["transactionId"],
    select: { transactionId: true, paymentId: true, reference: true },
  });
  const closed = new Set(moves.filter((m) => !m.transactionId.endsWith(":opened")).map((m) => m.reference));
  return moves
    .filter((m) => m.transactionId.endsWith(":opened") && !closed.has(m.reference))
    .map((m) => ({ disputeId: m.reference, paymentId: m.paymentId! }));
}

export async function findDisplayName(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { displayName: true } });
  return user?.displayName ?? "";
}

export async function countContractMessages(contractId: string) {
  return db.message.count({ where: { conversation: { contractId } } });
}

/** Everyone on both sides: the business's members, the provider, the agency's members, the assignees. */
export async function findContractParties(tx: Tx, contractId: string) {
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: {
      providerUserId: true,
      mission: { select: { title: true } },
      organization: { select: { memberships: { select: { userId: true } } } },
      agency: { select: { memberships: { select: { userId: true } } } },
      assignees: { where: { cancelledAt: null }, select: { userId: true } },
    },
  });
  const ids = [
    contract.providerUserId,
    ...contract.organization.memberships.map((m) => m.userId),
    ...(contract.agency?.memberships.map((m) => m.userId) ?? []),
    ...contract.assignees.map((a) => a.userId),
  ];
  return { title: contract.mission.title, userIds: [...new Set(ids)] };
}

/** The contract's flag and status, for the banner on its page. */
export function findContractFlag(contractId: string) {
  return db.contract.findUnique({
    where: { id: contractId },
    select: { status: true, flaggedAt: true, flagReason: true },
  });
}
