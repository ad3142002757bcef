// Effects of Stripe's payment events, applied in the webhook's transaction. Each one looks at the
// current state and never assumes the order events arrive in: a late "processing" after
// "succeeded" changes nothing, an event for an older PaymentIntent of a retried payment is ignored.
// What must happen after the commit (transfers, e-mails) goes into `after`.
import type Stripe from "stripe";
import { markPaymentMethodFailed } from "#app/domain/payment-methods/chargeable-method.server";
import { transitionContract } from "#app/domain/contracts/contract-transition.server";
import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";
import type { Mail } from "#app/lib/mail.server";
import { chargeSucceeded, disputeMoved, transferReversed } from "./ledger";
import { recordTransaction } from "./ledger.repo.server";
import { disputeOpenedMessage, paymentFailedMessage } from "./payment-emails";
import {
  findBusinessRecipients,
  findPaymentByCharge,
  findPaymentForIntent,
  findStaffEmails,
  movePayment,
  type PaymentRow,
} from "./payments.repo.server";
import { chargeObject, disputeObject, paymentIntentObject, transferObject } from "./stripe-objects.schema";

export type AfterCommit = { releasePaymentIds: Set<string>; mails: Mail[] };
export const newAfterCommit = (): AfterCommit => ({ releasePaymentIds: new Set(), mails: [] });

type Handler = (tx: Tx, event: Stripe.Event, after: AfterCommit) => Promise<void>;

/** The intent's payment, unless the event is about an older attempt than the one recorded. */
async function currentPayment(tx: Tx, intent: { id: string; metadata?: Record<string, string> | null }) {
  const payment = await findPaymentForIntent(tx, intent);
  if (!payment) return null;
  if (payment.stripePaymentIntentId && payment.stripePaymentIntentId !== intent.id) return null;
  return payment;
}

const onProcessing: Handler = async (tx, event) => {
  const intent = paymentIntentObject.parse(event.data.object);
  const payment = await currentPayment(tx, intent);
  if (payment)
    await movePayment(tx, payment.id, ["PENDING"], {
      status: "PROCESSING",
      stripePaymentIntentId: intent.id,
    });
};

const onSucceeded: Handler = async (tx, event, after) => {
  const intent = paymentIntentObject.parse(event.data.object);
  const payment = await currentPayment(tx, intent);
  if (!payment || !intent.latest_charge) return;
  const moved = await movePayment(tx, payment.id, ["PENDING", "PROCESSING", "FAILED"], {
    status: "SUCCEEDED",
    stripePaymentIntentId: intent.id,
    stripeChargeId: intent.latest_charge,
    succeededAt: new Date(event.created * 1000),
    failureMessage: null,
  });
  if (!moved) return;
  await recordTransaction(
    tx,
    chargeSucceeded({
      contractId: payment.contractId,
      paymentId: payment.id,
      organizationId: payment.contract.organizationId,
      amountCents: payment.amountCents,
      chargeId: intent.latest_charge,
    }),
  );
  after.releasePaymentIds.add(payment.id);
};

const onFailed: Handler = async (tx, event, after) => {
  const intent = paymentIntentObject.parse(event.data.object);
  const payment = await currentPayment(tx, intent);
  if (!payment) return;
  const message = intent.last_payment_error?.message ?? "Paiement refusé";
  await failPayment(tx, payment, { intentId: intent.id, message, at: new Date(event.created * 1000) }, after);
};

/** PENDING/PROCESSING → FAILED, the business's method flagged (charges wait for a new one), the business told. */
export async function failPayment(
  tx: Tx,
  payment: PaymentRow,
  failure: { intentId: string; message: string; at: Date },
  after: AfterCommit,
) {
  const moved = await movePayment(tx, payment.id, ["PENDING", "PROCESSING"], {
    status: "FAILED",
    stripePaymentIntentId: failure.intentId,
    failureMessage: failure.message,
  });
  if (!moved) return;
  await markPaymentMethodFailed(tx, payment.contract.organizationId, failure.at);
  await tellBusiness(tx, payment, after);
}

async function tellBusiness(tx: Tx, payment: PaymentRow, after: AfterCommit) {
  const appUrl = getEnv().appUrl;
  for (const { user } of await findBusinessRecipients(tx, payment.contract.organizationId)) {
    const message = paymentFailedMessage({
      name: user.displayName,
      contractTitle: payment.contract.mission.title,
      amountCents: payment.amountCents,
      appUrl,
    });
    after.mails.push({ to: user.email, ...message });
  }
}

const onRefunded: Handler = async (tx, event) => {
  const charge = chargeObject.parse(event.data.object);
  const payment = await findPaymentByCharge(tx, charge.id);
  // Only ever grows: a late event with a smaller total changes nothing.
  if (payment && charge.amount_refunded > payment.refundedCents) {
    await tx.payment.update({ where: { id: payment.id }, data: { refundedCents: charge.amount_refunded } });
  }
};

const onDisputeCreated: Handler = async (tx, event, after) => {
  const dispute = disputeObject.parse(event.data.object);
  const payment = await findPaymentByCharge(tx, dispute.charge);
  if (!payment) return;
  const base = {
    contractId: payment.contractId,
    paymentId: payment.id,
    disputeId: dispute.id,
    amountCents: dispute.amount,
  };
  if (!(await recordTransaction(tx, disputeMoved({ ...base, step: "opened" })))) return;
  await tx.payment.update({
    where: { id: payment.id },
    data: { disputedAt: new Date(event.created * 1000) },
  });
  await disputeContract(tx, payment.contractId);
  const message = disputeOpenedMessage({
    contractId: payment.contractId,
    contractTitle: payment.contract.mission.title,
    amountCents: dispute.amount,
    appUrl: getEnv().appUrl,
  });
  for (const to of await findStaffEmails(tx)) after.mails.push({ to, ...message });
};

/** ACTIVE or PAUSED → DISPUTED as SYSTEM; an ended or already disputed contract keeps its status. */
async function disputeContract(tx: Tx, contractId: string) {
  try {
    await transitionContract(tx, {
      contractId,
      event: "DISPUTE",
      actor: { id: null, as: "SYSTEM" },
      reason: "Litige bancaire ouvert sur un paiement (Stripe)",
    });
  } catch (error) {
    if (!(error instanceof DomainError && error.code === "INVALID_TRANSITION")) throw error;
  }
}

const onDisputeClosed: Handler = async (tx, event) => {
  const dispute = disputeObject.parse(event.data.object);
  const payment = await findPaymentByCharge(tx, dispute.charge);
  if (!payment || (dispute.status !== "won" && dispute.status !== "lost")) return;
  const base = {
    contractId: payment.contractId,
    paymentId: payment.id,
    disputeId: dispute.id,
    amountCents: dispute.amount,
  };
  // Closed before "created" arrived: record the opening first so the story stays whole.
  await recordTransaction(tx, disputeMoved({ ...base, step: "opened" }));
  await recordTransaction(tx, disputeMoved({ ...base, step: dispute.status }));
};

const onTransferReversed: Handler = async (tx, event) => {
  const transfer = transferObject.parse(event.data.object);
  const payout = await tx.payout.findUnique({
    where: { stripeTransferId: transfer.id },
    select: {
      id: true,
      paymentId: true,
      reversedCents: true,
      amountCents: true,
      payment: { select: { contractId: true } },
    },
  });
  if (!payout) return;
  for (const reversal of transfer.reversals?.data ?? []) {
    await recordTransaction(
      tx,
      transferReversed({
        contractId: payout.payment.contractId,
        paymentId: payout.paymentId,
        reversalId: reversal.id,
        amountCents: reversal.amount,
      }),
    );
  }
  if (transfer.amount_reversed > payout.reversedCents) {
    await tx.payout.update({
      where: { id: payout.id },
      data: {
        reversedCents: transfer.amount_reversed,
        ...(transfer.amount_reversed >= payout.amountCents ? { status: "REVERSED" } : {}),
      },
    });
  }
};

export const paymentEventHandlers: Partial<Record<string, Handler>> = {
  "payment_intent.processing": onProcessing,
  "payment_intent.succeeded": onSucceeded,
  "payment_intent.payment_failed": onFailed,
  "charge.refunded": onRefunded,
  "charge.dispute.created": onDisputeCreated,
  "charge.dispute.closed": onDisputeClosed,
  "transfer.reversed": onTransferReversed,
};
