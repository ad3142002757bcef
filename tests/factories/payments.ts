// Payments written straight to the database, Stripe events signed like Stripe signs them, and the
// webhook routes called with a real Request — for the webhook and ledger tests.
import crypto from "node:crypto";
import Stripe from "stripe";
import { findImbalances } from "#app/domain/payments/ledger.repo.server";
import { db } from "#app/lib/db.server";
import { getStripe, stripeWebhookSecret, connectStripeSimulator } from "#app/lib/stripe.server";
import { action as platformAction } from "#app/routes/webhooks+/stripe";
import { action as connectAction } from "#app/routes/webhooks+/stripe-connect";
import { runRoute } from "#tests/setup/route-result";
import type { StripeSimulatorHandle } from "#tests/setup/stripe-simulator";

export const PLATFORM_SECRET = "whsec_test_platform_secret";
export const CONNECT_SECRET = "whsec_test_connect_secret";

/** For tests that sign their own events without a simulator: these secrets verify them. */
export function signWithTestSecrets() {
  connectStripeSimulator({
    url: "http://127.0.0.1:9",
    webhookSecrets: { platform: PLATFORM_SECRET, connect: CONNECT_SECRET },
  });
}

export type EventSpec = { id?: string; created?: Date; account?: string };

/** A Stripe event as JSON text with its `Stripe-Signature` header. */
export function signedEvent(type: string, object: Record<string, unknown>, spec: EventSpec = {}) {
  const endpoint = spec.account ? "connect" : "platform";
  const event = {
    id: spec.id ?? `evt_${crypto.randomUUID().replace(/-/g, "").slice(0, 24)}`,
    object: "event",
    type,
    api_version: "2025-01-01",
    created: Math.floor((spec.created ?? new Date()).getTime() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    ...(spec.account ? { account: spec.account } : {}),
    data: { object },
  };
  const rawBody = JSON.stringify(event);
  const secret = stripeWebhookSecret(endpoint);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret });
  return { rawBody, signature, endpoint, id: event.id } as const;
}

/** POSTs a raw body to /webhooks/stripe or /webhooks/stripe-connect through the real route. */
export function postWebhook(endpoint: "platform" | "connect", rawBody: string, signature: string | null) {
  const path = endpoint === "platform" ? "/webhooks/stripe" : "/webhooks/stripe-connect";
  const request = new Request(new URL(path, "http://localhost:3000"), {
    method: "POST",
    body: rawBody,
    headers: { "Content-Type": "application/json", ...(signature ? { "Stripe-Signature": signature } : {}) },
  });
  return runRoute(endpoint === "platform" ? platformAction : connectAction, request);
}

export const deliver = (e: ReturnType<typeof signedEvent>) => postWebhook(e.endpoint, e.rawBody, e.signature);

/** A payment row in any state, with one payout per share. */
export async function createPayment(spec: {
  contractId: string;
  kind?: "PERIOD" | "MILESTONE";
  periodMonth?: string;
  milestoneId?: string;
  status?: string;
  amountCents: number;
  feeCents: number;
  stripePaymentIntentId?: string;
  stripeChargeId?: string;
  shares?: { payeeKey: string; payeeUserId: string; workAmountCents: number; feeCents: number }[];
}) {
  return db.payment.create({
    data: {
      contractId: spec.contractId,
      kind: spec.kind ?? "PERIOD",
      periodMonth: spec.kind === "MILESTONE" ? null : (spec.periodMonth ?? "2026-10"),
      milestoneId: spec.milestoneId,
      workAmountCents: spec.amountCents,
      amountCents: spec.amountCents,
      feeCents: spec.feeCents,
      status: spec.status ?? "PENDING",
      stripePaymentIntentId: spec.stripePaymentIntentId,
      stripeChargeId: spec.stripeChargeId,
      payouts: {
        create: (spec.shares ?? []).map((s) => ({
          payeeKey: s.payeeKey,
          payeeUserId: s.payeeUserId,
          workAmountCents: s.workAmountCents,
          feeCents: s.feeCents,
          amountCents: s.workAmountCents - s.feeCents,
        })),
      },
    },
    select: { id: true },
  });
}

export const paymentRow = (id: string) =>
  db.payment.findUniqueOrThrow({
    where: { id },
    include: { payouts: { orderBy: { payeeKey: "asc" } } },
  });

export async function expectLedgerBalanced(contractId?: string) {
  const imbalances = await findImbalances(db, contractId);
  if (imbalances.length > 0) throw new Error(`Ledger out of balance: ${JSON.stringify(imbalances)}`);
}

export const ledgerOf = (contractId: string) =>
  db.ledgerEntry.findMany({ where: { contractId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

/** A PaymentIntent object as Stripe sends it in payment_intent.* events. */
export function intentObject(spec: {
  id: string;
  paymentId: string;
  amount: number;
  status: string;
  charge?: string | null;
  error?: string;
}) {
  return {
    id: spec.id,
    object: "payment_intent",
    amount: spec.amount,
    currency: "eur",
    status: spec.status,
    metadata: { paymentId: spec.paymentId },
    latest_charge: spec.charge ?? null,
    last_payment_error: spec.error ? { message: spec.error, code: "insufficient_funds" } : null,
  };
}

// ─── With the simulator ─────────────────────────────────────────────────────────────────────────

/** A connected account onboarded in the simulator and its PayoutAccount row (ready unless told). */
export async function simulatedPayee(
  h: StripeSimulatorHandle,
  owner: { userId: string } | { organizationId: string },
  ready = true,
) {
  const account = await getStripe().accounts.create({
    country: "FR",
    controller: {
      fees: { payer: "application" },
      losses: { payments: "application" },
      stripe_dashboard: { type: "express" },
    },
    capabilities: { transfers: { requested: true } },
  });
  if (ready) h.sim.completeOnboarding(account.id);
  await db.payoutAccount.create({
    data: { ...owner, stripeAccountId: account.id, transfersActive: ready, detailsSubmitted: ready },
  });
  return account.id;
}

/** The business's Stripe customer with a saved method (a pm_card_* token or a test IBAN), as the billing page leaves it. */
export async function simulatedBillingAccount(
  organizationId: string,
  method: { card: string } | { iban: string },
) {
  const stripe = getStripe();
  const customer = await stripe.customers.create({
    email: "compta@exemple.fr",
    metadata: { organizationId },
  });
  const created =
    "iban" in method
      ? await stripe.paymentMethods.create({
          type: "sepa_debit",
          sepa_debit: { iban: method.iban },
          billing_details: { name: "Cabinet Martin", email: "compta@exemple.fr" },
        })
      : { id: method.card };
  const pm = await stripe.paymentMethods.attach(created.id, { customer: customer.id });
  const data = {
    paymentMethodId: pm.id,
    paymentMethodType: "iban" in method ? "sepa_debit" : "card",
    paymentFailedAt: null,
  };
  await db.billingAccount.upsert({
    where: { organizationId },
    create: { organizationId, stripeCustomerId: customer.id, ...data },
    update: { stripeCustomerId: customer.id, ...data },
  });
  return { customerId: customer.id, paymentMethodId: pm.id };
}

/** A new method saved after a failure, as recordSetupIntent leaves the row (failure flag cleared). */
export async function replaceMethod(organizationId: string, method: { card: string } | { iban: string }) {
  const billing = await db.billingAccount.findUniqueOrThrow({ where: { organizationId } });
  const stripe = getStripe();
  const created =
    "iban" in method
      ? await stripe.paymentMethods.create({
          type: "sepa_debit",
          sepa_debit: { iban: method.iban },
          billing_details: { name: "Cabinet Martin", email: "compta@exemple.fr" },
        })
      : { id: method.card };
  const pm = await stripe.paymentMethods.attach(created.id, { customer: billing.stripeCustomerId });
  await db.billingAccount.update({
    where: { organizationId },
    data: {
      paymentMethodId: pm.id,
      paymentMethodType: "iban" in method ? "sepa_debit" : "card",
      paymentFailedAt: null,
    },
  });
  return pm.id;
}

/** Each account's total over some entries, zero totals left out. */
export function accountTotals(entries: { account: string; amountCents: number }[]) {
  const totals: Record<string, number> = {};
  for (const e of entries) totals[e.account] = (totals[e.account] ?? 0) + e.amountCents;
  return Object.fromEntries(Object.entries(totals).filter(([, v]) => v !== 0));
}
