import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { invalidRequest } from "../errors";
import { type Form, allowedMethodTypes, optionalObject, reader } from "../form";
import { type SimCheckoutSession, type SimPaymentMethod } from "../state";
import { newSetupIntent, succeedSetup } from "./setup-intents";

const SESSION_TTL_SECONDS = 24 * 3600;

function createSession(core: SimCore, form: Form): SimCheckoutSession {
  const p = reader<Stripe.Checkout.SessionCreateParams>(form);
  const mode = p.required("mode");
  if (mode !== "setup")
    throw invalidRequest(`Le simulateur ne gère que mode=setup pour Checkout (reçu : ${mode}).`, "mode");
  const customer = p.str("customer") ?? null;
  if (customer) core.get(core.state.customers, "customer", customer, "customer");
  const types = allowedMethodTypes(form);
  if (!p.has("allowed_payment_method_types") && !p.str("currency"))
    throw invalidRequest(
      "currency is required in setup mode when allowed_payment_method_types is not set.",
      "currency",
      "parameter_missing",
    );
  const successUrl = p.required("success_url");
  const setupData = optionalObject(p.raw("setup_intent_data"), "setup_intent_data");
  const si = newSetupIntent(core, { customer, types, metadata: metadataOf(setupData?.metadata) });
  const id = core.id("cs_test");
  const session: SimCheckoutSession = {
    id,
    object: "checkout.session",
    created: core.now(),
    mode: "setup",
    status: "open",
    customer,
    setup_intent: si.id,
    payment_method_types: types,
    allowed_payment_method_types: types,
    success_url: successUrl,
    cancel_url: p.str("cancel_url") ?? null,
    url: `${core.baseUrl}/simulateur/checkout/${id}`,
    metadata: p.metadata(),
    expires_at: core.now() + SESSION_TTL_SECONDS,
    livemode: false,
    currency: p.str("currency") ?? null,
    client_reference_id: p.str("client_reference_id") ?? null,
  };
  core.state.checkoutSessions.set(id, session);
  return session;
}

function metadataOf(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(optionalObject(value, "metadata") ?? {}).map(([k, v]) => [k, String(v)]),
  );
}

/** What the hosted page does once the visitor has chosen a test card or IBAN. */
export function completeSetupSession(
  core: SimCore,
  session: SimCheckoutSession,
  pm: SimPaymentMethod,
): SimCheckoutSession {
  if (session.status !== "open")
    throw invalidRequest(
      "Cette session Checkout n’est plus ouverte.",
      undefined,
      "checkout_session_unexpected_state",
    );
  const si = core.get(core.state.setupIntents, "setupintent", String(session.setup_intent));
  succeedSetup(core, si, pm);
  session.status = "complete";
  session.url = null;
  core.bus.emit("checkout.session.completed", session);
  return session;
}

export function expireSession(core: SimCore, session: SimCheckoutSession): SimCheckoutSession {
  if (session.status !== "open")
    throw invalidRequest(
      "Only Checkout Sessions with a status of open can be expired.",
      undefined,
      "checkout_session_unexpected_state",
    );
  session.status = "expired";
  session.url = null;
  core.bus.emit("checkout.session.expired", session);
  return session;
}

const find = (core: SimCore, id: string) =>
  core.get(core.state.checkoutSessions, "checkout.session", id, "session");

export const checkoutRoutes: Route[] = [
  { method: "POST", path: "/v1/checkout/sessions", handler: (core, req) => createSession(core, req.form) },
  {
    method: "GET",
    path: "/v1/checkout/sessions",
    handler: (core, req) =>
      list(core, [...core.state.checkoutSessions.values()], req.form, "/v1/checkout/sessions"),
  },
  { method: "GET", path: "/v1/checkout/sessions/:id", handler: (core, req) => find(core, req.params.id) },
  {
    method: "POST",
    path: "/v1/checkout/sessions/:id/expire",
    handler: (core, req) => expireSession(core, find(core, req.params.id)),
  },
];
