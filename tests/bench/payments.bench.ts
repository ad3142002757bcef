// npm run bench:payments — month close and webhooks at scale, against a migrated SQLite file and the
// local Stripe simulator through the real SDK (loopback). Generates N ACTIVE HOURLY/PER_TASK
// contracts with approved work last month, then times: closeMonth (invoices, payouts, ledger), the
// charge step (off-session PaymentIntents), the webhook receiver (the simulator's
// payment_intent.succeeded and account.updated events, re-signed at delivery, 10 % duplicates,
// through the real route actions with real Requests) and the release step (transfers per payee).
// Options: BENCH_CONTRACTS=10000 (1000 for a quick run), BENCH_ENTRIES=8 (approved entries per
// contract), BENCH_DUPLICATE_EVERY=10 (every 10th delivery repeats an earlier event; 0 = none),
// BENCH_ANALYZE=1 runs SQLite's ANALYZE after generating (the app never does: see
// docs/BENCHMARKS.md), BENCH_KEEP=1 keeps the database. Results are printed as Markdown for docs/BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mb, ms } from "./bench-stats";

const contracts = Number(process.env.BENCH_CONTRACTS ?? 10000);
const entriesPerContract = Number(process.env.BENCH_ENTRIES ?? 8);
const duplicateEvery = Number(process.env.BENCH_DUPLICATE_EVERY ?? 10);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), `permanence-bench-payments-${contracts}-`));
const dbPath = path.join(dir, "app.db");
execFileSync("npx", ["prisma", "migrate", "deploy"], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
  stdio: "pipe",
});
// Before any app module reads the environment (hence the dynamic import below).
process.env.DATABASE_URL = `file:${dbPath}`;
process.env.DATA_DIR = path.join(dir, "data");
process.env.LOG_LEVEL ??= "error";
delete process.env.STRIPE_SECRET_KEY;
fs.mkdirSync(process.env.DATA_DIR, { recursive: true });

const dbBytes = () =>
  [dbPath, `${dbPath}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);

const { runBench } = await import("./payments-run");
const analyze = process.env.BENCH_ANALYZE === "1";
const r = await runBench({ contracts, entriesPerContract, duplicateEvery, analyze, dbFile: dbBytes });

const n = (x: number) => x.toLocaleString("en-US");
const s = (x: number) => `${x.toFixed(1)} s`;
const pct = (p: { p50: number; p95: number; p99: number; n: number }) => `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)} (n=${n(p.n)})`;
const lines = [
  `# bench:payments — ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} cores, ${mb(os.totalmem())} RAM, Node ${process.version}`,
  "",
  `${n(r.gen.contracts)} contracts (${n(r.gen.businesses)} businesses, ${n(r.gen.secretaries)} secretaries), ${n(r.gen.entries)} approved entries in ${r.month}${analyze ? ", ANALYZE run after generating" : ""}; generated in ${s(r.gen.s)} (DB ${mb(r.db.afterGen)})`,
  "",
  "| step | time | per item | output |",
  "| --- | --- | --- | --- |",
  `| closeMonth(now) | ${s(r.close.s)} | ${(r.close.payments / r.close.s).toFixed(0)} contracts/s | ${n(r.close.payments)} payments, ${n(r.close.invoices)} invoices, ${n(r.close.payouts)} payouts; DB ${mb(r.db.afterGen)} → ${mb(r.db.afterClose)} |`,
  `| charge step (chargeWaitingPayments) | ${s(r.charge.s)} | ${(r.charge.charged / r.charge.s).toFixed(0)} payments/s | ${n(r.charge.charged)} charged (card, off-session) |`,
  `| webhooks (route actions) | ${s(r.hooks.totalS)} | ${r.hooks.perSecond.toFixed(0)} events/s | ${n(r.hooks.deliveries)} deliveries, ${n(r.hooks.duplicatesSent)} duplicates, ${r.hooks.errors} non-200 |`,
  `| release step (releaseWaitingPayouts) | ${s(r.release.s)} | ${(r.release.sent / r.release.s).toFixed(0)} transfers/s | ${n(r.release.sent)} sent, ${r.release.waiting} waiting, ${r.release.failed} failed |`,
  "",
  "Per webhook delivery, p50 / p95 / p99:",
  "",
  `- all: ${pct(r.hooks.all)}`,
  ...Object.entries(r.hooks.perType).map(([type, p]) => `- ${type}: ${pct(p)}`),
  "",
  `Checks: StripeEvent rows ${n(r.checks.stripeEvents)} = unique events delivered ${n(r.checks.uniqueDelivered)}; ` +
    `duplicates answered "duplicate" ${n(r.hooks.answeredDuplicate)} of ${n(r.hooks.duplicatesSent)} sent; ` +
    `payments SUCCEEDED ${n(r.checks.paymentsSucceeded)} = payment_intent.succeeded ${n(r.checks.piSucceededEvents)} = CHARGE ledger transactions ${n(r.checks.chargeLedgerTransactions)}; ` +
    `payout accounts ready ${n(r.checks.accountsReady)} = account.updated ${n(r.checks.accountEvents)}; payouts SENT ${n(r.checks.payoutsSent)} of ${n(r.close.payouts)} = TRANSFER ledger transactions ${n(r.checks.transferLedgerTransactions)}; ledger imbalances ${r.checks.imbalances}.`,
  "",
  `DB at the end: ${mb(r.db.end)} (${dbPath}${process.env.BENCH_KEEP ? ", kept" : ", removed"})`,
];
console.log(lines.join("\n"));
const ok =
  r.checks.stripeEvents === r.checks.uniqueDelivered &&
  r.hooks.answeredDuplicate === r.hooks.duplicatesSent &&
  r.checks.paymentsSucceeded === r.checks.piSucceededEvents &&
  r.checks.chargeLedgerTransactions === r.checks.piSucceededEvents &&
  r.checks.accountsReady === r.checks.accountEvents &&
  r.checks.payoutsSent === r.close.payouts &&
  r.checks.transferLedgerTransactions === r.close.payouts &&
  r.checks.imbalances === 0 &&
  r.hooks.errors === 0;
if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
if (!ok) {
  console.error("CHECKS FAILED — the figures above are not a valid run.");
  process.exitCode = 1;
}
