// Staff refunds. Before release (nothing transferred, the money still in escrow): a refund only.
// After release: a refund, and each transfer reversed by its payee's share of the refund
// (rounded half up; the platform bears the rest, i.e. its fee share). Full or partial. Each
// Stripe call has a deterministic key — `refund:{paymentId}:{alreadyRefunded}:{amount}` and
// `reverse:{refundId}:{payoutId}` — so a double click or a retry after a crash refunds once.
import { z } from "zod";
import { canModerate } from "#app/domain/moderation/moderation.policy";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { getStripe } from "#app/lib/stripe.server";
import { refunded, transferReversed } from "./ledger";
import { recordTransaction } from "./ledger.repo.server";
import { findPayment, findPayouts } from "./payments.repo.server";

export const refundInput = z.object({
  paymentId: z.string().min(1),
  amountCents: z.number().int().positive("Le montant doit être positif."),
});

export const refundKey = (paymentId: string, already: number, amount: number) =>
  `refund:${paymentId}:${already}:${amount}`;

async function requireStaff(actorId: string) {
  const actor = await db.user.findUnique({
    where: { id: actorId },
    select: { id: true, role: true, suspendedAt: true },
  });
  if (!canModerate(actor && { ...actor, suspended: !!actor.suspendedAt }))
    throw new DomainError("NOT_FOUND", "Cette page est introuvable.");
}

/** Each sent payout's part of a refund of `amount` out of a payment of `total`. */
export function reversalShares(
  payouts: { id: string; amountCents: number; reversedCents: number }[],
  amount: number,
  total: number,
) {
  return payouts.map((p) => ({
    payoutId: p.id,
    amountCents: Math.min(
      p.amountCents - p.reversedCents,
      Math.floor((amount * p.amountCents * 2 + total) / (2 * total)),
    ),
  }));
}

async function loadRefundable(paymentId: string, amountCents: number) {
  const payment = await findPayment(db, paymentId);
  if (!payment) throw new DomainError("NOT_FOUND", "Ce paiement est introuvable.");
  if (payment.status !== "SUCCEEDED" || !payment.stripeChargeId)
    throw new DomainError("CONFLICT", "Seul un paiement encaissé peut être remboursé.");
  if (amountCents > payment.amountCents - payment.refundedCents)
    throw new DomainError("VALIDATION", "Le montant dépasse ce qui reste remboursable sur ce paiement.");
  const payouts = await findPayouts(db, paymentId);
  const sent = payouts.filter((p) => p.status !== "PENDING");
  if (sent.length === 0 && payouts.length > 0)
    throw new DomainError(
      "CONFLICT",
      "Ce paiement est réparti mais ses virements ne sont pas partis : attendez le virement, puis remboursez avec reprise.",
    );
  return { payment: { ...payment, stripeChargeId: payment.stripeChargeId }, sent };
}

export async function refundPayment({ actorId, input }: { actorId: string; input: unknown }) {
  await requireStaff(actorId);
  const parsed = refundInput.safeParse(input);
  if (!parsed.success)
    throw new DomainError("VALIDATION", parsed.error.issues[0]?.message ?? "Montant invalide.");
  const { paymentId, amountCents } = parsed.data;
  const { payment, sent } = await loadRefundable(paymentId, amountCents);
  const already = payment.refundedCents;
  const refund = await getStripe().refunds.create(
    { charge: payment.stripeChargeId, amount: amountCents, metadata: { paymentId } },
    { idempotencyKey: refundKey(paymentId, already, amountCents) },
  );
  const shares = reversalShares(sent, amountCents, payment.amountCents).filter((s) => s.amountCents > 0);
  const reversed = shares.reduce((sum, s) => sum + s.amountCents, 0);
  await db.$transaction(async (tx) => {
    await tx.payment.updateMany({
      where: { id: paymentId, refundedCents: already },
      data: { refundedCents: already + amountCents },
    });
    const movement = refunded({
      contractId: payment.contractId,
      paymentId,
      refundId: refund.id,
      amountCents,
      released: sent.length > 0,
      reversedCents: reversed,
    });
    await recordTransaction(tx, movement);
  });
  for (const share of shares)
    await reverseOne(
      payment,
      sent.find((p) => p.id === share.payoutId)!,
      refund.id,
      share.amountCents,
    );
  return { refundId: refund.id, reversedCents: reversed };
}

async function reverseOne(
  payment: { id: string; contractId: string },
  payout: { id: string; stripeTransferId: string | null; amountCents: number },
  refundId: string,
  amountCents: number,
) {
  if (!payout.stripeTransferId) return;
  const reversal = await getStripe().transfers.createReversal(
    payout.stripeTransferId,
    { amount: amountCents, metadata: { paymentId: payment.id, refundId } },
    { idempotencyKey: `reverse:${refundId}:${payout.id}` },
  );
  await db.$transaction(async (tx) => {
    const written = await recordTransaction(
      tx,
      transferReversed({
        contractId: payment.contractId,
        paymentId: payment.id,
        reversalId: reversal.id,
        amountCents,
      }),
    );
    if (!written) return; // transfer.reversed arrived first and recorded it
    const row = await tx.payout.findUniqueOrThrow({
      where: { id: payout.id },
      select: { reversedCents: true },
    });
    const total = row.reversedCents + amountCents;
    await tx.payout.update({
      where: { id: payout.id },
      data: { reversedCents: total, ...(total >= payout.amountCents ? { status: "REVERSED" } : {}) },
    });
  });
}
