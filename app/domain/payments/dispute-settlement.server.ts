// After staff settle a dispute by approving the disputed work (/moderation/litiges): the money
// follows through the usual paths, for that contract only — approved milestones are allocated
// (invoices, payout, ledger), work approved after its month closed is billed by a later PERIOD
// payment and charged, and every payout waiting on a succeeded payment is transferred. Each step is
// idempotent: what cannot happen now (a charge still processing, a payee not ready, a payment
// still under a Stripe dispute) is finished by the payments job.
import { db } from "#app/lib/db.server";
import { allocateApprovedMilestones } from "./milestone-payments.server";
import { chargePayment } from "./payment-charge.server";
import { releasePayment, type ReleaseOutcome } from "./payment-release.server";
import { closeMonth } from "./payments-job.server";

export type SettlementRun = { allocated: number; billed: number; released: ReleaseOutcome };

export async function settleApprovedWork(contractId: string, now: Date): Promise<SettlementRun> {
  const allocated = (await allocateApprovedMilestones(now, contractId)).length;
  const billed = await closeMonth(now, contractId);
  for (const paymentId of billed) await chargePayment(paymentId);
  const released: ReleaseOutcome = { sent: 0, waiting: 0, failed: 0 };
  const waiting = await db.payment.findMany({
    where: { contractId, status: "SUCCEEDED", disputedAt: null, payouts: { some: { status: "PENDING" } } },
    select: { id: true },
  });
  for (const { id } of waiting) {
    const one = await releasePayment(id);
    released.sent += one.sent;
    released.waiting += one.waiting;
    released.failed += one.failed;
  }
  return { allocated, billed: billed.length, released };
}
