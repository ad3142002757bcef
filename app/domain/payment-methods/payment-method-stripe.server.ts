// The business's side of Stripe: its Customer, a hosted Checkout Session in setup mode to save a
// SEPA mandate or a card for off-session charges, and reading back what was saved.
import type Stripe from "stripe";
import { getEnv } from "#app/lib/env.server";
import { getStripe } from "#app/lib/stripe.server";

export const SETUP_RETURN_PATH = "/compte/facturation/retour";
export const SETUP_CANCEL_PATH = "/compte/facturation?annule=1";

export async function createCustomer(input: { organizationId: string; name: string; email: string }) {
  const customer = await getStripe().customers.create(
    { name: input.name, email: input.email, metadata: { organizationId: input.organizationId } },
    { idempotencyKey: `customer:${input.organizationId}` },
  );
  return customer.id;
}

/** `version` changes after each session created: a retry gets the same session, a new click a new one. */
export async function createSetupSession(input: {
  organizationId: string;
  customerId: string;
  version: number;
}): Promise<string> {
  const appUrl = getEnv().appUrl;
  const metadata = { organizationId: input.organizationId };
  const session = await getStripe().checkout.sessions.create(
    {
      mode: "setup",
      customer: input.customerId,
      currency: "eur",
      // This API version's name for the list (payment_method_types before it).
      allowed_payment_method_types: ["sepa_debit", "card"],
      // Stripe replaces the placeholder with the session id on the way back.
      success_url: `${new URL(SETUP_RETURN_PATH, appUrl).toString()}?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: new URL(SETUP_CANCEL_PATH, appUrl).toString(),
      metadata,
      setup_intent_data: { metadata },
    },
    { idempotencyKey: `setup-session:${input.organizationId}:${input.version}` },
  );
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);
  return session.url;
}

export async function retrieveCheckoutSession(id: string): Promise<Stripe.Checkout.Session> {
  return getStripe().checkout.sessions.retrieve(id);
}

export async function retrieveSetupIntent(id: string): Promise<Stripe.SetupIntent> {
  return getStripe().setupIntents.retrieve(id);
}

export async function retrievePaymentMethod(id: string): Promise<Stripe.PaymentMethod> {
  return getStripe().paymentMethods.retrieve(id);
}

/** Off-session charges use the customer's default; one key per (customer, method). */
export async function setDefaultPaymentMethod(customerId: string, paymentMethodId: string) {
  await getStripe().customers.update(
    customerId,
    { invoice_settings: { default_payment_method: paymentMethodId } },
    { idempotencyKey: `default-payment-method:${customerId}:${paymentMethodId}` },
  );
}

export async function detachPaymentMethod(paymentMethodId: string) {
  await getStripe().paymentMethods.detach(
    paymentMethodId,
    {},
    { idempotencyKey: `detach:${paymentMethodId}` },
  );
}

/** The ids of the methods attached to the customer (a business has one or two). */
export async function listCustomerPaymentMethods(customerId: string): Promise<string[]> {
  const page = await getStripe().paymentMethods.list({ customer: customerId, limit: 100 });
  return page.data.map((method) => method.id);
}
