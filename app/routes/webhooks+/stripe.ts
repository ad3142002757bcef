// POST /webhooks/stripe — the platform endpoint (payments, charges, Checkout). Verified on the raw
// body with STRIPE_WEBHOOK_SECRET; no session and no CSRF token (Stripe signs instead).
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveStripeWebhook } from "#app/domain/payments/stripe-webhooks.server";

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "Méthode non autorisée" }, { status: 405 });
  const result = await receiveStripeWebhook({
    rawBody: await request.text(),
    signature: request.headers.get("stripe-signature"),
    endpoint: "platform",
  });
  return Response.json(result.body, { status: result.status });
}

export const loader = () => Response.json({ error: "Méthode non autorisée" }, { status: 405 });
