// Webhook handlers for the platform endpoint, called by the payments webhook route inside the
// transaction that records the StripeEvent. Both are idempotent and order-safe: a method already
// saved is left alone, and one older than the current method never replaces it.
import type Stripe from "stripe";
import { z } from "zod";
import type { Tx } from "#app/lib/db.server";
import { recordSetupIntent, type SetupOutcome } from "./payment-method-record.server";
import { retrieveSetupIntent } from "./payment-method-stripe.server";
import * as repo from "./payment-methods.repo.server";

export type PaymentMethodEventOutcome =
  SetupOutcome | { saved: false; reason: "IGNORED_EVENT" | "NOT_SETUP_MODE" | "UNKNOWN_CUSTOMER" };

const expandable = z.union([z.string(), z.object({ id: z.string() }).passthrough()]).nullish();
const idOf = (value: z.infer<typeof expandable>) => (typeof value === "string" ? value : (value?.id ?? null));

const sessionSchema = z.object({
  id: z.string(),
  mode: z.string(),
  status: z.string().nullish(),
  customer: expandable,
  setup_intent: expandable,
});

/** checkout.session.completed of a setup-mode session: the saved method becomes the default. */
export async function applyCheckoutSessionCompleted(
  tx: Tx,
  event: Stripe.Event,
): Promise<PaymentMethodEventOutcome> {
  if (event.type !== "checkout.session.completed") return { saved: false, reason: "IGNORED_EVENT" };
  const session = sessionSchema.parse(event.data.object);
  if (session.mode !== "setup") return { saved: false, reason: "NOT_SETUP_MODE" };
  const customerId = idOf(session.customer);
  const billing = customerId ? await repo.findBillingAccountByCustomer(customerId, tx) : null;
  const setupIntentId = idOf(session.setup_intent);
  if (!billing || !setupIntentId) return { saved: false, reason: "UNKNOWN_CUSTOMER" };
  return recordSetupIntent(tx, billing, await retrieveSetupIntent(setupIntentId));
}

const setupIntentSchema = z.object({
  id: z.string(),
  status: z.string(),
  customer: expandable,
  payment_method: expandable,
});

/** setup_intent.succeeded: the same record, for a session whose completion event went missing. */
export async function applySetupIntentSucceeded(
  tx: Tx,
  event: Stripe.Event,
): Promise<PaymentMethodEventOutcome> {
  if (event.type !== "setup_intent.succeeded") return { saved: false, reason: "IGNORED_EVENT" };
  const intent = setupIntentSchema.parse(event.data.object);
  const customerId = idOf(intent.customer);
  const billing = customerId ? await repo.findBillingAccountByCustomer(customerId, tx) : null;
  if (!billing) return { saved: false, reason: "UNKNOWN_CUSTOMER" };
  return recordSetupIntent(tx, billing, {
    id: intent.id,
    status: "succeeded",
    customer: customerId,
    payment_method: idOf(intent.payment_method),
  });
}
