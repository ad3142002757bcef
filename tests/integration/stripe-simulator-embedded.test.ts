import http from "node:http";
import { type AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, describe, expect, it } from "vitest";
import { connectStripeSimulator, getStripe, stripeWebhookSecret } from "#app/lib/stripe.server";
import { startEmbeddedStripeSimulator } from "#app/stripe-simulator/embedded.server";

// What `npm start` runs without STRIPE_SECRET_KEY: webhooks posted to the app on its own, state kept
// in DATA_DIR across a restart.
const received: { path: string; event: Stripe.Event }[] = [];
const app = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  req.on("end", () => {
    const endpoint = req.url === "/webhooks/stripe-connect" ? "connect" : "platform";
    const event = Stripe.webhooks.constructEvent(body, String(req.headers["stripe-signature"]), stripeWebhookSecret(endpoint));
    received.push({ path: req.url ?? "", event });
    res.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
const appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
const start = () =>
  startEmbeddedStripeSimulator({ url: "http://127.0.0.1:0", appOrigin, dataDir: process.env.DATA_DIR!, log: () => {} });

afterAll(async () => {
  connectStripeSimulator(null);
  await new Promise<void>((resolve) => app.close(() => resolve()));
});

async function until(check: () => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
}

describe("the embedded simulator (npm start)", () => {
  it("posts signed webhooks to the app's two endpoints by itself", async () => {
    const embedded = await start();
    const account = await getStripe().accounts.create({
      country: "FR", controller: { fees: { payer: "application" }, losses: { payments: "application" } },
      capabilities: { transfers: { requested: true } },
    });
    embedded.sim.completeOnboarding(account.id);
    await getStripe().customers.create({ email: "demo@example.test" });
    expect(await until(() => received.some((r) => r.event.type === "account.updated"))).toBe(true);
    expect(await until(() => received.some((r) => r.event.type === "customer.created"))).toBe(true);
    expect(received.find((r) => r.event.type === "account.updated")?.path).toBe("/webhooks/stripe-connect");
    expect(received.find((r) => r.event.type === "customer.created")?.path).toBe("/webhooks/stripe");
    await embedded.stop();

    const restarted = await start();
    const again = await getStripe().accounts.retrieve(account.id);
    expect(again.capabilities?.transfers).toBe("active");
    // Same signing secrets after a restart: the app keeps verifying.
    expect(restarted.sim.webhookSecrets).toEqual(embedded.sim.webhookSecrets);
    await restarted.stop();
  });
});
