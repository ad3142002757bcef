// npm run bench:chat [-- --sockets 1000,5000 --rate 20 --messages 1000] — the chat's socket stack
// (attachRealtime + registerRealtime, session check, zod, the chat domain writing to a migrated
// SQLite file) in this process, N clients in a forked load process (tests/bench/chat-load.ts).
// For each N: send → delivered latency p50/p95/p99 between two users of a conversation at a fixed
// message rate, and the server's memory per connection; then the same load against a bare
// socket.io relay (no auth, no validation, no database) on the same machine, as the floor.
// Results are printed as Markdown for docs/BENCHMARKS.md. Every process and server it starts is stopped.
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import inspector from "node:inspector";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import type { LoadCommand, LoadReply, Mode } from "./chat-load";
import { summarize } from "./bench-stats";

const { values: args } = parseArgs({
  options: {
    sockets: { type: "string", default: "1000,5000" },
    rate: { type: "string", default: "20" },
    messages: { type: "string", default: "1000" },
  },
});
const sizes = args.sockets.split(",").map(Number);
const rate = Number(args.rate);
const count = Number(args.messages);
const warmup = Math.min(200, count);
// Other processes on the machine skew every figure: the report quotes the load average.
const loadAtStart = os.loadavg()[0]!.toFixed(1);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "permanence-bench-chat-"));
const dbPath = path.join(dir, "app.db");
execFileSync("npx", ["prisma", "migrate", "deploy"], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
  stdio: "pipe",
});
// Before any app module reads the environment (hence the dynamic imports below).
process.env.DATABASE_URL = `file:${dbPath}`;
process.env.DATA_DIR = path.join(dir, "data");
process.env.LOG_LEVEL ??= "error";
fs.mkdirSync(process.env.DATA_DIR, { recursive: true });

const { userFromCookieHeader } = await import("#app/auth/session.server");
const { registerRealtime } = await import("#app/realtime/register-realtime.server");
const { attachRealtime, MAX_SOCKET_PAYLOAD_BYTES } = await import("#app/server/realtime");
const { Server } = await import("socket.io");
const { createBenchData } = await import("./chat-data");

type Target = { url: string; close: () => Promise<void> };

async function listen(server: http.Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startApp(): Promise<Target> {
  const server = http.createServer();
  const realtime = await attachRealtime(server, {
    authenticate: userFromCookieHeader,
    register: registerRealtime,
  });
  const url = await listen(server);
  return { url, close: () => realtime.close() }; // io.close() closes the HTTP server too
}

/** The floor: socket.io with the same payload limit and the same two rooms per socket, relaying as is. */
async function startBare(): Promise<Target> {
  const server = http.createServer();
  const io = new Server(server, { serveClient: false, maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES });
  io.on("connection", (socket) => {
    const { pair, user } = socket.handshake.auth as { pair: number; user: number };
    void socket.join([`pair:${pair}`, `user:${user}`]);
    socket.on("send", (payload: { pair: number }, ack: (r: unknown) => void) => {
      socket.to(`pair:${payload.pair}`).emit("msg", payload);
      ack({ ok: true });
    });
  });
  const url = await listen(server);
  return { url, close: () => new Promise<void>((resolve) => io.close(() => resolve())) };
}

function ask(load: ChildProcess, command: LoadCommand): Promise<LoadReply> {
  return new Promise((resolve) => {
    load.once("message", (message: LoadReply) => resolve(message));
    load.send(command);
  });
}

/** BENCH_CPU_PROFILE=/tmp/chat writes the server's CPU profile of each app send phase (Chrome DevTools format). */
async function startProfile() {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, (err, result) => (err ? reject(err) : resolve(result))),
    );
  await post("Profiler.enable");
  await post("Profiler.start");
  return async (file: string) => {
    const { profile } = await post("Profiler.stop");
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

function memory() {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external };
}

async function measure(
  load: ChildProcess,
  mode: Mode,
  n: number,
  data: Awaited<ReturnType<typeof createBenchData>>,
) {
  const target = mode === "app" ? await startApp() : await startBare();
  try {
    const clients = Array.from({ length: n }, (_, i) => ({
      cookie: mode === "app" ? data.cookies[i] : undefined,
      pair: i >> 1,
      user: i,
    }));
    const before = memory();
    const connected = (await ask(load, { type: "connect", mode, url: target.url, clients })) as Extract<
      LoadReply,
      { type: "connected" }
    >;
    await new Promise((r) => setTimeout(r, 500));
    const after = memory();
    const pairs = data.pairs
      .slice(0, n >> 1)
      .map((p) => ({ a: p.business, b: p.secretary, conversationId: p.conversationId }));
    // Server CPU per message and event-loop stalls: what this process did, whatever else the machine ran.
    const cpuBefore = process.cpuUsage();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const profiler = mode === "app" && process.env.BENCH_CPU_PROFILE ? await startProfile() : null;
    const result = (await ask(load, { type: "send", mode, pairs, rate, count, warmup })) as Extract<
      LoadReply,
      { type: "result" }
    >;
    loop.disable();
    await profiler?.(`${process.env.BENCH_CPU_PROFILE}-${n}.cpuprofile`);
    const cpu = process.cpuUsage(cpuBefore);
    await ask(load, { type: "close" });
    return {
      connected,
      perConnection: { rss: (after.rss - before.rss) / n, heap: (after.heap - before.heap) / n },
      delivered: summarize(result.delivered),
      acked: summarize(result.acked),
      errors: result.errors,
      lost: result.lost,
      sentPerSecond: result.sentPerSecond,
      cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / (count + warmup),
      loopDelay: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    };
  } finally {
    await target.close();
  }
}

const load = fork(path.join(root, "tests/bench/chat-load.ts"), [], {
  execArgv: ["--import", "tsx"],
  stdio: "inherit",
});
const stopLoad = () => load.connected && load.kill("SIGTERM");
process.on("exit", stopLoad);

try {
  const started = performance.now();
  const data = await createBenchData(Math.max(...sizes));
  const prepS = (performance.now() - started) / 1000;
  const runs = [];
  for (const n of sizes)
    runs.push({ n, app: await measure(load, "app", n, data), bare: await measure(load, "bare", n, data) });
  console.log(report(runs, prepS));
} finally {
  stopLoad();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);

type Run = { n: number; app: Awaited<ReturnType<typeof measure>>; bare: Awaited<ReturnType<typeof measure>> };

function report(runs: Run[], prepS: number): string {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
  const errs = (r: Run["app"]) =>
    Object.entries(r.errors)
      .map(([e, c]) => `${c}× ${e}`)
      .join("; ") || "0";
  const lines = [
    `# bench:chat — ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`,
    "",
    `${rate} messages/s open loop, ${count} measured after ${warmup} warm-up; server and SQLite in one process, clients in another; data prepared in ${prepS.toFixed(0)} s; load average at the start ${loadAtStart}, at the end ${os.loadavg()[0]!.toFixed(1)}.`,
    "",
    "| sockets | server | connect all | delivered p50 / p95 / p99 | ack p50 / p95 / p99 | server CPU per message | event-loop delay p99 / max | memory per connection (heap+external / RSS) | errors, lost |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of runs) {
    for (const [name, m] of [
      ["app", r.app],
      ["bare socket.io", r.bare],
    ] as const) {
      lines.push(
        `| ${r.n.toLocaleString("en-US")} | ${name} | ${m.connected.seconds.toFixed(1)} s (${m.connected.failed} failed) | ${ms(m.delivered.p50)} / ${ms(m.delivered.p95)} / ${ms(m.delivered.p99)} | ${ms(m.acked.p50)} / ${ms(m.acked.p95)} / ${ms(m.acked.p99)} | ${ms(m.cpuMsPerMessage)} | ${ms(m.loopDelay.p99)} / ${ms(m.loopDelay.max)} | ${kb(m.perConnection.heap)} / ${kb(m.perConnection.rss)} | ${errs(m)}, ${m.lost} |`,
      );
    }
  }
  lines.push("", "Ratios app ÷ bare (delivered p95; heap per connection):", "");
  for (const r of runs) {
    const p95 = r.app.delivered.p95 / r.bare.delivered.p95;
    lines.push(
      `- ${r.n.toLocaleString("en-US")} sockets: p95 ×${p95.toFixed(1)}, memory ×${(r.app.perConnection.heap / r.bare.perConnection.heap).toFixed(1)}; target p95 ≤ 25 ms${r.n === 1000 ? "" : " (set for 1,000)"}: ${r.app.delivered.p95 <= 25 ? "met" : "NOT met"}; within 3× of bare: ${p95 <= 3 ? "met" : "NOT met"}`,
    );
  }
  return lines.join("\n");
}
