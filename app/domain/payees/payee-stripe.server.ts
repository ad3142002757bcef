// The payee's side of Stripe Connect: one connected account per payee that only receives
// transfers (Accounts v1 with a `controller`: the platform pays the fees and bears the losses,
// Stripe collects the requirements on its hosted onboarding), and Account Links to that onboarding.
import { getEnv } from "#app/lib/env.server";
import { getStripe } from "#app/lib/stripe.server";
import { stripeBusinessType } from "./payees.policy";
import type { PayeeKind } from "./payees.schema";

export const ONBOARDING_RETURN_PATH = "/compte/paiements/retour";
export const ONBOARDING_REFRESH_PATH = "/compte/paiements/nouveau-lien";

export type ConnectedAccountRequest = { payeeKey: string; kind: PayeeKind; email: string };

/** Same payee, same key: a retry after a crash gets the account created the first time. */
export async function createConnectedAccount(request: ConnectedAccountRequest): Promise<string> {
  const account = await getStripe().accounts.create(
    {
      country: "FR",
      email: request.email,
      business_type: stripeBusinessType(request.kind),
      controller: {
        fees: { payer: "application" },
        losses: { payments: "application" },
        requirement_collection: "stripe",
        stripe_dashboard: { type: "express" },
      },
      capabilities: { transfers: { requested: true } },
      // Lets account.updated find its payee even if our row was never written (see payee-events).
      metadata: { payeeKey: request.payeeKey },
    },
    { idempotencyKey: `payout-account:${request.payeeKey}` },
  );
  return account.id;
}

/**
 * A link to Stripe's hosted onboarding. Links are single-use and expire, so the key carries the
 * row's version (`version`): a retry of this request gets the same link, the next request a new one.
 */
export async function createOnboardingLink(stripeAccountId: string, version: number): Promise<string> {
  const appUrl = getEnv().appUrl;
  const link = await getStripe().accountLinks.create(
    {
      account: stripeAccountId,
      type: "account_onboarding",
      return_url: new URL(ONBOARDING_RETURN_PATH, appUrl).toString(),
      refresh_url: new URL(ONBOARDING_REFRESH_PATH, appUrl).toString(),
    },
    { idempotencyKey: `account-link:${stripeAccountId}:${version}` },
  );
  return link.url;
}
