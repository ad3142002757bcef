// The read side of disputes for staff: the queue (/moderation/litiges) and one case's context
// (/moderation/litiges/:contractId), as DTOs. Also the banner parties see on a flagged or
// disputed contract.
import { contractStatusLabels, isContractStatus } from "#app/domain/contracts/contract-machine";
import { DomainError, notFound } from "#app/lib/domain-error";
import { db } from "#app/lib/db.server";
import { canModerate, type StaffCandidate } from "./moderation.policy";
import * as repo from "./disputes.repo.server";

const requireModerator = (actor: StaffCandidate) => {
  if (!canModerate(actor))
    throw new DomainError("FORBIDDEN", "Cette page est réservée à l’équipe de modération.");
};
const statusLabel = (status: string) => (isContractStatus(status) ? contractStatusLabels[status] : status);
const sum = (rows: { amountCents: number }[]) => rows.reduce((total, r) => total + r.amountCents, 0);

/** What staff may still refund on a payment (only an encashed one, see payment-refunds). */
export const refundableOf = (p: { status: string; amountCents: number; refundedCents: number }) =>
  p.status === "SUCCEEDED" ? p.amountCents - p.refundedCents : 0;

/** Disputed lines raised after the latest staff decision on the contract (all when none). */
export function openDisputedWork(row: repo.DisputeCaseRow, lastDecision: Date | null | undefined) {
  const open = (line: { reviewedAt: Date | null }) =>
    !lastDecision || !line.reviewedAt || line.reviewedAt > lastDecision;
  return { entries: row.workEntries.filter(open), milestones: row.milestones.filter(open) };
}

function summary(row: repo.DisputeCaseRow, stripeDisputes: number, lastDecision: Date | null | undefined) {
  const work = openDisputedWork(row, lastDecision);
  const disputedWork = [...work.entries, ...work.milestones];
  return {
    id: row.id,
    title: row.mission.title,
    businessName: row.organization.name,
    agencyName: row.agency?.name ?? null,
    status: row.status,
    statusLabel: statusLabel(row.status),
    flaggedAt: row.flaggedAt?.toISOString() ?? null,
    flagReason: row.flagReason,
    disputedWorkCount: disputedWork.length,
    disputedAmountCents: sum(disputedWork),
    stripeDisputes,
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Summary = ReturnType<typeof summary>;
const needsStaff = (s: Summary) =>
  s.status === "DISPUTED" || !!s.flaggedAt || s.disputedWorkCount > 0 || s.stripeDisputes > 0;

async function queueItems() {
  const rows = await repo.findDisputeCandidates();
  const open = await repo.findOpenStripeDisputes(rows.flatMap((r) => r.payments.map((p) => p.id)));
  const decisions = await repo.findLastDecisions(rows.map((r) => r.id));
  return rows
    .map((row) => {
      const paymentIds = new Set(row.payments.map((p) => p.id));
      const stripe = open.filter((d) => paymentIds.has(d.paymentId)).length;
      return summary(row, stripe, decisions.get(row.id));
    })
    .filter(needsStaff);
}

export async function listDisputeQueue({ actor }: { actor: StaffCandidate }) {
  requireModerator(actor);
  const items = await queueItems();
  return { items: items.slice(0, repo.QUEUE_LIMIT), total: items.length, limit: repo.QUEUE_LIMIT };
}

/** The number of contracts waiting in the queue, for the console's home page. */
export async function countDisputes({ actor }: { actor: StaffCandidate }) {
  requireModerator(actor);
  return (await queueItems()).length;
}

export async function getDisputeCase({ actor, contractId }: { actor: StaffCandidate; contractId: string }) {
  requireModerator(actor);
  const row = await repo.findDisputeCase(db, contractId);
  if (!row) throw notFound("Ce contrat");
  const open = await repo.findOpenStripeDisputes(row.payments.map((p) => p.id));
  const lastDecision = (await repo.findLastDecisions([row.id])).get(row.id);
  const work = openDisputedWork(row, lastDecision);
  return {
    ...summary(row, open.length, lastDecision),
    billingMode: row.billingMode,
    hourlyRateCents: row.hourlyRateCents,
    fixedAmountCents: row.fixedAmountCents,
    platformFeeBps: row.platformFeeBps,
    startDate: row.startDate.toISOString(),
    endDate: row.endDate?.toISOString() ?? null,
    providerName: await repo.findDisplayName(row.providerUserId),
    messagesCount: await repo.countContractMessages(contractId),
    entries: work.entries.map((e) => ({
      ...e,
      workDate: e.workDate.toISOString(),
      reviewedAt: e.reviewedAt?.toISOString() ?? null,
    })),
    milestones: work.milestones.map((m) => ({ ...m, reviewedAt: m.reviewedAt?.toISOString() ?? null })),
    payments: row.payments.map(({ payouts, ...p }) => ({
      ...p,
      disputedAt: p.disputedAt?.toISOString() ?? null,
      refundableCents: refundableOf(p),
      released: payouts.some((o) => o.status !== "PENDING"),
      openStripeDispute: open.some((d) => d.paymentId === p.id),
    })),
    openStripeDisputes: open,
  };
}
export type DisputeCase = Awaited<ReturnType<typeof getDisputeCase>>;

/** The notice a contract's parties see (the caller already checked access to the contract). */
export async function contractModerationBanner(contractId: string) {
  const row = await repo.findContractFlag(contractId);
  return {
    flagged: row?.flaggedAt ? { at: row.flaggedAt.toISOString(), reason: row.flagReason } : null,
    disputed: row?.status === "DISPUTED",
  };
}
export type ContractModerationBanner = Awaited<ReturnType<typeof contractModerationBanner>>;
