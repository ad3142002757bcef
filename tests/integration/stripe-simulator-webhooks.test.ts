import http from "node:http";
import { type AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getStripe, stripeWebhookSecret } from "#app/lib/stripe.server";
import { startStripeSimulator } from "#tests/setup/stripe-simulator";

const handle = await startStripeSimulator();
let received: { id: string; type: string }[] = [];
let failNext = 0;
handle.deliverTo(async (rawBody, signature, endpoint) => {
  const event = Stripe.webhooks.constructEvent(rawBody, signature, stripeWebhookSecret(endpoint));
  if (failNext > 0) {
    failNext--;
    return new Response("boom", { status: 500 });
  }
  received.push({ id: event.id, type: event.type });
});

beforeEach(async () => {
  await handle.flush();
  received = [];
});

const customer = (email: string) => getStripe().customers.create({ email });
const createdEmails = () => received.filter((r) => r.type === "customer.created").map((r) => r.id);

describe("webhook delivery switches", () => {
  it("delivers nothing until flush, then in order", async () => {
    const a = await customer("a@example.test");
    const b = await customer("b@example.test");
    expect(received).toEqual([]);
    await handle.flush();
    const ids = handle.events
      .filter((e) => e.type === "customer.created")
      .slice(-2)
      .map((e) => e.id);
    expect(createdEmails()).toEqual(ids);
    expect(a.id).not.toBe(b.id);
  });

  it("duplicates the next event's delivery", async () => {
    handle.duplicateNext();
    await customer("dup@example.test");
    await handle.flush();
    const [first, second] = createdEmails();
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });

  it("reorders: the next event is delivered after the one that follows it", async () => {
    handle.reorderNext();
    await customer("first@example.test");
    await customer("second@example.test");
    await handle.flush();
    const [firstEvent, secondEvent] = handle.events.filter((e) => e.type === "customer.created").slice(-2);
    expect(createdEmails()).toEqual([secondEvent!.id, firstEvent!.id]);
  });

  it("delays the next event until the clock passes the delay", async () => {
    handle.delayNext(60_000);
    await customer("late@example.test");
    await handle.flush();
    expect(createdEmails()).toEqual([]);
    await handle.clock.advance(61_000);
    expect(createdEmails()).toHaveLength(1);
  });

  it("retries a failed delivery with backoff on the simulator clock", async () => {
    failNext = 1;
    await customer("retry@example.test");
    const [attempt] = await handle.flush();
    expect(attempt).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500 });
    expect(createdEmails()).toEqual([]);
    await handle.clock.advance(60_000);
    expect(createdEmails()).toHaveLength(1);
    expect(attempt).toMatchObject({ status: "delivered", attempts: 2 });
  });
});

describe("events", () => {
  it("name the request and idempotency key that caused them", async () => {
    const created = await getStripe().customers.create(
      { email: "req@example.test" },
      { idempotencyKey: "evt-req-1" },
    );
    const event = handle.events.find(
      (e) => e.type === "customer.created" && (e.data.object as { id: string }).id === created.id,
    );
    expect(event?.request.idempotency_key).toBe("evt-req-1");
    expect(event?.request.id).toBe(created.lastResponse.requestId);
  });
});

describe("webhook endpoints over HTTP", () => {
  const bodies: { signature: string; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      bodies.push({ signature: String(req.headers["stripe-signature"]), body });
      res.writeHead(200).end();
    });
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it("signs like Stripe: the SDK verifies the payload with the endpoint's secret", async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
    const endpoint = await getStripe().webhookEndpoints.create({ url, enabled_events: ["customer.created"] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    await customer("http@example.test");
    await handle.flush();
    expect(bodies).toHaveLength(1);
    const event = Stripe.webhooks.constructEvent(bodies[0]!.body, bodies[0]!.signature, endpoint.secret!);
    expect(event.type).toBe("customer.created");
    expect(() =>
      Stripe.webhooks.constructEvent(bodies[0]!.body, bodies[0]!.signature, "whsec_wrong"),
    ).toThrow();
    await getStripe().webhookEndpoints.del(endpoint.id);
  });
});
