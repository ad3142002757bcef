// The two webhook endpoints' use case: verify the signature on the raw body, then in ONE
// transaction record the event by id and apply its effect. A duplicate finds its id already
// there and does nothing; two deliveries racing lose on the primary key and roll back whole.
// Transfers and e-mails wait for the commit.
import Stripe from "stripe";
import { db, isUniqueConstraintError, type Tx } from "#app/lib/db.server";
import { sendMail } from "#app/lib/mail.server";
import { stripeWebhookSecret, type StripeEndpoint as WebhookEndpoint } from "#app/lib/stripe.server";
import { logger } from "#app/server/logger";
import { newAfterCommit, paymentEventHandlers, type AfterCommit } from "./payment-events.server";
import { releasePayment } from "./payment-release.server";
import { externalEventHandlers } from "./webhook-dispatch.server";

export type WebhookResult = {
  status: 200 | 400;
  body: { received: boolean; duplicate?: boolean; error?: string };
};

type EventHandler = (tx: Tx, event: Stripe.Event, after: AfterCommit) => Promise<unknown>;

function handlerFor(type: string): EventHandler | undefined {
  return paymentEventHandlers[type] ?? externalEventHandlers[type];
}

function verify(rawBody: string, signature: string | null, endpoint: WebhookEndpoint): Stripe.Event | null {
  if (!signature) return null;
  const secret = stripeWebhookSecret(endpoint); // a missing secret is our configuration error: 500
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return null;
  }
}

/** Records the event and applies it; false when it had already been received. */
async function applyOnce(
  event: Stripe.Event,
  endpoint: WebhookEndpoint,
  after: AfterCommit,
): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const seen = await tx.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } });
      if (seen) return false;
      await tx.stripeEvent.create({
        data: {
          id: event.id,
          type: event.type,
          endpoint,
          account: event.account ?? null,
          createdAt: new Date(event.created * 1000),
        },
      });
      await handlerFor(event.type)?.(tx, event, after);
      return true;
    });
  } catch (error) {
    if (isUniqueConstraintError(error)) return false;
    throw error;
  }
}

export async function receiveStripeWebhook(input: {
  rawBody: string;
  signature: string | null;
  endpoint: WebhookEndpoint;
}): Promise<WebhookResult> {
  const event = verify(input.rawBody, input.signature, input.endpoint);
  if (!event) return { status: 400, body: { received: false, error: "Signature invalide" } };
  const after = newAfterCommit();
  const applied = await applyOnce(event, input.endpoint, after);
  if (!applied) return { status: 200, body: { received: true, duplicate: true } };
  await runAfterCommit(after);
  return { status: 200, body: { received: true } };
}

/** Best effort: a transfer that fails here is retried by the payments job; the event is recorded. */
async function runAfterCommit(after: AfterCommit) {
  for (const mail of after.mails) {
    await sendMail(mail).catch((error: unknown) =>
      logger.error({ err: error }, "e-mail de paiement non envoyé"),
    );
  }
  for (const paymentId of after.releasePaymentIds) {
    await releasePayment(paymentId).catch((error: unknown) =>
      logger.warn({ err: error, paymentId }, "virements différés : nouvel essai par le worker"),
    );
  }
}
