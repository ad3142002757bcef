// Transfers each payee's share of a SUCCEEDED payment: `transfers.create` with source_transaction =
// the charge, idempotency key `release:{paymentId}:{payeeKey}`. The Stripe call happens outside
// any database transaction; the transfer id is then recorded conditionally. If the process dies
// between the two, the retry sends the same key, Stripe answers with the same transfer, and it is
// recorded once: no double transfer. A payee who is not ready yet keeps a PENDING payout that the
// job retries.
import Stripe from "stripe";
import { notifyPaymentReceived } from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { db } from "#app/lib/db.server";
import { getStripe } from "#app/lib/stripe.server";
import { logger } from "#app/server/logger";
import { transferSent } from "./ledger";
import { recordTransaction } from "./ledger.repo.server";
import { findPayment, findPayouts } from "./payments.repo.server";

export type ReleaseOutcome = { sent: number; waiting: number; failed: number };
type PendingPayout = Awaited<ReturnType<typeof findPayouts>>[number];

export const releaseKey = (paymentId: string, payeeKey: string) => `release:${paymentId}:${payeeKey}`;

/** The connected account of a payee key, when Stripe said its transfers are active. */
async function readyAccountOf(payeeKey: string): Promise<string | null> {
  const [kind, id] = payeeKey.split(":");
  const where = kind === "agency" ? { organizationId: id } : { userId: id };
  const account = await db.payoutAccount.findFirst({
    where,
    select: { stripeAccountId: true, transfersActive: true },
  });
  return account?.transfersActive ? account.stripeAccountId : null;
}

async function sendOne(payment: { id: string; contractId: string; chargeId: string }, payout: PendingPayout) {
  const destination = await readyAccountOf(payout.payeeKey);
  if (!destination) return "waiting" as const;
  const transfer = await getStripe().transfers.create(
    {
      amount: payout.amountCents,
      currency: "eur",
      destination,
      source_transaction: payment.chargeId,
      transfer_group: payment.contractId,
      metadata: { paymentId: payment.id, payoutId: payout.id, payeeKey: payout.payeeKey },
    },
    { idempotencyKey: releaseKey(payment.id, payout.payeeKey) },
  );
  await recordTransfer(payment, payout, transfer.id);
  return "sent" as const;
}

export async function recordTransfer(
  payment: { id: string; contractId: string },
  payout: PendingPayout,
  transferId: string,
) {
  const notified = await db.$transaction(async (tx) => {
    const { count } = await tx.payout.updateMany({
      where: { id: payout.id, status: "PENDING" },
      data: { status: "SENT", stripeTransferId: transferId, sentAt: new Date() },
    });
    if (count !== 1) return [];
    await recordTransaction(
      tx,
      transferSent({
        contractId: payment.contractId,
        paymentId: payment.id,
        payeeKey: payout.payeeKey,
        amountCents: payout.amountCents,
        transferId,
      }),
    );
    return notifyPaymentReceived(tx, payout.id);
  });
  await publishNotifications(notified);
}

/** Sends every PENDING payout of a SUCCEEDED payment whose payee is ready. */
export async function releasePayment(paymentId: string): Promise<ReleaseOutcome> {
  const outcome: ReleaseOutcome = { sent: 0, waiting: 0, failed: 0 };
  const payment = await findPayment(db, paymentId);
  if (!payment || payment.status !== "SUCCEEDED" || !payment.stripeChargeId || payment.disputedAt)
    return outcome;
  const target = { id: payment.id, contractId: payment.contractId, chargeId: payment.stripeChargeId };
  for (const payout of await findPayouts(db, paymentId)) {
    if (payout.status !== "PENDING" || payout.amountCents <= 0) continue;
    try {
      outcome[await sendOne(target, payout)] += 1;
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      logger.warn(
        { paymentId, payeeKey: payout.payeeKey, code: error.code },
        "virement refusé par Stripe, nouvel essai plus tard",
      );
      outcome.failed += 1;
    }
  }
  return outcome;
}

/** The job's pass: every payment that succeeded and still has a payout waiting. */
export async function releaseWaitingPayouts(): Promise<ReleaseOutcome> {
  const payments = await db.payment.findMany({
    where: { status: "SUCCEEDED", disputedAt: null, payouts: { some: { status: "PENDING" } } },
    select: { id: true },
  });
  const total: ReleaseOutcome = { sent: 0, waiting: 0, failed: 0 };
  for (const { id } of payments) {
    const one = await releasePayment(id);
    total.sent += one.sent;
    total.waiting += one.waiting;
    total.failed += one.failed;
  }
  return total;
}
