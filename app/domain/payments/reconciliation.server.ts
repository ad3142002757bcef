// Compares our records with Stripe's objects: each Payment with its PaymentIntent and charge,
// each sent Payout with its transfer, and the ledger with both (every transaction balanced; the
// money a payment left at Stripe = charged − refunded − transferred + reversed − disputed).
import { db } from "#app/lib/db.server";
import { getStripe } from "#app/lib/stripe.server";
import { findImbalances } from "./ledger.repo.server";

export type Difference = { subject: string; field: string; ours: unknown; stripe: unknown };

const intentStatus: Record<string, string[]> = {
  SUCCEEDED: ["succeeded"],
  PROCESSING: ["processing"],
  FAILED: ["requires_payment_method", "canceled"],
  PENDING: ["requires_payment_method", "requires_confirmation", "requires_action", "processing"],
};

function differ(out: Difference[], subject: string, field: string, ours: unknown, stripe: unknown) {
  if (ours !== stripe) out.push({ subject, field, ours, stripe });
}

async function checkPayment(
  out: Difference[],
  p: {
    id: string;
    status: string;
    amountCents: number;
    refundedCents: number;
    stripePaymentIntentId: string;
    stripeChargeId: string | null;
  },
) {
  const subject = `payment ${p.id}`;
  const intent = await getStripe().paymentIntents.retrieve(p.stripePaymentIntentId);
  if (!(intentStatus[p.status] ?? []).includes(intent.status))
    out.push({ subject, field: "status", ours: p.status, stripe: intent.status });
  differ(out, subject, "amount", p.amountCents, intent.amount);
  if (p.status !== "SUCCEEDED") return 0;
  const chargeId =
    typeof intent.latest_charge === "string" ? intent.latest_charge : (intent.latest_charge?.id ?? null);
  differ(out, subject, "charge", p.stripeChargeId, chargeId);
  if (!chargeId) return 0;
  const charge = await getStripe().charges.retrieve(chargeId);
  differ(out, subject, "refunded", p.refundedCents, charge.amount_refunded);
  return charge.amount - charge.amount_refunded;
}

async function checkPayout(
  out: Difference[],
  p: { id: string; amountCents: number; reversedCents: number; stripeTransferId: string; payeeKey: string },
) {
  const subject = `payout ${p.id}`;
  const transfer = await getStripe().transfers.retrieve(p.stripeTransferId);
  differ(out, subject, "amount", p.amountCents, transfer.amount);
  differ(out, subject, "reversed", p.reversedCents, transfer.amount_reversed);
  const [kind, id] = p.payeeKey.split(":");
  const account = await db.payoutAccount.findFirst({
    where: kind === "agency" ? { organizationId: id } : { userId: id },
    select: { stripeAccountId: true },
  });
  const destination =
    typeof transfer.destination === "string" ? transfer.destination : (transfer.destination?.id ?? null);
  differ(out, subject, "destination", account?.stripeAccountId ?? null, destination);
  return transfer.amount - transfer.amount_reversed;
}

/** Every difference found; an empty list means the books and Stripe agree. */
export async function reconcilePayments(): Promise<Difference[]> {
  const out: Difference[] = (await findImbalances(db)).map((i) => ({
    subject: `ledger ${i.transactionId}`,
    field: "sum",
    ours: i.sumCents,
    stripe: 0,
  }));
  const payments = await db.payment.findMany({
    where: { stripePaymentIntentId: { not: null } },
    include: { payouts: true },
    orderBy: { createdAt: "asc" },
  });
  for (const payment of payments) {
    const kept = await checkPayment(out, {
      ...payment,
      stripePaymentIntentId: payment.stripePaymentIntentId!,
    });
    let transferred = 0;
    for (const payout of payment.payouts.filter((p) => p.stripeTransferId)) {
      transferred += await checkPayout(out, { ...payout, stripeTransferId: payout.stripeTransferId! });
    }
    const atStripe = await db.ledgerEntry.aggregate({
      where: { paymentId: payment.id, account: { in: ["stripe"] } },
      _sum: { amountCents: true },
    });
    const disputed = await db.ledgerEntry.aggregate({
      where: { paymentId: payment.id, account: "disputes" },
      _sum: { amountCents: true },
    });
    const expected = kept - transferred - (disputed._sum.amountCents ?? 0);
    differ(out, `payment ${payment.id}`, "ledger stripe balance", atStripe._sum.amountCents ?? 0, expected);
  }
  return out;
}
