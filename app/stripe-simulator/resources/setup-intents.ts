import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { invalidRequest } from "../errors";
import { type Form, type SimMethodType, allowedMethodTypes, reader } from "../form";
import { type SimPaymentMethod, type SimSetupIntent } from "../state";
import { attach, resolvePaymentMethod } from "./payment-methods";

export function newSetupIntent(
  core: SimCore,
  fields: { customer: string | null; types: SimMethodType[]; metadata: Record<string, string> },
): SimSetupIntent {
  const id = core.id("seti");
  const si: SimSetupIntent = {
    id,
    object: "setup_intent",
    created: core.now(),
    customer: fields.customer,
    status: "requires_payment_method",
    payment_method: null,
    payment_method_types: fields.types,
    allowed_payment_method_types: fields.types,
    usage: "off_session",
    metadata: fields.metadata,
    mandate: null,
    last_setup_error: null,
    livemode: false,
    client_secret: `${id}_secret_${core.id("s").slice(2)}`,
  };
  core.state.setupIntents.set(si.id, si);
  core.bus.emit("setup_intent.created", si);
  return si;
}

function createSetupIntent(core: SimCore, form: Form): SimSetupIntent {
  const p = reader<Stripe.SetupIntentCreateParams>(form);
  const customer = p.str("customer") ?? null;
  if (customer) core.get(core.state.customers, "customer", customer, "customer");
  const si = newSetupIntent(core, { customer, types: allowedMethodTypes(form), metadata: p.metadata() });
  const pm = p.str("payment_method");
  if (pm) {
    si.payment_method = resolvePaymentMethod(core, pm).id;
    si.status = "requires_confirmation";
  }
  if (p.bool("confirm")) return confirm(core, si, undefined);
  return si;
}

function confirm(core: SimCore, si: SimSetupIntent, pmId: string | undefined): SimSetupIntent {
  if (si.status === "succeeded" || si.status === "canceled") {
    throw invalidRequest(
      `You cannot confirm this SetupIntent because it has a status of ${si.status}.`,
      undefined,
      "setup_intent_unexpected_state",
    );
  }
  const id = pmId ?? (typeof si.payment_method === "string" ? si.payment_method : null);
  if (!id)
    throw invalidRequest(
      "You cannot confirm this SetupIntent because it's missing a payment method.",
      "payment_method",
      "setup_intent_unexpected_state",
    );
  return succeedSetup(core, si, resolvePaymentMethod(core, id));
}

/**
 * Setup always succeeds for Stripe's test cards and IBANs here — even for the cards that decline
 * payments — so that off-session declines can be exercised after a real saving flow (Stripe itself
 * refuses 4000000000000002 at setup; its equivalent for this is 4000000000000341).
 */
export function succeedSetup(core: SimCore, si: SimSetupIntent, pm: SimPaymentMethod): SimSetupIntent {
  if (!si.payment_method_types.includes(pm.type)) {
    throw invalidRequest(
      `The payment method type ${pm.type} is not allowed on this SetupIntent.`,
      "payment_method",
      "payment_method_invalid_parameter",
    );
  }
  if (typeof si.customer === "string") attach(core, pm, si.customer);
  si.payment_method = pm.id;
  si.status = "succeeded";
  if (pm.type === "sepa_debit") si.mandate = core.id("mandate");
  core.bus.emit("setup_intent.succeeded", si);
  return si;
}

function cancel(core: SimCore, si: SimSetupIntent): SimSetupIntent {
  if (si.status === "succeeded")
    throw invalidRequest(
      "You cannot cancel this SetupIntent because it has a status of succeeded.",
      undefined,
      "setup_intent_unexpected_state",
    );
  si.status = "canceled";
  core.bus.emit("setup_intent.canceled", si);
  return si;
}

const find = (core: SimCore, id: string) => core.get(core.state.setupIntents, "setupintent", id, "intent");

export const setupIntentRoutes: Route[] = [
  { method: "POST", path: "/v1/setup_intents", handler: (core, req) => createSetupIntent(core, req.form) },
  { method: "GET", path: "/v1/setup_intents/:id", handler: (core, req) => find(core, req.params.id) },
  {
    method: "GET",
    path: "/v1/setup_intents",
    handler: (core, req) => list(core, [...core.state.setupIntents.values()], req.form, "/v1/setup_intents"),
  },
  {
    method: "POST",
    path: "/v1/setup_intents/:id/confirm",
    handler: (core, req) =>
      confirm(
        core,
        find(core, req.params.id),
        reader<Stripe.SetupIntentConfirmParams>(req.form).str("payment_method"),
      ),
  },
  {
    method: "POST",
    path: "/v1/setup_intents/:id/cancel",
    handler: (core, req) => cancel(core, find(core, req.params.id)),
  },
];
