import crypto from "node:crypto";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { startStripeSimulator } from "#tests/setup/stripe-simulator";

// The same payment flows, with the same assertions, against the local simulator (always) and against
// real Stripe test mode when STRIPE_SECRET_KEY is a test key:
//   STRIPE_SECRET_KEY=sk_test_… npx vitest run -c tests/vitest.config.ts tests/contract/stripe.test.ts
// Only what both can do without a browser is compared (hosted pages and webhook delivery are covered
// by tests/integration/stripe-simulator*.test.ts).
function describeStripeContract(name: string, client: () => Stripe) {
  const run = crypto.randomUUID().slice(0, 8);
  const stripe = () => client();
  const caught = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  describe(`Stripe contract — ${name}`, () => {
    it("creates a connected account controlled by the platform, and an onboarding link", async () => {
      const account = await stripe().accounts.create({
        country: "FR",
        email: `contract-${run}@example.test`,
        controller: {
          fees: { payer: "application" },
          losses: { payments: "application" },
          stripe_dashboard: { type: "express" },
        },
        capabilities: { transfers: { requested: true } },
      });
      expect(account.id).toMatch(/^acct_/);
      expect(account.controller).toMatchObject({
        fees: { payer: "application" },
        losses: { payments: "application" },
      });
      expect(account.capabilities?.transfers).not.toBe("active");
      const link = await stripe().accountLinks.create({
        account: account.id,
        type: "account_onboarding",
        refresh_url: "https://permanence.example/compte/paiements/relance",
        return_url: "https://permanence.example/compte/paiements/retour",
      });
      expect(link.url).toMatch(/^https?:\/\//);
      expect(link.expires_at).toBeGreaterThan(link.created);
      // Money cannot go to an account that has not finished onboarding.
      const refused = await caught(
        stripe().transfers.create({ amount: 100, currency: "eur", destination: account.id }),
      );
      expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect((refused as Stripe.errors.StripeError).message).toMatch(/capabilit/);
    });

    it("saves a card and a SEPA mandate for a customer, and opens a setup Checkout Session", async () => {
      const customer = await stripe().customers.create({ email: `compta-${run}@example.test`, name: "ACME" });
      const card = await stripe().paymentMethods.attach("pm_card_visa", { customer: customer.id });
      expect(card).toMatchObject({ type: "card", customer: customer.id, card: { last4: "4242" } });
      const sepa = await saveSepa(stripe(), customer.id, "FR1420041010050500013M02606");
      expect(sepa.status).toBe("succeeded");
      expect(sepa.mandate).toBeTruthy();
      const methods = await stripe().customers.listPaymentMethods(customer.id, { type: "sepa_debit" });
      expect(methods.data.map((m) => m.sepa_debit?.last4)).toEqual(["2606"]);
      const session = await stripe().checkout.sessions.create({
        mode: "setup",
        customer: customer.id,
        currency: "eur",
        allowed_payment_method_types: ["sepa_debit", "card"],
        success_url: "https://permanence.example/compte/facturation?session={CHECKOUT_SESSION_ID}",
        cancel_url: "https://permanence.example/compte/facturation",
      });
      expect(session).toMatchObject({ mode: "setup", status: "open", customer: customer.id });
      expect(session.url).toMatch(/^https?:\/\//);
    });

    it("charges a saved card off session, with a balance transaction carrying Stripe's fee", async () => {
      const { customer, pm } = await cardCustomer(stripe(), "pm_card_visa");
      const pi = await offSession(stripe(), customer, pm, `contract-${run}`);
      expect(pi).toMatchObject({
        status: "succeeded",
        amount_received: 10_000,
        transfer_group: `contract-${run}`,
      });
      const charge = await stripe().charges.retrieve(pi.latest_charge as string, {
        expand: ["balance_transaction"],
      });
      const txn = charge.balance_transaction as Stripe.BalanceTransaction;
      expect(txn.amount).toBe(10_000);
      expect(txn.fee).toBeGreaterThan(0);
      expect(txn.net).toBe(txn.amount - txn.fee);
    });

    it.each([
      ["pm_card_chargeDeclined", "generic_decline"],
      ["pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds"],
    ])("declines %s with a card error (%s)", async (token, declineCode) => {
      const customer = await stripe().customers.create({ email: `decline-${run}@example.test` });
      const error = await caught(offSession(stripe(), customer.id, token, `contract-${run}`));
      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(error).toMatchObject({ statusCode: 402, code: "card_declined", decline_code: declineCode });
    });

    it("leaves a SEPA debit processing", async () => {
      const customer = await stripe().customers.create({ email: `sepa-${run}@example.test` });
      const si = await saveSepa(stripe(), customer.id, "FR1420041010050500013M02606");
      const pi = await offSession(stripe(), customer.id, si.payment_method as string, `contract-${run}`);
      expect(pi.status).toBe("processing");
    });

    it("refunds part of a charge, then refuses to refund more than what is left", async () => {
      const { customer, pm } = await cardCustomer(stripe(), "pm_card_visa");
      const pi = await offSession(stripe(), customer, pm, `contract-${run}`);
      const refund = await stripe().refunds.create({ payment_intent: pi.id, amount: 4_000 });
      expect(refund).toMatchObject({ amount: 4_000, status: "succeeded", charge: pi.latest_charge });
      const tooMuch = await caught(stripe().refunds.create({ payment_intent: pi.id, amount: 7_000 }));
      expect(tooMuch).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError" });
    });

    it("refuses a transfer it cannot make: beyond the available balance, to an account not onboarded", async () => {
      const balance = await stripe().balance.retrieve();
      const available = balance.available.find((b) => b.currency === "eur")?.amount ?? 0;
      const account = (await stripe().accounts.list({ limit: 1 })).data[0]!;
      const error = await caught(
        stripe().transfers.create({
          amount: available + 10_000_000,
          currency: "eur",
          destination: account.id,
        }),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    });

    it("replays idempotent requests and refuses a reused key with other parameters", async () => {
      const key = `contract-${run}-customer`;
      const first = await stripe().customers.create(
        { email: `idem-${run}@example.test` },
        { idempotencyKey: key },
      );
      const again = await stripe().customers.create(
        { email: `idem-${run}@example.test` },
        { idempotencyKey: key },
      );
      expect(again.id).toBe(first.id);
      const error = await caught(
        stripe().customers.create({ email: `other-${run}@example.test` }, { idempotencyKey: key }),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    });

    it("answers missing objects with resource_missing", async () => {
      const error = await caught(stripe().paymentIntents.retrieve("pi_doesnotexist000000"));
      expect(error).toMatchObject({
        statusCode: 404,
        code: "resource_missing",
        type: "StripeInvalidRequestError",
      });
    });

    it("records events for what happened", async () => {
      const { customer, pm } = await cardCustomer(stripe(), "pm_card_visa");
      const pi = await offSession(stripe(), customer, pm, `contract-${run}`);
      const found = await eventually(async () => {
        const events = await stripe().events.list({ type: "payment_intent.succeeded", limit: 20 });
        return events.data.find((e) => (e.data.object as Stripe.PaymentIntent).id === pi.id);
      });
      expect(found?.type).toBe("payment_intent.succeeded");
    });
  });
}

async function cardCustomer(stripe: Stripe, token: string) {
  const customer = await stripe.customers.create({ email: "contract@example.test" });
  const pm = await stripe.paymentMethods.attach(token, { customer: customer.id });
  return { customer: customer.id, pm: pm.id };
}

function saveSepa(stripe: Stripe, customer: string, iban: string) {
  return stripe.paymentMethods
    .create({
      type: "sepa_debit",
      sepa_debit: { iban },
      billing_details: { name: "ACME", email: "compta@example.test" },
    })
    .then((pm) =>
      stripe.setupIntents.create({
        customer,
        payment_method: pm.id,
        confirm: true,
        usage: "off_session",
        allowed_payment_method_types: ["sepa_debit"],
        mandate_data: { customer_acceptance: { type: "offline" } },
      }),
    );
}

function offSession(stripe: Stripe, customer: string, paymentMethod: string, transferGroup: string) {
  return stripe.paymentIntents.create({
    amount: 10_000,
    currency: "eur",
    customer,
    payment_method: paymentMethod,
    off_session: true,
    confirm: true,
    transfer_group: transferGroup,
    allowed_payment_method_types: ["card", "sepa_debit"],
  });
}

/** Stripe writes events asynchronously: poll a few seconds. */
async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const simulator = await startStripeSimulator();
describeStripeContract("simulateur local", () => simulator.stripe);

const key = process.env.STRIPE_SECRET_KEY;
if (key?.startsWith("sk_test_")) {
  const real = new Stripe(key, { maxNetworkRetries: 2 });
  describeStripeContract("Stripe test mode", () => real);
} else {
  // Skipped, not failed: needs a Stripe test-mode key — set STRIPE_SECRET_KEY=sk_test_… (never a live key).
  describe.skip("Stripe contract — Stripe test mode (needs STRIPE_SECRET_KEY=sk_test_…)", () => {
    it("runs the contract against Stripe test mode", () => {});
  });
}
