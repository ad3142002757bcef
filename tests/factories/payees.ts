// Payees and payment methods in tests: rows for other suites, and the browser's side of Stripe's
// hosted pages (the simulator's onboarding and Checkout forms) plus webhook delivery to the real
// webhook routes.
import { db } from "#app/lib/db.server";
import * as connectWebhook from "#app/routes/webhooks+/stripe-connect";
import * as platformWebhook from "#app/routes/webhooks+/stripe";
import type { StripeSimulatorHandle } from "#tests/setup/stripe-simulator";
import { runRoute } from "#tests/setup/route-result";

/**
 * A payout account row as account.updated would leave it (for suites that need a ready payee).
 * `agencyPayoutMode` is written on the agency (Organization.payoutMode), as the page does.
 */
export async function createPayoutAccount(input: {
  userId?: string;
  organizationId?: string;
  stripeAccountId: string;
  ready?: boolean;
  agencyPayoutMode?: "AGENCY" | "MEMBERS";
}) {
  if (input.organizationId && input.agencyPayoutMode) {
    await setAgencyPayoutMode(input.organizationId, input.agencyPayoutMode);
  }
  return db.payoutAccount.create({
    data: {
      userId: input.userId,
      organizationId: input.organizationId,
      stripeAccountId: input.stripeAccountId,
      transfersActive: input.ready ?? true,
      detailsSubmitted: input.ready ?? true,
      stateAsOf: new Date(),
    },
  });
}

/** An agency's payout mode, without any Stripe account (MEMBERS needs none for the agency). */
export async function setAgencyPayoutMode(organizationId: string, mode: "AGENCY" | "MEMBERS") {
  await db.organization.update({ where: { id: organizationId }, data: { payoutMode: mode } });
}

/** Sends the simulator's webhooks to the real /webhooks/stripe and /webhooks/stripe-connect actions. */
export function deliverToWebhookRoutes(stripe: StripeSimulatorHandle) {
  stripe.deliverTo(async (rawBody, signature, endpoint) => {
    const route = endpoint === "connect" ? connectWebhook : platformWebhook;
    const path = endpoint === "connect" ? "/webhooks/stripe-connect" : "/webhooks/stripe";
    const request = new Request(new URL(path, "http://localhost:3000"), {
      method: "POST",
      body: rawBody,
      headers: { "content-type": "application/json", "stripe-signature": signature },
    });
    const result = await runRoute(route.action, request);
    return new Response(JSON.stringify(result.data), { status: result.status });
  });
}

/** What the browser does on a hosted page: GET it, or POST its form; the redirect it gets, if any. */
export async function visitHostedPage(url: string, form?: Record<string, string>) {
  const response = await fetch(url, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    ...(form
      ? { body: new URLSearchParams(form), headers: { "content-type": "application/x-www-form-urlencoded" } }
      : {}),
  });
  const body = await response.text();
  return { status: response.status, location: response.headers.get("location"), body };
}

/** "http://localhost:3000/compte/paiements/retour?x=1" → "/compte/paiements/retour?x=1". */
export function appPath(location: string | null): string {
  if (!location) throw new Error("No redirect");
  const url = new URL(location, "http://localhost:3000");
  return `${url.pathname}${url.search}`;
}
