import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getStripe, stripeWebhookSecret } from "#app/lib/stripe.server";
import { startStripeSimulator } from "#tests/setup/stripe-simulator";

const handle = await startStripeSimulator();
const received: Stripe.Event[] = [];
handle.deliverTo(async (rawBody, signature, endpoint) => {
  received.push(Stripe.webhooks.constructEvent(rawBody, signature, stripeWebhookSecret(endpoint)));
});
const stripe = () => getStripe();

async function payee() {
  const account = await stripe().accounts.create({
    country: "FR",
    controller: {
      fees: { payer: "application" },
      losses: { payments: "application" },
      stripe_dashboard: { type: "express" },
    },
    capabilities: { transfers: { requested: true } },
  });
  handle.sim.completeOnboarding(account.id);
  return account;
}

async function customerWith(paymentMethod: string) {
  const customer = await stripe().customers.create({ email: "compta@example.test" });
  const pm = await stripe().paymentMethods.attach(paymentMethod, { customer: customer.id });
  return { customer, pm };
}

async function sepaCustomer(iban: string) {
  const customer = await stripe().customers.create({ email: "compta@example.test" });
  const pm = await stripe().paymentMethods.create({
    type: "sepa_debit",
    sepa_debit: { iban },
    billing_details: { name: "ACME", email: "compta@example.test" },
  });
  await stripe().paymentMethods.attach(pm.id, { customer: customer.id });
  return { customer, pm };
}

function charge(customer: string, payment_method: string, amount = 10_000, transfer_group = "contract-1") {
  return stripe().paymentIntents.create({
    amount,
    currency: "eur",
    customer,
    payment_method,
    off_session: true,
    confirm: true,
    transfer_group,
    allowed_payment_method_types: ["card", "sepa_debit"],
  });
}

describe("payments in the simulator", () => {
  it("charges a saved card off session, with a balance transaction and the transfer group", async () => {
    const { customer, pm } = await customerWith("pm_card_visa");
    const pi = await charge(customer.id, pm.id);
    expect(pi.status).toBe("succeeded");
    const ch = await stripe().charges.retrieve(pi.latest_charge as string, {
      expand: ["balance_transaction"],
    });
    expect(ch.transfer_group).toBe("contract-1");
    const txn = ch.balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({ amount: 10_000, fee: 175, net: 9_825, status: "pending" });
    await handle.flush();
    expect(received.map((e) => e.type)).toEqual(
      expect.arrayContaining(["charge.succeeded", "payment_intent.succeeded"]),
    );
  });

  it.each([
    ["pm_card_chargeDeclined", "generic_decline"],
    ["pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds"],
  ])("declines %s with a card_error (%s) and leaves the intent to retry", async (token, declineCode) => {
    const { customer, pm } = await customerWith(token);
    const error = await charge(customer.id, pm.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: "card_declined", decline_code: declineCode });
    const pi = (error as Stripe.errors.StripeCardError).payment_intent!;
    expect((await stripe().paymentIntents.retrieve(pi.id)).status).toBe("requires_payment_method");
  });

  it("keeps a SEPA debit processing until the clock passes the delay, then succeeds", async () => {
    const { customer, pm } = await sepaCustomer("FR1420041010050500013M02606");
    const pi = await charge(customer.id, pm.id, 5_000, "contract-sepa");
    expect(pi.status).toBe("processing");
    await handle.clock.advance(60_000);
    expect((await stripe().paymentIntents.retrieve(pi.id)).status).toBe("processing");
    await handle.clock.advance(3 * 60_000);
    expect((await stripe().paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
    expect(
      received.some(
        (e) => e.type === "payment_intent.succeeded" && (e.data.object as Stripe.PaymentIntent).id === pi.id,
      ),
    ).toBe(true);
  });

  it("fails a SEPA debit on the failing test IBAN after the delay", async () => {
    const { customer, pm } = await sepaCustomer("FR8420041010050500013M02607");
    const pi = await charge(customer.id, pm.id, 5_000);
    await handle.clock.advance(5 * 60_000);
    const after = await stripe().paymentIntents.retrieve(pi.id, { expand: ["latest_charge"] });
    expect(after.status).toBe("requires_payment_method");
    expect((after.latest_charge as Stripe.Charge).status).toBe("failed");
    expect(
      received.some(
        (e) =>
          e.type === "payment_intent.payment_failed" && (e.data.object as Stripe.PaymentIntent).id === pi.id,
      ),
    ).toBe(true);
  });

  it("transfers from a charge with source_transaction before funds are available, and refuses without", async () => {
    const account = await payee();
    const { customer, pm } = await customerWith("pm_card_visa");
    const pi = await charge(customer.id, pm.id, 20_000, "contract-2");
    const refused = await stripe()
      .transfers.create({ amount: 9_000, currency: "eur", destination: account.id })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 400, code: "balance_insufficient" });
    const transfer = await stripe().transfers.create({
      amount: 9_000,
      currency: "eur",
      destination: account.id,
      transfer_group: "contract-2",
      source_transaction: pi.latest_charge as string,
    });
    expect(transfer.destination).toBe(account.id);
    const tooMuch = await stripe()
      .transfers.create({
        amount: 12_000,
        currency: "eur",
        destination: account.id,
        source_transaction: pi.latest_charge as string,
      })
      .catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({ statusCode: 400 });
    const connected = await stripe().balance.retrieve({}, { stripeAccount: account.id });
    expect(connected.pending[0]?.amount).toBe(9_000);
    const reversal = await stripe().transfers.createReversal(transfer.id, { amount: 4_000 });
    expect(reversal.amount).toBe(4_000);
    expect((await stripe().transfers.retrieve(transfer.id)).amount_reversed).toBe(4_000);
  });

  it("refuses a transfer to an account that has not finished onboarding", async () => {
    const account = await stripe().accounts.create({
      country: "FR",
      controller: { fees: { payer: "application" }, losses: { payments: "application" } },
      capabilities: { transfers: { requested: true } },
    });
    handle.sim.topUp(50_000);
    const error = await stripe()
      .transfers.create({ amount: 1_000, currency: "eur", destination: account.id })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: "insufficient_capabilities_for_transfer" });
  });

  it("refunds partially then fully, by payment intent or charge", async () => {
    const { customer, pm } = await customerWith("pm_card_visa");
    const pi = await charge(customer.id, pm.id, 10_000);
    const partial = await stripe().refunds.create({ payment_intent: pi.id, amount: 3_000 });
    expect(partial).toMatchObject({ amount: 3_000, status: "succeeded" });
    const rest = await stripe().refunds.create({ charge: pi.latest_charge as string });
    expect(rest.amount).toBe(7_000);
    expect((await stripe().charges.retrieve(pi.latest_charge as string)).refunded).toBe(true);
    const again = await stripe()
      .refunds.create({ payment_intent: pi.id })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "charge_already_refunded" });
  });

  it("opens and closes a dispute on a charge with charge.dispute.* events", async () => {
    const { customer, pm } = await customerWith("pm_card_visa");
    const pi = await charge(customer.id, pm.id, 10_000);
    const dispute = handle.sim.openDispute(pi.latest_charge as string);
    expect((await stripe().disputes.retrieve(dispute.id)).status).toBe("needs_response");
    await stripe().disputes.close(dispute.id);
    await handle.flush();
    const types = received
      .filter((e) => (e.data.object as { id?: string }).id === dispute.id)
      .map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["charge.dispute.created", "charge.dispute.closed"]));
  });

  it("makes charged funds available after the availability delay", async () => {
    const before = await stripe().balance.retrieve();
    const { customer, pm } = await customerWith("pm_card_visa");
    await charge(customer.id, pm.id, 10_000);
    const pending = await stripe().balance.retrieve();
    expect(pending.pending[0]!.amount - before.pending[0]!.amount).toBe(9_825);
    await handle.clock.advance(3 * 24 * 3600_000);
    const after = await stripe().balance.retrieve();
    expect(after.pending[0]!.amount).toBe(0);
    expect(after.available[0]!.amount).toBeGreaterThanOrEqual(9_825);
  });

  it("lets a demo open and settle a dispute, and move the clock, from the console page", async () => {
    const { customer, pm } = await customerWith("pm_card_visa");
    const pi = await charge(customer.id, pm.id, 10_000);
    const consoleUrl = `${handle.url}/simulateur`;
    expect(await (await fetch(consoleUrl)).text()).toContain(pi.latest_charge as string);
    const post = (body: Record<string, string>) =>
      fetch(consoleUrl, { method: "POST", body: new URLSearchParams(body), redirect: "manual" });
    expect((await post({ action: "dispute", target: pi.latest_charge as string })).status).toBe(303);
    const dispute = (await stripe().disputes.list()).data.find((d) => d.charge === pi.latest_charge)!;
    expect(dispute.status).toBe("needs_response");
    await post({ action: "won", target: dispute.id });
    expect((await stripe().disputes.retrieve(dispute.id)).status).toBe("won");
    const before = handle.clock.now();
    await post({ action: "advance", target: "1j" });
    expect(handle.clock.now() - before).toBeGreaterThanOrEqual(86_400_000);
  });
});
