// npm run bench:search — the embedded engine at 10k and 100k secretaries: build time, index size,
// memory, and p50/p95/p99 of a fixed query mix, engine-only and through the HTTP search page under
// 32 concurrent clients (loopback only), in the same run so the page's overhead is a ratio.
// Sizes: BENCH_SIZES=10000,100000 (default). Results are printed as Markdown for docs/BENCHMARKS.md.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createEmbeddedEngine } from "#search/embedded/embedded-engine";
import type { SecretarySearch } from "#search/query";
import { mb, ms, summarize } from "./bench-stats";
import { benchDocuments } from "./search-documents";

const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const lyon = { lat: 45.764, lng: 4.8357 };

const base: SecretarySearch = { index: "secretaries", text: "", filters: {}, sort: "relevance", facets: [], page: 1, perPage: 20 };
const mix: Record<string, SecretarySearch> = {
  "typo text + skill + max rate + on-site reach + facets": {
    ...base,
    text: "secretaire medicle",
    filters: { skills: ["APPOINTMENT_BOOKING"], maxHourlyRateCents: 3500, reach: lyon },
    facets: ["skills", "sectors", "languages", "billingModes"],
  },
  "empty text with facets": { ...base, facets: ["skills", "sectors", "software", "languages", "billingModes", "verified", "kind"] },
  "distance sort": { ...base, sort: "distance", origin: lyon, filters: { remote: true } },
};
const httpPaths = [
  "/secretaires?q=secretaire+medicle&competences=APPOINTMENT_BOOKING&tarifMax=35&adresse=69001",
  "/secretaires",
  "/secretaires?tri=distance&adresse=69001",
];

async function engineRun(size: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `permanence-bench-${size}-`));
  const docs = benchDocuments(size);
  const engine = await createEmbeddedEngine({ url: `file:${path.join(dir, "search.db")}` });
  await engine.setup();
  const started = performance.now();
  await engine.replaceAll("secretaries", docs);
  const buildMs = performance.now() - started;
  const sizeBytes = fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
  const results: Record<string, ReturnType<typeof summarize> & { total: number }> = {};
  for (const [name, query] of Object.entries(mix)) {
    for (let i = 0; i < 20; i++) await engine.search(query); // warm up
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      total = (await engine.search({ ...query, page: 1 + (i % 3) })).total;
      samples.push(performance.now() - t);
    }
    results[name] = { ...summarize(samples), total };
  }
  await engine.close();
  return { dir, size, buildMs, sizeBytes, rss: process.memoryUsage().rss, results };
}

function stopServer(child: ReturnType<typeof spawn>) {
  if (child.pid) process.kill(-child.pid, "SIGTERM");
}

async function startServer(dataDir: string, port: number) {
  const child = spawn("npx", ["tsx", "app/cli/start.ts"], {
    // SEARCH_WORKER off: the in-process worker would "reconcile" the N-document index with the demo
    // database (count mismatch) and rebuild it with ~100 documents, so the page was not measured at N.
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      SEARCH_WORKER: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
    // Its own process group: `npx` starts node as a grandchild, which child.kill() alone left running.
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer(child);
  throw new Error("server did not start");
}

async function httpRun(dataDir: string) {
  const port = 3199;
  const server = await startServer(dataDir, port);
  try {
    const out: Record<string, { p50: number; p95: number; p99: number; rps: number; errors: number }> = {};
    for (const target of ["/healthz", ...httpPaths]) {
      const result = await autocannon({ url: `http://127.0.0.1:${port}${target}`, connections: 32, duration: 10 });
      out[target] = {
        p50: result.latency.p50,
        p95: result.latency.p97_5, // autocannon reports 97.5 and 99; we quote 97.5 as the upper bound of p95
        p99: result.latency.p99,
        rps: result.requests.average,
        errors: result.errors + result.non2xx,
      };
    }
    return out;
  } finally {
    stopServer(server);
  }
}

const lines: string[] = [`# bench:search — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}`, ""];
const runs = [];
for (const size of sizes) {
  const run = await engineRun(size);
  runs.push(run);
  lines.push(`## ${size.toLocaleString("fr-FR")} secretaries — embedded engine`, "");
  lines.push(`build ${ms(run.buildMs)}, index ${mb(run.sizeBytes)}, bench process RSS ${mb(run.rss)}`, "");
  lines.push("| query | hits | p50 | p95 | p99 |", "| --- | --- | --- | --- | --- |");
  for (const [name, r] of Object.entries(run.results)) lines.push(`| ${name} | ${r.total} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} |`);
  lines.push("");
}
if (runs.length > 1) {
  const [first, last] = [runs[0]!, runs.at(-1)!];
  lines.push(`Growth ${first.size} → ${last.size} (p95): ` + Object.keys(mix).map((k) => `${k}: ×${(last.results[k]!.p95 / first.results[k]!.p95).toFixed(2)}`).join("; "), "");
}
if (process.env.BENCH_HTTP !== "off") {
  const largest = runs.at(-1)!;
  // Serve the product on the largest index: the app's database holds the demo data, the search file the N documents.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "permanence-bench-http-"));
  fs.copyFileSync(path.join(largest.dir, "search.db"), path.join(dataDir, "search.db"));
  const http = await httpRun(dataDir);
  lines.push(`## HTTP, ${largest.size.toLocaleString("fr-FR")} secretaries, 32 concurrent clients, 10 s each`, "");
  lines.push("| path | req/s | p50 | p97.5 | p99 | errors |", "| --- | --- | --- | --- | --- | --- |");
  for (const [target, r] of Object.entries(http)) lines.push(`| \`${target}\` | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p95} ms | ${r.p99} ms | ${r.errors} |`);
  lines.push("");
}
console.log(lines.join("\n"));
