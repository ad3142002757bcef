// Prisma reads and writes of payments and payouts, in the caller's transaction.
import type { Tx } from "#app/lib/db.server";

export const paymentSelect = {
  id: true,
  contractId: true,
  kind: true,
  periodMonth: true,
  sequence: true,
  milestoneId: true,
  workAmountCents: true,
  amountCents: true,
  feeCents: true,
  status: true,
  stripePaymentIntentId: true,
  stripeChargeId: true,
  refundedCents: true,
  disputedAt: true,
  succeededAt: true,
  contract: { select: { organizationId: true, status: true, mission: { select: { title: true } } } },
} as const;

export type PaymentRow = NonNullable<Awaited<ReturnType<typeof findPayment>>>;

export function findPayment(tx: Tx, id: string) {
  return tx.payment.findUnique({ where: { id }, select: paymentSelect });
}

/** The payment a PaymentIntent belongs to: by our metadata first, else by the recorded id. */
export async function findPaymentForIntent(
  tx: Tx,
  intent: { id: string; metadata?: Record<string, string> | null },
) {
  const byMetadata = intent.metadata?.paymentId ? await findPayment(tx, intent.metadata.paymentId) : null;
  if (byMetadata) return byMetadata;
  return tx.payment.findUnique({ where: { stripePaymentIntentId: intent.id }, select: paymentSelect });
}

export function findPaymentByCharge(tx: Tx, chargeId: string) {
  return tx.payment.findFirst({ where: { stripeChargeId: chargeId }, select: paymentSelect });
}

/** Conditional status change: nothing happens unless the payment is still in one of `from`. */
export async function movePayment(
  tx: Tx,
  id: string,
  from: readonly string[],
  data: { status: string; [key: string]: unknown },
): Promise<boolean> {
  const { count } = await tx.payment.updateMany({ where: { id, status: { in: [...from] } }, data });
  return count === 1;
}

export const payoutSelect = {
  id: true,
  paymentId: true,
  payeeKey: true,
  payeeUserId: true,
  payeeOrganizationId: true,
  workAmountCents: true,
  feeCents: true,
  amountCents: true,
  status: true,
  stripeTransferId: true,
  reversedCents: true,
} as const;

export function findPayouts(tx: Tx, paymentId: string) {
  return tx.payout.findMany({ where: { paymentId }, select: payoutSelect, orderBy: { payeeKey: "asc" } });
}

/** Users who receive staff alerts. */
export function findStaffEmails(tx: Tx) {
  return tx.user
    .findMany({ where: { role: { in: ["MODERATOR", "ADMIN"] }, suspendedAt: null }, select: { email: true } })
    .then((rows) => rows.map((r) => r.email));
}

/** The members of a business organisation, to tell them about a failed debit. */
export function findBusinessRecipients(tx: Tx, organizationId: string) {
  return tx.membership.findMany({
    where: { organizationId },
    select: { user: { select: { email: true, displayName: true } } },
  });
}
