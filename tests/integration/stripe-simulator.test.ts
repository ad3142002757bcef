import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getStripe, isSimulatedStripe, stripeWebhookSecret } from "#app/lib/stripe.server";
import { startStripeSimulator } from "#tests/setup/stripe-simulator";

const handle = await startStripeSimulator();
const received: { event: Stripe.Event; endpoint: string }[] = [];
handle.deliverTo(async (rawBody, signature, endpoint) => {
  const event = Stripe.webhooks.constructEvent(rawBody, signature, stripeWebhookSecret(endpoint));
  received.push({ event, endpoint });
});

async function postForm(url: string, body: Record<string, string>) {
  return fetch(url, { method: "POST", body: new URLSearchParams(body), redirect: "manual" });
}

async function newConnectedAccount() {
  return getStripe().accounts.create({
    country: "FR",
    email: "camille@example.test",
    controller: {
      fees: { payer: "application" },
      losses: { payments: "application" },
      stripe_dashboard: { type: "express" },
    },
    capabilities: { transfers: { requested: true } },
  });
}

describe("the Stripe simulator through the real SDK", () => {
  it("is what getStripe() talks to", () => {
    expect(isSimulatedStripe()).toBe(true);
  });

  it("creates, retrieves and updates a connected account", async () => {
    const account = await newConnectedAccount();
    expect(account.id).toMatch(/^acct_/);
    expect(account.controller?.losses?.payments).toBe("application");
    expect(account.capabilities?.transfers).toBe("inactive");
    const updated = await getStripe().accounts.update(account.id, { metadata: { payeeId: "p1" } });
    expect(updated.metadata).toEqual({ payeeId: "p1" });
    expect((await getStripe().accounts.retrieve(account.id)).metadata?.payeeId).toBe("p1");
  });

  it("completes onboarding on the hosted page and announces account.updated to the Connect endpoint", async () => {
    const account = await newConnectedAccount();
    const link = await getStripe().accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "http://app.test/refresh",
      return_url: "http://app.test/return",
    });
    expect((await fetch(link.url)).status).toBe(200);
    const done = await postForm(link.url, { action: "complete" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("http://app.test/return");
    // A link works once: coming back sends to refresh_url.
    expect((await fetch(link.url, { redirect: "manual" })).headers.get("location")).toBe(
      "http://app.test/refresh",
    );
    expect((await getStripe().accounts.retrieve(account.id)).capabilities?.transfers).toBe("active");
    await handle.flush();
    const updated = received.find(
      (r) => r.event.type === "account.updated" && r.event.account === account.id,
    );
    expect(updated?.endpoint).toBe("connect");
  });

  it("expired account links go to refresh_url", async () => {
    const account = await newConnectedAccount();
    const link = await getStripe().accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "http://app.test/refresh",
      return_url: "http://app.test/return",
    });
    await handle.clock.advance(10 * 60_000);
    expect((await fetch(link.url, { redirect: "manual" })).headers.get("location")).toBe(
      "http://app.test/refresh",
    );
  });

  it("saves a SEPA mandate through a Checkout Session in setup mode", async () => {
    const customer = await getStripe().customers.create({ email: "compta@example.test", name: "ACME" });
    const session = await getStripe().checkout.sessions.create({
      mode: "setup",
      customer: customer.id,
      currency: "eur",
      allowed_payment_method_types: ["sepa_debit"],
      success_url: "http://app.test/ok?session={CHECKOUT_SESSION_ID}",
      cancel_url: "http://app.test/annule",
      metadata: { organizationId: "org1" },
    });
    expect(session.url).toContain("/simulateur/checkout/");
    const page = await fetch(session.url!);
    expect(await page.text()).toContain("FR1420041010050500013M02606");
    const done = await postForm(session.url!, {
      choice: "iban",
      iban: "FR1420041010050500013M02606",
      name: "ACME",
    });
    expect(done.headers.get("location")).toBe(`http://app.test/ok?session=${session.id}`);

    const completed = await getStripe().checkout.sessions.retrieve(session.id, { expand: ["setup_intent"] });
    expect(completed.status).toBe("complete");
    const si = completed.setup_intent as Stripe.SetupIntent;
    expect(si.status).toBe("succeeded");
    const pm = await getStripe().paymentMethods.retrieve(si.payment_method as string);
    expect(pm.type).toBe("sepa_debit");
    expect(pm.customer).toBe(customer.id);
    expect(pm.sepa_debit?.last4).toBe("2606");
    const methods = await getStripe().customers.listPaymentMethods(customer.id, { type: "sepa_debit" });
    expect(methods.data.map((m) => m.id)).toEqual([pm.id]);

    await handle.flush();
    const types = received.filter((r) => r.endpoint === "platform").map((r) => r.event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "setup_intent.succeeded",
        "checkout.session.completed",
        "payment_method.attached",
      ]),
    );
    const event = await getStripe().events.list({ type: "checkout.session.completed" });
    expect((event.data[0]?.data.object as Stripe.Checkout.Session).id).toBe(session.id);
  });

  it("refuses an invalid IBAN on the hosted page without completing the session", async () => {
    const customer = await getStripe().customers.create({ email: "x@example.test" });
    const session = await getStripe().checkout.sessions.create({
      mode: "setup",
      customer: customer.id,
      allowed_payment_method_types: ["sepa_debit", "card"],
      success_url: "http://app.test/ok",
    });
    const page = await postForm(session.url!, { choice: "iban", iban: "pas un iban" });
    expect(page.status).toBe(400);
    expect((await getStripe().checkout.sessions.retrieve(session.id)).status).toBe("open");
  });

  it("replays an idempotent request and refuses the same key with other parameters", async () => {
    const first = await getStripe().customers.create({ email: "a@example.test" }, { idempotencyKey: "k-1" });
    const again = await getStripe().customers.create({ email: "a@example.test" }, { idempotencyKey: "k-1" });
    expect(again.id).toBe(first.id);
    const error = await getStripe()
      .customers.create({ email: "b@example.test" }, { idempotencyKey: "k-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    // Like Stripe, a key is forgotten after 24 hours.
    await handle.clock.advance(25 * 3600_000);
    const later = await getStripe().customers.create({ email: "b@example.test" }, { idempotencyKey: "k-1" });
    expect(later.id).not.toBe(first.id);
  });

  it("answers Stripe's error envelope: missing resource, missing param, not implemented", async () => {
    const missing = await getStripe()
      .accounts.retrieve("acct_nope")
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
    const param = await getStripe()
      .accountLinks.create({ account: "", type: "account_onboarding" } as Stripe.AccountLinkCreateParams)
      .catch((e: unknown) => e);
    expect(param).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "account" });
    const notImplemented = await getStripe()
      .coupons.create({ percent_off: 10 })
      .catch((e: unknown) => e);
    expect(notImplemented).toMatchObject({ statusCode: 501, code: "simulator_not_implemented" });
  });

  it("saves a test card on the hosted page; a completed or expired session is no longer open", async () => {
    const customer = await getStripe().customers.create({ email: "carte@example.test" });
    const session = await getStripe().checkout.sessions.create({
      mode: "setup",
      customer: customer.id,
      allowed_payment_method_types: ["card"],
      success_url: "http://app.test/ok",
      cancel_url: "http://app.test/annule",
    });
    const page = await (await fetch(session.url!)).text();
    expect(page).toContain("4000000000000002");
    expect(page).not.toContain("FR1420041010050500013M02606");
    const done = await postForm(session.url!, { choice: "card:4000000000009995" });
    expect(done.status).toBe(303);
    const methods = await getStripe().customers.listPaymentMethods(customer.id);
    expect(methods.data[0]?.card?.last4).toBe("9995");
    expect((await fetch(session.url!)).status).toBe(410);

    const other = await getStripe().checkout.sessions.create({
      mode: "setup",
      customer: customer.id,
      currency: "eur",
      success_url: "http://app.test/ok",
    });
    await getStripe().checkout.sessions.expire(other.id);
    expect((await fetch(other.url!)).status).toBe(410);
  });

  it("lists newest first, pages with starting_after and filters by created", async () => {
    const created = [];
    for (const email of ["p1@example.test", "p2@example.test", "p3@example.test"]) {
      created.push(await getStripe().customers.create({ email }));
    }
    const firstPage = await getStripe().customers.list({ limit: 2 });
    expect(firstPage.data.map((c) => c.email)).toEqual(["p3@example.test", "p2@example.test"]);
    expect(firstPage.has_more).toBe(true);
    const next = await getStripe().customers.list({ limit: 2, starting_after: firstPage.data[1]!.id });
    expect(next.data[0]?.email).toBe("p1@example.test");
    const later = await getStripe().customers.list({ created: { gt: handle.clock.now() / 1000 + 3600 } });
    expect(later.data).toEqual([]);
  });

  it("accepts a test key as Bearer or Basic auth (curl -u sk_test_…:), and nothing else", async () => {
    const basic = `Basic ${Buffer.from("sk_test_abc:").toString("base64")}`;
    expect((await fetch(`${handle.url}/v1/balance`, { headers: { authorization: basic } })).status).toBe(200);
    const live = await fetch(`${handle.url}/v1/balance`, {
      headers: { authorization: "Bearer sk_live_abc" },
    });
    expect(live.status).toBe(401);
    expect(((await live.json()) as { error: { type: string } }).error.type).toBe("authentication_error");
  });
});
