// Charging a business off-session with its saved method (SEPA debit or card). Two Stripe calls,
// each with a deterministic idempotency key, and the PaymentIntent id recorded between them:
// create (`charge:{paymentId}`, or `charge:{paymentId}:{paymentMethodId}` for a retry after a
// failed debit), record, then confirm. No webhook can arrive before the id is recorded (Stripe
// emits them on confirm), and a crash anywhere is retried with the same keys.
import Stripe from "stripe";
import { findChargeableMethod } from "#app/domain/payment-methods/chargeable-method.server";
import { db } from "#app/lib/db.server";
import { sendMail } from "#app/lib/mail.server";
import { getStripe } from "#app/lib/stripe.server";
import { logger } from "#app/server/logger";
import { failPayment, newAfterCommit } from "./payment-events.server";
import { findPayment, movePayment, type PaymentRow } from "./payments.repo.server";

export type ChargeOutcome = "CHARGING" | "NO_METHOD" | "FAILED" | "NOTHING_TO_DO";

export const chargeKey = (paymentId: string, retryWithMethod: string | null) =>
  retryWithMethod ? `charge:${paymentId}:${retryWithMethod}` : `charge:${paymentId}`;

async function createIntent(
  payment: PaymentRow,
  method: NonNullable<Awaited<ReturnType<typeof findChargeableMethod>>>,
) {
  const retry = payment.status === "FAILED" ? method.paymentMethodId : null;
  return getStripe().paymentIntents.create(
    {
      amount: payment.amountCents,
      currency: "eur",
      customer: method.stripeCustomerId,
      payment_method: method.paymentMethodId,
      allowed_payment_method_types: [method.type === "sepa_debit" ? "sepa_debit" : "card"],
      off_session: true,
      transfer_group: payment.contractId,
      description: `Permanence — ${payment.contract.mission.title}`,
      metadata: { paymentId: payment.id, contractId: payment.contractId },
    },
    { idempotencyKey: chargeKey(payment.id, retry) },
  );
}

/** Records the attempt's PaymentIntent; a FAILED payment goes back to PENDING for it. */
async function recordIntent(payment: PaymentRow, intentId: string) {
  if (payment.stripePaymentIntentId === intentId) return;
  await movePayment(db, payment.id, ["PENDING", "FAILED"], {
    status: "PENDING",
    stripePaymentIntentId: intentId,
    failureMessage: null,
  });
}

/** Charges one payment if it waits for a charge and its business has a usable method. */
export async function chargePayment(paymentId: string): Promise<ChargeOutcome> {
  const payment = await findPayment(db, paymentId);
  if (!payment || !["PENDING", "FAILED"].includes(payment.status) || payment.amountCents <= 0)
    return "NOTHING_TO_DO";
  const method = await findChargeableMethod(db, payment.contract.organizationId);
  if (!method) return "NO_METHOD";
  const intent = await createIntent(payment, method);
  await recordIntent(payment, intent.id);
  if (intent.status !== "requires_confirmation" && intent.status !== "requires_payment_method")
    return "CHARGING";
  try {
    await getStripe().paymentIntents.confirm(
      intent.id,
      { off_session: true },
      { idempotencyKey: `confirm:${intent.id}` },
    );
    return "CHARGING";
  } catch (error) {
    if (!(
      error instanceof Stripe.errors.StripeCardError ||
      error instanceof Stripe.errors.StripeInvalidRequestError
    ))
      throw error;
    await failNow(paymentId, intent.id, error.message);
    return "FAILED";
  }
}

/** A decline answered synchronously: the same effect as payment_intent.payment_failed (which then finds nothing to do). */
async function failNow(paymentId: string, intentId: string, message: string) {
  const after = newAfterCommit();
  await db.$transaction(async (tx) => {
    const payment = await findPayment(tx, paymentId);
    if (payment) await failPayment(tx, payment, { intentId, message, at: new Date() }, after);
  });
  for (const mail of after.mails) {
    await sendMail(mail).catch((e: unknown) => logger.error({ err: e }, "e-mail de paiement non envoyé"));
  }
}

/** The job's pass: PENDING payments never sent to Stripe, and FAILED ones whose business saved a new method. */
export async function chargeWaitingPayments(): Promise<number> {
  const waiting = await db.payment.findMany({
    where: { OR: [{ status: "PENDING", stripePaymentIntentId: null }, { status: "FAILED" }] },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  let charged = 0;
  for (const { id } of waiting) {
    try {
      if ((await chargePayment(id)) === "CHARGING") charged += 1;
    } catch (error) {
      logger.warn({ err: error, paymentId: id }, "paiement non présenté, nouvel essai plus tard");
    }
  }
  return charged;
}
