// Recording the method a SetupIntent saved, from the Checkout return page or from a webhook:
// whichever comes first records it, the other finds it already saved.
import type Stripe from "stripe";
import type { Tx } from "#app/lib/db.server";
import { logger } from "#app/server/logger";
import {
  detachPaymentMethod,
  listCustomerPaymentMethods,
  retrievePaymentMethod,
  setDefaultPaymentMethod,
} from "./payment-method-stripe.server";
import * as repo from "./payment-methods.repo.server";
import { paymentMethodLabel } from "./payment-methods.schema";

export type SetupOutcome =
  | { saved: true; label: string }
  | { saved: false; reason: "NOT_SUCCEEDED" | "OTHER_CUSTOMER" | "ALREADY_SAVED" | "STALE" };

type SetupIntentLike = Pick<Stripe.SetupIntent, "id" | "status" | "payment_method" | "customer">;

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

/**
 * A late event for a method the business has since replaced must not bring the old one back: a
 * replaced method is detached from the customer, and the method created last wins.
 */
async function isStale(billing: repo.BillingAccountRow, method: Stripe.PaymentMethod) {
  if (idOf(method.customer) !== billing.stripeCustomerId) return true;
  if (!billing.paymentMethodId) return false;
  const current = await retrievePaymentMethod(billing.paymentMethodId).catch(() => null);
  return current !== null && current.created > method.created;
}

/**
 * The customer keeps one usable method, the one just saved: every other attached method (the
 * replaced one, or one saved on a page the business left open) is detached at Stripe, so its late
 * events find it detached and are ignored.
 */
async function detachOthers(customerId: string, keepId: string) {
  const attached = await listCustomerPaymentMethods(customerId);
  for (const id of attached.filter((other) => other !== keepId)) {
    await detachPaymentMethod(id).catch((error: unknown) => {
      // Already detached (a retry) or gone: nothing to undo, the new method is recorded.
      logger.warn(
        { paymentMethodId: id, error: String(error) },
        "Could not detach a replaced payment method",
      );
    });
  }
}

export async function recordSetupIntent(
  client: Tx,
  billing: repo.BillingAccountRow,
  setupIntent: SetupIntentLike,
): Promise<SetupOutcome> {
  const paymentMethodId = idOf(setupIntent.payment_method);
  if (setupIntent.status !== "succeeded" || !paymentMethodId)
    return { saved: false, reason: "NOT_SUCCEEDED" };
  if (idOf(setupIntent.customer) !== billing.stripeCustomerId)
    return { saved: false, reason: "OTHER_CUSTOMER" };
  if (billing.paymentMethodId === paymentMethodId) return { saved: false, reason: "ALREADY_SAVED" };
  const method = await retrievePaymentMethod(paymentMethodId);
  if (await isStale(billing, method)) return { saved: false, reason: "STALE" };
  await setDefaultPaymentMethod(billing.stripeCustomerId, paymentMethodId);
  const label = paymentMethodLabel(method);
  await repo.recordPaymentMethod(client, billing.id, {
    paymentMethodId,
    paymentMethodType: method.type,
    paymentMethodLabel: label,
  });
  await detachOthers(billing.stripeCustomerId, paymentMethodId);
  return { saved: true, label };
}
