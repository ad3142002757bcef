import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { StripeSimError } from "../errors";
import { type SimCharge, type SimPaymentIntent, type SimPaymentMethod } from "../state";
import { cardFor, ibanOutcome } from "../test-data";
import { openDispute } from "./disputes";

// Stripe's standard European pricing, so that balance transactions carry realistic fees.
export function stripeFee(amount: number, type: SimCharge["paymentMethodType"]): number {
  return type === "card" ? Math.round(amount * 0.015) + 25 : 35;
}

export function newCharge(
  core: SimCore,
  pi: SimPaymentIntent,
  pm: SimPaymentMethod,
  status: Stripe.Charge.Status,
): SimCharge {
  const charge: SimCharge = {
    id: core.id("ch"),
    object: "charge",
    created: core.now(),
    amount: pi.amount,
    amount_captured: 0,
    amount_refunded: 0,
    currency: pi.currency,
    customer: pi.customer,
    payment_intent: pi.id,
    payment_method: pm.id,
    status,
    paid: false,
    captured: false,
    refunded: false,
    disputed: false,
    balance_transaction: null,
    failure_code: null,
    failure_message: null,
    transfer_group: pi.transfer_group,
    metadata: pi.metadata,
    livemode: false,
    outcome: null,
    description: pi.description,
    paymentMethodType: pm.type === "card" ? "card" : "sepa_debit",
  };
  core.state.charges.set(charge.id, charge);
  pi.latest_charge = charge.id;
  return charge;
}

export function succeedCharge(core: SimCore, pi: SimPaymentIntent, charge: SimCharge, pm: SimPaymentMethod) {
  const card = pm.type === "card" ? cardFor(pm.testNumber) : undefined;
  const txn = core.book(
    null,
    {
      amount: charge.amount,
      fee: stripeFee(charge.amount, charge.paymentMethodType),
      type: "charge",
      source: charge.id,
      reporting_category: "charge",
      description: charge.description,
    },
    card?.availableNow ? 0 : core.options.availabilityDelayMs,
  );
  Object.assign(charge, {
    status: "succeeded",
    paid: true,
    captured: true,
    amount_captured: charge.amount,
    balance_transaction: txn.id,
    outcome: outcome("authorized", null),
  });
  Object.assign(pi, { status: "succeeded", amount_received: pi.amount, last_payment_error: null });
  core.bus.emit("charge.succeeded", charge);
  core.bus.emit("payment_intent.succeeded", pi);
  if (card?.outcome === "dispute") openDispute(core, charge.id, "fraudulent");
}

/** Marks the charge and the intent failed, emits the events, and returns Stripe's error. */
export function failCharge(
  core: SimCore,
  pi: SimPaymentIntent,
  charge: SimCharge,
  pm: SimPaymentMethod,
  declineCode: string,
): StripeSimError {
  const message =
    declineCode === "insufficient_funds" ? "Your card has insufficient funds." : "Your card was declined.";
  const code = pm.type === "card" ? "card_declined" : "insufficient_funds";
  Object.assign(charge, {
    status: "failed",
    failure_code: code,
    failure_message: message,
    outcome: outcome("issuer_declined", declineCode),
  });
  Object.assign(pi, {
    status: "requires_payment_method",
    payment_method: null,
    last_payment_error: {
      type: "card_error",
      code,
      decline_code: declineCode,
      message,
      charge: charge.id,
      payment_method_type: pm.type,
      payment_method: pm as unknown as Stripe.PaymentMethod,
    },
  });
  core.bus.emit("charge.failed", charge);
  core.bus.emit("payment_intent.payment_failed", pi);
  return new StripeSimError(402, {
    type: "card_error",
    code,
    decline_code: declineCode,
    message,
    charge: charge.id,
    payment_intent: structuredClone(pi),
  });
}

function outcome(type: string, reason: string | null): Stripe.Charge.Outcome {
  return {
    advice_code: null,
    network_advice_code: null,
    network_decline_code: null,
    network_status: type === "authorized" ? "approved_by_network" : "declined_by_network",
    reason,
    risk_level: "normal",
    seller_message:
      type === "authorized"
        ? "Payment complete."
        : "The bank did not return any further details with this decline.",
    type,
  };
}

/** SEPA debits stay `processing` and settle on the simulator clock, like Stripe's test IBANs. */
export function scheduleSepaOutcome(
  core: SimCore,
  pi: SimPaymentIntent,
  charge: SimCharge,
  pm: SimPaymentMethod,
) {
  core.clock.schedule(core.clock.now() + core.options.sepaDelayMs, () => {
    if (ibanOutcome(pm.testNumber) === "succeeds") succeedCharge(core, pi, charge, pm);
    else failCharge(core, pi, charge, pm, "insufficient_funds");
  });
}

export const chargeRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/charges/:id",
    handler: (core, req) => core.get(core.state.charges, "charge", req.params.id, "id"),
  },
  {
    method: "GET",
    path: "/v1/charges",
    handler: (core, req) => {
      const pi = typeof req.form.payment_intent === "string" ? req.form.payment_intent : undefined;
      const group = typeof req.form.transfer_group === "string" ? req.form.transfer_group : undefined;
      const items = [...core.state.charges.values()].filter(
        (c) => (!pi || c.payment_intent === pi) && (!group || c.transfer_group === group),
      );
      return list(core, items, req.form, "/v1/charges");
    },
  },
];
