// For payments: what to charge a business with, and the failure flag that stops charges until a
// new method is saved (saving one clears it — recordPaymentMethod — so a FAILED charge whose
// business is chargeable again may be retried).
import type { Tx } from "#app/lib/db.server";
import * as repo from "./payment-methods.repo.server";

export type ChargeableMethod = {
  stripeCustomerId: string;
  paymentMethodId: string;
  type: string; // sepa_debit | card
  /** When the method was last saved or changed (a retry after a failure compares against it). */
  updatedAt: Date;
};

/** null when the business has no saved method, or its last debit failed and no new one was saved. */
export async function findChargeableMethod(tx: Tx, organizationId: string): Promise<ChargeableMethod | null> {
  const billing = await repo.findBillingAccount(organizationId, tx);
  if (!billing?.paymentMethodId || billing.paymentFailedAt) return null;
  return {
    stripeCustomerId: billing.stripeCustomerId,
    paymentMethodId: billing.paymentMethodId,
    type: billing.paymentMethodType ?? "card",
    updatedAt: billing.updatedAt,
  };
}

/** A debit failed: the billing page asks for a new method, charges wait for it. */
export async function markPaymentMethodFailed(tx: Tx, organizationId: string, at: Date): Promise<void> {
  await repo.markPaymentFailed(tx, organizationId, at);
}
