// The measured part of bench:payments, imported by payments.bench.ts once DATABASE_URL/DATA_DIR
// point at a freshly migrated database. Order: generate → closeMonth (timed) → charge step
// (chargeWaitingPayments, timed) → webhooks (the simulator's own payment_intent.succeeded and
// account.updated events, re-signed at delivery, 10 % duplicates, through the real route actions,
// each timed) → release step (releaseWaitingPayouts, timed) → checks.
import Stripe from "stripe";
import { findImbalances } from "#app/domain/payments/ledger.repo.server";
import { chargeWaitingPayments } from "#app/domain/payments/payment-charge.server";
import { releaseWaitingPayouts } from "#app/domain/payments/payment-release.server";
import { closeMonth } from "#app/domain/payments/payments-job.server";
import { db } from "#app/lib/db.server";
import { connectStripeSimulator, stripeWebhookSecret } from "#app/lib/stripe.server";
import { action as platformAction } from "#app/routes/webhooks+/stripe";
import { action as connectAction } from "#app/routes/webhooks+/stripe-connect";
import { createStripeSimulator } from "#app/stripe-simulator";
import { runRoute } from "#tests/setup/route-result";
import { summarize } from "./bench-stats";
import { generate } from "./payments-data";

type Endpoint = "platform" | "connect";
type Delivery = { body: string; endpoint: Endpoint; type: string; duplicate: boolean };

/** Times one step and reports it on stderr at once, so a long run shows its progress. */
const seconds = async <T>(fn: () => Promise<T>, step = "") => {
  const t = performance.now();
  const value = await fn();
  const s = (performance.now() - t) / 1000;
  if (step) console.error(`[bench:payments ${new Date().toISOString().slice(11, 19)}] ${step}: ${s.toFixed(1)} s → ${JSON.stringify(value)}`);
  return { value, s };
};

/** The events to deliver, platform first then Connect, with every 10th delivery a repeat of an earlier event. */
function deliveries(events: { id: string; type: string; account?: string }[], duplicateEvery: number): Delivery[] {
  const wanted = events.filter((e) => e.type === "payment_intent.succeeded" || e.type === "account.updated");
  wanted.sort((a, b) => Number(Boolean(a.account)) - Number(Boolean(b.account)));
  const out: Delivery[] = [];
  let seed = 42;
  for (const e of wanted) {
    out.push({ body: JSON.stringify(e, null, 2), endpoint: e.account ? "connect" : "platform", type: e.type, duplicate: false });
    if (duplicateEvery > 0 && out.length % duplicateEvery === duplicateEvery - 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const earlier = out.filter((d) => !d.duplicate)[seed % out.filter((d) => !d.duplicate).length]!;
      out.push({ ...earlier, duplicate: true });
    }
  }
  return out;
}

async function deliver(d: Delivery) {
  const signature = Stripe.webhooks.generateTestHeaderString({ payload: d.body, secret: stripeWebhookSecret(d.endpoint) });
  const path = d.endpoint === "platform" ? "/webhooks/stripe" : "/webhooks/stripe-connect";
  const request = new Request(new URL(path, "http://localhost:3000"), {
    method: "POST",
    body: d.body,
    headers: { "content-type": "application/json", "stripe-signature": signature },
  });
  return runRoute(d.endpoint === "platform" ? platformAction : connectAction, request);
}

async function webhooks(list: Delivery[]) {
  const perType: Record<string, number[]> = {};
  const all: number[] = [];
  let answeredDuplicate = 0;
  let errors = 0;
  const started = performance.now();
  for (const d of list) {
    const t = performance.now();
    const result = await deliver(d);
    const took = performance.now() - t;
    all.push(took);
    const key = d.duplicate ? "duplicate" : d.type;
    (perType[key] ??= []).push(took);
    if (result.status !== 200) errors++;
    if (result.data?.duplicate === true) answeredDuplicate++;
  }
  const totalS = (performance.now() - started) / 1000;
  return {
    deliveries: list.length,
    duplicatesSent: list.filter((d) => d.duplicate).length,
    answeredDuplicate,
    errors,
    totalS,
    perSecond: list.length / totalS,
    all: summarize(all),
    perType: Object.fromEntries(Object.entries(perType).map(([k, v]) => [k, summarize(v)])),
  };
}

export async function runBench(opts: {
  contracts: number;
  entriesPerContract: number;
  duplicateEvery: number;
  analyze: boolean;
  dbFile: () => number;
}) {
  const sim = createStripeSimulator({});
  const url = await sim.listen(0);
  connectStripeSimulator({ url, webhookSecrets: sim.webhookSecrets });
  const now = new Date();
  const prev = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  try {
    const gen = await seconds(() => generate(sim, { contracts: opts.contracts, entriesPerContract: opts.entriesPerContract, month: prev }), "generate");
    // Off by default, as in production today: no table statistics unless someone runs ANALYZE.
    if (opts.analyze) await db.$executeRawUnsafe("ANALYZE");
    const dbAfterGen = opts.dbFile();
    const close = await seconds(async () => (await closeMonth(now)).length, "closeMonth");
    const invoices = await db.invoice.count();
    const payouts = await db.payout.count();
    const dbAfterClose = opts.dbFile();
    const charge = await seconds(() => chargeWaitingPayments(), "charge step");
    const list = deliveries(sim.events as never, opts.duplicateEvery);
    const hooks = (await seconds(() => webhooks(list), "webhooks")).value;
    const release = await seconds(() => releaseWaitingPayouts(), "release step");
    const checks = {
      stripeEvents: await db.stripeEvent.count(),
      uniqueDelivered: list.filter((d) => !d.duplicate).length,
      paymentsSucceeded: await db.payment.count({ where: { status: "SUCCEEDED" } }),
      piSucceededEvents: list.filter((d) => !d.duplicate && d.type === "payment_intent.succeeded").length,
      chargeLedgerTransactions: (await db.ledgerEntry.groupBy({ by: ["transactionId"], where: { transactionId: { startsWith: "charge:" } } })).length,
      accountsReady: await db.payoutAccount.count({ where: { transfersActive: true } }),
      accountEvents: list.filter((d) => !d.duplicate && d.type === "account.updated").length,
      payoutsSent: await db.payout.count({ where: { status: "SENT" } }),
      transferLedgerTransactions: (await db.ledgerEntry.groupBy({ by: ["transactionId"], where: { kind: "TRANSFER" } })).length,
      imbalances: (await findImbalances(db)).length,
    };
    return {
      month: prev,
      gen: { ...gen.value, s: gen.s },
      close: { payments: close.value, s: close.s, invoices, payouts },
      charge: { charged: charge.value, s: charge.s },
      hooks,
      release: { ...release.value, s: release.s },
      checks,
      db: { afterGen: dbAfterGen, afterClose: dbAfterClose, end: opts.dbFile() },
    };
  } finally {
    connectStripeSimulator(null);
    await sim.close();
    await db.$disconnect();
  }
}
