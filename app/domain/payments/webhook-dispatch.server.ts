// Webhook events whose effect belongs to another domain: their handlers take (tx, event) and run
// in the transaction that records the event.
import type Stripe from "stripe";
import { applyAccountUpdated } from "#app/domain/payees/payee-events.server";
import {
  applyCheckoutSessionCompleted,
  applySetupIntentSucceeded,
} from "#app/domain/payment-methods/payment-method-events.server";
import type { Tx } from "#app/lib/db.server";

type ExternalHandler = (tx: Tx, event: Stripe.Event) => Promise<unknown>;

export const externalEventHandlers: Partial<Record<string, ExternalHandler>> = {
  "account.updated": applyAccountUpdated,
  "checkout.session.completed": applyCheckoutSessionCompleted,
  "setup_intent.succeeded": applySetupIntentSucceeded,
};
