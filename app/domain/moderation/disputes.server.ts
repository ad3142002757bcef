// Staff settle a dispute on a contract (disputed work, a DISPUTED contract, a flagged one, a Stripe
// charge dispute), as arbiter, with one of three decisions:
// - release: the disputed entries and milestones are approved (work-review machine, staff acting
//   for the business) and the money follows through the payments domain (allocation, billing of
//   a later PERIOD payment, transfers — `settleApprovedWork`);
// - full or partial refund of one payment of the contract, through `refundPayment` (escrow before
//   release, transfer reversals after): no Stripe call here.
// A DISPUTED contract then leaves that state through the machine's STAFF events (RESOLVE_RESUME,
// RESOLVE_COMPLETE, RESOLVE_CANCEL). Each decision writes exactly one audit row (DISPUTE_RELEASE /
// DISPUTE_REFUND) in the transaction that changes the contract, and notifies both sides
// (MODERATION_OUTCOME), published after commit.
import { transitionContract } from "#app/domain/contracts/contract-transition.server";
import {
  checkContractTransition,
  contractStatusLabels,
  isContractStatus,
  type ContractEvent,
} from "#app/domain/contracts/contract-machine";
import { notify, publishNotifications } from "#app/domain/notifications/notifications.server";
import { settleApprovedWork } from "#app/domain/payments/dispute-settlement.server";
import { refundPayment } from "#app/domain/payments/payment-refunds.server";
import { transitionWork } from "#app/domain/work/work-transition.server";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError, notFound } from "#app/lib/domain-error";
import { formatEuros } from "#app/lib/money";
import { logger } from "#app/server/logger";
import { recordAudit } from "./audit.server";
import { openDisputedWork, refundableOf } from "./disputes-queue.server";
import * as repo from "./disputes.repo.server";
import { disputeResolutionSchema, type DisputeOutcome, type DisputeResolution } from "./disputes.schema";
import { canModerate, type StaffCandidate } from "./moderation.policy";

type Actor = StaffCandidate & { id: string };
const resolveEvents: Record<DisputeOutcome, ContractEvent> = {
  ACTIVE: "RESOLVE_RESUME",
  COMPLETED: "RESOLVE_COMPLETE",
  CANCELLED: "RESOLVE_CANCEL",
};

function parse(input: unknown): DisputeResolution {
  const parsed = disputeResolutionSchema.safeParse(input);
  if (!parsed.success)
    throw new DomainError("VALIDATION", parsed.error.issues[0]?.message ?? "Formulaire invalide.");
  return parsed.data;
}

async function loadCase(contractId: string) {
  const row = await repo.findDisputeCase(db, contractId);
  if (!row) throw notFound("Ce contrat");
  const open = await repo.findOpenStripeDisputes(row.payments.map((p) => p.id));
  const lastDecision = (await repo.findLastDecisions([row.id])).get(row.id);
  const work = openDisputedWork(row, lastDecision);
  const inDispute =
    row.status === "DISPUTED" || !!row.flaggedAt || work.entries.length + work.milestones.length > 0;
  if (!inDispute && open.length === 0)
    throw new DomainError("CONFLICT", "Aucun litige n’est en cours sur ce contrat.");
  // A refunded milestone is not owed any more: a release leaves it alone.
  const refunded = new Set(row.payments.filter((p) => p.refundedCents > 0).map((p) => p.milestoneId));
  return {
    row,
    work: { entries: work.entries, milestones: work.milestones.filter((m) => !refunded.has(m.id)) },
  };
}

/** The machine event that ends the DISPUTED state, checked before anything moves; null otherwise. */
function contractEvent(row: repo.DisputeCaseRow, outcome: DisputeOutcome, reason: string) {
  if (row.status !== "DISPUTED" || !isContractStatus(row.status)) return null;
  const event = resolveEvents[outcome];
  const check = checkContractTransition(row.status, event, "STAFF", reason);
  if (!check.ok)
    throw new DomainError(
      "INVALID_TRANSITION",
      `Action impossible : le contrat est « ${contractStatusLabels[row.status]} ».`,
    );
  return event;
}

function refundAmount(row: repo.DisputeCaseRow, resolution: DisputeResolution) {
  if (resolution.intent === "release") return null;
  const payment = row.payments.find((p) => p.id === resolution.paymentId);
  if (!payment) throw new DomainError("VALIDATION", "Ce paiement n’appartient pas à ce contrat.");
  const refundable = refundableOf(payment);
  if (refundable <= 0) throw new DomainError("CONFLICT", "Ce paiement n’a plus rien de remboursable.");
  const amount = resolution.intent === "refund_full" ? refundable : resolution.amount;
  if (amount > refundable)
    throw new DomainError(
      "VALIDATION",
      `Le montant dépasse ce qui reste remboursable sur ce paiement (${formatEuros(refundable)}).`,
    );
  return { paymentId: payment.id, amountCents: amount, refundedBefore: payment.refundedCents };
}

const snapshot = (row: repo.DisputeCaseRow) => ({
  status: row.status,
  disputedEntryIds: row.workEntries.map((e) => e.id),
  disputedMilestoneIds: row.milestones.map((m) => m.id),
  refunded: Object.fromEntries(row.payments.map((p) => [p.id, p.refundedCents])),
});

type OpenWork = Awaited<ReturnType<typeof loadCase>>["work"];

async function approveDisputedWork(tx: Tx, work: OpenWork, actorId: string, now: Date) {
  // Staff arbitrate for the business: the work-review machine's APPROVE (DISPUTED → APPROVED).
  const actor = { id: actorId, as: "BUSINESS" as const };
  for (const e of work.entries)
    await transitionWork(tx, { kind: "ENTRY", id: e.id, from: "DISPUTED", event: "APPROVE", actor, now });
  for (const m of work.milestones)
    await transitionWork(tx, { kind: "MILESTONE", id: m.id, from: "DISPUTED", event: "APPROVE", actor, now });
}

function outcomeText(resolution: DisputeResolution, refund: ReturnType<typeof refundAmount>) {
  if (resolution.intent === "release")
    return "Le travail contesté a été validé et sera payé à la prestataire.";
  return `Un remboursement de ${formatEuros(refund!.amountCents)} a été accordé à l’entreprise.`;
}

type Decision = {
  actor: Actor;
  row: repo.DisputeCaseRow;
  work: OpenWork;
  resolution: DisputeResolution;
  refund: ReturnType<typeof refundAmount>;
  event: ContractEvent | null;
  now: Date;
};

async function decide(tx: Tx, { actor, row, work, resolution, refund, event, now }: Decision) {
  if (resolution.intent === "release") await approveDisputedWork(tx, work, actor.id, now);
  if (event)
    await transitionContract(tx, {
      contractId: row.id,
      event,
      actor: { id: actor.id, as: "STAFF" },
      reason: resolution.reason,
    });
  const after = await repo.findDisputeCase(tx, row.id);
  await recordAuditRow(tx, { actor, row, after: after!, resolution, refund });
  const parties = await repo.findContractParties(tx, row.id);
  return notify(tx, {
    userIds: parties.userIds,
    type: "MODERATION_OUTCOME",
    title: `Contrat « ${parties.title} » : litige tranché`,
    body: `${outcomeText(resolution, refund)} Motif : ${resolution.reason}`,
    link: `/contrats/${row.id}`,
  });
}

async function recordAuditRow(
  tx: Tx,
  e: {
    actor: Actor;
    row: repo.DisputeCaseRow;
    after: repo.DisputeCaseRow;
    resolution: DisputeResolution;
    refund: ReturnType<typeof refundAmount>;
  },
) {
  await recordAudit(tx, {
    actorId: e.actor.id,
    action: e.resolution.intent === "release" ? "DISPUTE_RELEASE" : "DISPUTE_REFUND",
    targetType: "Contract",
    targetId: e.row.id,
    reason: e.resolution.reason,
    before: snapshot(e.row),
    after: {
      ...snapshot(e.after),
      ...(e.refund ? { refund: { paymentId: e.refund.paymentId, amountCents: e.refund.amountCents } } : {}),
    },
  });
}

export async function resolveDispute({
  actor,
  contractId,
  input,
  now = new Date(),
}: {
  actor: Actor;
  contractId: string;
  input: unknown;
  now?: Date;
}) {
  if (!canModerate(actor))
    throw new DomainError("FORBIDDEN", "Cette action est réservée à l’équipe de modération.");
  const resolution = parse(input);
  const { row, work } = await loadCase(contractId);
  const refund = refundAmount(row, resolution);
  const event = contractEvent(row, resolution.outcome, resolution.reason);
  // Everything was checked above: a refused decision changes nothing. The refund (Stripe, then
  // its own ledger transaction) comes first; the decision is recorded once it went through.
  if (refund)
    await refundPayment({
      actorId: actor.id,
      input: { paymentId: refund.paymentId, amountCents: refund.amountCents },
    });
  const notified = await db.$transaction((tx) =>
    decide(tx, { actor, row, work, resolution, refund, event, now }),
  );
  await publishNotifications(notified);
  if (resolution.intent === "release") await settle(contractId, now);
  return { intent: resolution.intent };
}

/** The money follows; what fails now is retried by the payments job. */
async function settle(contractId: string, now: Date) {
  try {
    await settleApprovedWork(contractId, now);
  } catch (error) {
    logger.warn(
      { err: error, contractId },
      "règlement du litige : paiement laissé au prochain passage du job",
    );
  }
}
