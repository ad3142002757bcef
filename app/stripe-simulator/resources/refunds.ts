import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { invalidRequest, missingParam } from "../errors";
import { type Form, metadata, reader } from "../form";
import { type SimCharge, type SimRefund } from "../state";

function create(core: SimCore, form: Form): SimRefund {
  const p = reader<Stripe.RefundCreateParams>(form);
  const charge = chargeOf(core, p.str("charge"), p.str("payment_intent"));
  if (charge.status !== "succeeded")
    throw invalidRequest(
      "This charge cannot be refunded: it has not succeeded.",
      "charge",
      "charge_not_refundable",
    );
  if (charge.disputed)
    throw invalidRequest(
      `Charge ${charge.id} has been disputed and cannot be refunded.`,
      "charge",
      "charge_disputed",
    );
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0)
    throw invalidRequest(
      `Charge ${charge.id} has already been refunded.`,
      "charge",
      "charge_already_refunded",
    );
  const amount = p.int("amount") ?? remaining;
  if (amount < 1 || amount > remaining) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`,
      "amount",
      "amount_too_large",
    );
  }
  const refund: SimRefund = {
    id: core.id("re"),
    object: "refund",
    created: core.now(),
    amount,
    currency: charge.currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    status: "succeeded",
    reason: (p.str("reason") ?? null) as Stripe.Refund.Reason | null,
    metadata: p.metadata(),
    balance_transaction: null,
  };
  refund.balance_transaction = core.book(null, {
    amount: -amount,
    fee: 0,
    type: "refund",
    source: refund.id,
    reporting_category: "refund",
    description: null,
  }).id;
  core.state.refunds.set(refund.id, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  core.bus.emit("refund.created", refund);
  core.bus.emit("charge.refunded", charge, { previous });
  return refund;
}

function chargeOf(
  core: SimCore,
  chargeId: string | undefined,
  paymentIntentId: string | undefined,
): SimCharge {
  if (chargeId) return core.get(core.state.charges, "charge", chargeId, "charge");
  if (!paymentIntentId) throw missingParam("charge");
  const pi = core.get(core.state.paymentIntents, "payment_intent", paymentIntentId, "payment_intent");
  if (!pi.latest_charge)
    throw invalidRequest(
      "This PaymentIntent has no successful charge to refund.",
      "payment_intent",
      "charge_not_refundable",
    );
  return core.get(core.state.charges, "charge", String(pi.latest_charge), "payment_intent");
}

const find = (core: SimCore, id: string) => core.get(core.state.refunds, "refund", id, "id");

export const refundRoutes: Route[] = [
  { method: "POST", path: "/v1/refunds", handler: (core, req) => create(core, req.form) },
  { method: "GET", path: "/v1/refunds/:id", handler: (core, req) => find(core, req.params.id) },
  {
    method: "POST",
    path: "/v1/refunds/:id",
    handler: (core, req) => {
      const refund = find(core, req.params.id);
      refund.metadata = metadata(req.form.metadata, refund.metadata ?? {});
      return refund;
    },
  },
  {
    method: "GET",
    path: "/v1/refunds",
    handler: (core, req) => {
      const p = reader<Stripe.RefundListParams>(req.form);
      const charge = p.str("charge");
      const pi = p.str("payment_intent");
      const items = [...core.state.refunds.values()].filter(
        (r) => (!charge || r.charge === charge) && (!pi || r.payment_intent === pi),
      );
      return list(core, items, req.form, "/v1/refunds");
    },
  },
];
