import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { invalidRequest } from "../errors";
import { type Form, allowedMethodTypes, eurOnly, metadata, positiveAmount, reader } from "../form";
import { type SimPaymentIntent } from "../state";
import { cardFor } from "../test-data";
import { failCharge, newCharge, scheduleSepaOutcome, succeedCharge } from "./charges";
import { resolvePaymentMethod } from "./payment-methods";

function create(core: SimCore, form: Form): SimPaymentIntent {
  const p = reader<Stripe.PaymentIntentCreateParams>(form);
  // Destination charges are not this marketplace's model (separate charges and transfers).
  for (const key of ["transfer_data", "application_fee_amount", "on_behalf_of"] as const) {
    if (p.has(key))
      throw invalidRequest(
        `Le simulateur ne gère pas ${key} (modèle « charges et transferts séparés »).`,
        key,
      );
  }
  const customer = p.str("customer") ?? null;
  if (customer) core.get(core.state.customers, "customer", customer, "customer");
  const types = allowedMethodTypes(form);
  const id = core.id("pi");
  const pi: SimPaymentIntent = {
    id,
    object: "payment_intent",
    created: core.now(),
    amount: positiveAmount(p.int("amount")),
    amount_received: 0,
    currency: eurOnly(p.str("currency")),
    customer,
    payment_method: null,
    payment_method_types: types,
    allowed_payment_method_types: types,
    status: "requires_payment_method",
    latest_charge: null,
    transfer_group: p.str("transfer_group") ?? null,
    metadata: p.metadata(),
    description: p.str("description") ?? null,
    last_payment_error: null,
    livemode: false,
    client_secret: `${id}_secret_${core.id("s").slice(2)}`,
    cancellation_reason: null,
    canceled_at: null,
  };
  const pm = p.str("payment_method");
  if (pm)
    Object.assign(pi, { payment_method: resolvePaymentMethod(core, pm).id, status: "requires_confirmation" });
  core.state.paymentIntents.set(id, pi);
  core.bus.emit("payment_intent.created", pi);
  return p.bool("confirm") ? confirm(core, pi, {}) : pi;
}

function confirm(core: SimCore, pi: SimPaymentIntent, form: Form): SimPaymentIntent {
  if (!["requires_payment_method", "requires_confirmation"].includes(pi.status)) {
    throw invalidRequest(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`,
      undefined,
      "payment_intent_unexpected_state",
    );
  }
  const requested = reader<Stripe.PaymentIntentConfirmParams>(form).str("payment_method");
  const pmId = requested ?? (typeof pi.payment_method === "string" ? pi.payment_method : null);
  if (!pmId)
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method.",
      "payment_method",
      "payment_intent_unexpected_state",
    );
  const pm = resolvePaymentMethod(core, pmId);
  if (pm.customer && pi.customer && pm.customer !== pi.customer) {
    throw invalidRequest(
      "The provided PaymentMethod belongs to another Customer.",
      "payment_method",
      "payment_method_invalid_parameter",
    );
  }
  if (!pi.payment_method_types.includes(pm.type)) {
    throw invalidRequest(
      `The PaymentMethod type ${pm.type} is not allowed for this PaymentIntent.`,
      "payment_method",
      "payment_intent_incompatible_payment_method",
    );
  }
  pi.payment_method = pm.id;
  if (pm.type === "sepa_debit") {
    const charge = newCharge(core, pi, pm, "pending");
    pi.status = "processing";
    core.bus.emit("charge.pending", charge);
    core.bus.emit("payment_intent.processing", pi);
    scheduleSepaOutcome(core, pi, charge, pm);
    return pi;
  }
  const charge = newCharge(core, pi, pm, "pending");
  const card = cardFor(pm.testNumber);
  if (card?.outcome === "card_declined" || card?.outcome === "insufficient_funds") {
    throw failCharge(
      core,
      pi,
      charge,
      pm,
      card.outcome === "insufficient_funds" ? "insufficient_funds" : "generic_decline",
    );
  }
  succeedCharge(core, pi, charge, pm);
  return pi;
}

function update(core: SimCore, pi: SimPaymentIntent, form: Form): SimPaymentIntent {
  const p = reader<Stripe.PaymentIntentUpdateParams>(form);
  if (
    ["succeeded", "processing", "canceled"].includes(pi.status) &&
    (p.has("amount") || p.has("payment_method"))
  ) {
    throw invalidRequest(
      `You cannot update this PaymentIntent because it has a status of ${pi.status}.`,
      undefined,
      "payment_intent_unexpected_state",
    );
  }
  if (p.has("amount")) pi.amount = positiveAmount(p.int("amount"));
  if (p.has("payment_method"))
    pi.payment_method = resolvePaymentMethod(core, p.required("payment_method")).id;
  if (p.has("description")) pi.description = p.str("description") ?? null;
  if (p.has("transfer_group")) pi.transfer_group = p.str("transfer_group") ?? null;
  pi.metadata = metadata(form.metadata, pi.metadata);
  return pi;
}

function cancel(core: SimCore, pi: SimPaymentIntent, form: Form): SimPaymentIntent {
  if (["succeeded", "processing", "canceled"].includes(pi.status)) {
    throw invalidRequest(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`,
      undefined,
      "payment_intent_unexpected_state",
    );
  }
  const reason = reader<Stripe.PaymentIntentCancelParams>(form).str("cancellation_reason");
  Object.assign(pi, { status: "canceled", canceled_at: core.now(), cancellation_reason: reason ?? null });
  core.bus.emit("payment_intent.canceled", pi);
  return pi;
}

const find = (core: SimCore, id: string) =>
  core.get(core.state.paymentIntents, "payment_intent", id, "intent");

export const paymentIntentRoutes: Route[] = [
  { method: "POST", path: "/v1/payment_intents", handler: (core, req) => create(core, req.form) },
  { method: "GET", path: "/v1/payment_intents/:id", handler: (core, req) => find(core, req.params.id) },
  {
    method: "POST",
    path: "/v1/payment_intents/:id",
    handler: (core, req) => update(core, find(core, req.params.id), req.form),
  },
  {
    method: "POST",
    path: "/v1/payment_intents/:id/confirm",
    handler: (core, req) => confirm(core, find(core, req.params.id), req.form),
  },
  {
    method: "POST",
    path: "/v1/payment_intents/:id/cancel",
    handler: (core, req) => cancel(core, find(core, req.params.id), req.form),
  },
  {
    method: "GET",
    path: "/v1/payment_intents",
    handler: (core, req) => {
      const customer = typeof req.form.customer === "string" ? req.form.customer : undefined;
      const items = [...core.state.paymentIntents.values()].filter(
        (pi) => !customer || pi.customer === customer,
      );
      return list(core, items, req.form, "/v1/payment_intents");
    },
  },
];
