// Use cases of /compte/facturation: one Stripe Customer per business, a SEPA mandate or a card
// saved for off-session charges through Stripe's hosted Checkout (setup mode), shown and replaceable.
import { callStripe } from "#app/domain/payees/stripe-call.server";
import { db } from "#app/lib/db.server";
import { forbidden, notFound } from "#app/lib/domain-error";
import { recordSetupIntent, type SetupOutcome } from "./payment-method-record.server";
import {
  createCustomer,
  createSetupSession,
  retrieveCheckoutSession,
  retrieveSetupIntent,
} from "./payment-method-stripe.server";
import * as repo from "./payment-methods.repo.server";
import type { BillingPageDto, PaymentMethodType } from "./payment-methods.schema";

export const NOT_A_BUSINESS_MEMBER_MESSAGE =
  "La facturation est réservée aux membres d’une entreprise cliente.";

async function requireBusiness(actorId: string) {
  const business = await repo.findBusinessOf(actorId);
  if (!business) throw forbidden(NOT_A_BUSINESS_MEMBER_MESSAGE);
  return business;
}

const isMethodType = (value: string | null): value is PaymentMethodType =>
  value === "sepa_debit" || value === "card";

export async function getBillingPage({ actorId }: { actorId: string }): Promise<BillingPageDto> {
  const business = await requireBusiness(actorId);
  const billing = await repo.findBillingAccount(business.id);
  const type = billing?.paymentMethodType ?? null;
  return {
    organizationName: business.name,
    method:
      billing?.paymentMethodLabel && isMethodType(type) ? { type, label: billing.paymentMethodLabel } : null,
    paymentFailed: !!billing?.paymentFailedAt,
  };
}

async function ensureBillingAccount(
  actorId: string,
  business: { id: string; name: string; legalName: string | null },
) {
  const existing = await repo.findBillingAccount(business.id);
  if (existing) return existing;
  const contact = await repo.findUserContact(actorId);
  const customerId = await callStripe(() =>
    createCustomer({
      organizationId: business.id,
      name: business.legalName ?? business.name,
      email: contact?.email ?? "",
    }),
  );
  return repo.upsertBillingAccount(business.id, customerId);
}

/** "Enregistrer un moyen de paiement" / "Remplacer": the URL of Stripe's hosted setup page. */
export async function startPaymentMethodSetup({ actorId }: { actorId: string }): Promise<{ url: string }> {
  const business = await requireBusiness(actorId);
  const billing = await ensureBillingAccount(actorId, business);
  const url = await callStripe(() =>
    createSetupSession({
      organizationId: business.id,
      customerId: billing.stripeCustomerId,
      version: billing.updatedAt.getTime(),
    }),
  );
  await repo.bumpBillingVersion(billing.id, billing.updatedAt);
  return { url };
}

/**
 * Checkout's success URL. The session must belong to this business's customer (a session id
 * from another business is "not found"); the method is recorded at once, the webhook finds it saved.
 */
export async function completePaymentMethodSetup({
  actorId,
  sessionId,
}: {
  actorId: string;
  sessionId: string;
}): Promise<SetupOutcome> {
  const business = await requireBusiness(actorId);
  const billing = await repo.findBillingAccount(business.id);
  const session = billing
    ? await callStripe(() => retrieveCheckoutSession(sessionId)).catch(() => null)
    : null;
  const customerId = typeof session?.customer === "string" ? session.customer : session?.customer?.id;
  if (!billing || !session || session.mode !== "setup" || customerId !== billing.stripeCustomerId) {
    throw notFound("Cette session d’enregistrement");
  }
  const setupIntentId =
    typeof session.setup_intent === "string" ? session.setup_intent : session.setup_intent?.id;
  if (session.status !== "complete" || !setupIntentId) return { saved: false, reason: "NOT_SUCCEEDED" };
  return callStripe(async () => recordSetupIntent(db, billing, await retrieveSetupIntent(setupIntentId)));
}
