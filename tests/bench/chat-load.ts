// bench:chat load process (forked by chat.bench.ts, so the clients' CPU is not the server's): opens
// N socket.io clients, then sends messages at a fixed rate from one side of each pair and times
// send → delivered on the other side's socket (and send → ack on the sender's).
import crypto from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";

export type Mode = "app" | "bare";
export type LoadCommand =
  | { type: "connect"; mode: Mode; url: string; clients: { cookie?: string; pair: number; user: number }[] }
  | {
      type: "send";
      mode: Mode;
      pairs: { a: number; b: number; conversationId: string }[];
      rate: number;
      count: number;
      warmup: number;
    }
  | { type: "close" };
export type LoadReply =
  | { type: "connected"; seconds: number; failed: number }
  | {
      type: "result";
      delivered: number[];
      acked: number[];
      errors: Record<string, number>;
      lost: number;
      sentPerSecond: number;
    }
  | { type: "closed" };

const reply = (message: LoadReply) => process.send!(message);
let sockets: Socket[] = [];
type Pending = { start: number; receiver: number; measured: boolean };
const pending = new Map<string, Pending>();
const delivered: number[] = [];
const acked: number[] = [];

function onDelivered(index: number, key: string) {
  const entry = pending.get(key);
  if (!entry || entry.receiver !== index) return;
  pending.delete(key);
  if (entry.measured) delivered.push(performance.now() - entry.start);
}

function open(
  mode: Mode,
  url: string,
  client: { cookie?: string; pair: number; user: number },
  index: number,
) {
  const socket = connect(url, {
    transports: ["websocket"],
    extraHeaders: client.cookie ? { Cookie: client.cookie } : {},
    auth: { pair: client.pair, user: client.user },
    reconnection: false,
    forceNew: true,
  });
  if (mode === "app") socket.on("message:new", (m: { clientId: string }) => onDelivered(index, m.clientId));
  else socket.on("msg", (m: { id: string }) => onDelivered(index, m.id));
  return new Promise<Socket | null>((resolve) => {
    socket.once(mode === "app" ? "ready" : "connect", () => resolve(socket));
    socket.once("connect_error", () => resolve(null));
  });
}

async function connectAll(command: Extract<LoadCommand, { type: "connect" }>) {
  const started = performance.now();
  sockets = [];
  let failed = 0;
  for (let i = 0; i < command.clients.length; i += 50) {
    const batch = command.clients
      .slice(i, i + 50)
      .map((client, k) => open(command.mode, command.url, client, i + k));
    for (const socket of await Promise.all(batch)) {
      if (!socket) failed++;
      sockets.push(socket ?? (null as unknown as Socket));
    }
  }
  reply({ type: "connected", seconds: (performance.now() - started) / 1000, failed });
}

function sendOne(command: Extract<LoadCommand, { type: "send" }>, k: number, errors: Record<string, number>) {
  const pairIndex = k % command.pairs.length;
  const pair = command.pairs[pairIndex]!;
  // Alternate the direction on each round over the pairs, so both sides send and receive.
  const [from, to] = Math.floor(k / command.pairs.length) % 2 === 0 ? [pair.a, pair.b] : [pair.b, pair.a];
  const key = crypto.randomUUID();
  const start = performance.now();
  const measured = k >= command.warmup;
  pending.set(key, { start, receiver: to, measured });
  const payload =
    command.mode === "app"
      ? { conversationId: pair.conversationId, clientId: key, body: `Message de charge n° ${k}` }
      : { pair: pairIndex, id: key, body: `Message de charge n° ${k}` };
  sockets[from]!.timeout(10_000).emit(
    command.mode === "app" ? "message:send" : "send",
    payload,
    (err: Error | null, ack: { ok: boolean; error?: string }) => {
      if (err || !ack.ok) {
        const reason = err ? "ack timeout" : (ack.error ?? "refused");
        errors[reason] = (errors[reason] ?? 0) + 1;
        pending.delete(key);
      } else if (measured) acked.push(performance.now() - start);
    },
  );
}

async function sendAll(command: Extract<LoadCommand, { type: "send" }>) {
  delivered.length = 0;
  acked.length = 0;
  pending.clear();
  const errors: Record<string, number> = {};
  const total = command.warmup + command.count;
  const started = performance.now();
  let sent = 0;
  // Open loop: the k-th message leaves at started + k / rate, whether earlier ones were answered or not.
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * command.rate) + 1);
    while (sent < due) sendOne(command, sent++, errors);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const sentPerSecond = total / ((performance.now() - started) / 1000);
  for (let waited = 0; pending.size > 0 && waited < 10_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  reply({
    type: "result",
    delivered: [...delivered],
    acked: [...acked],
    errors,
    lost: pending.size,
    sentPerSecond,
  });
}

process.on("message", (command: LoadCommand) => {
  if (command.type === "connect") void connectAll(command);
  else if (command.type === "send") void sendAll(command);
  else {
    sockets.forEach((s) => s?.close());
    sockets = [];
    setTimeout(() => reply({ type: "closed" }), 200);
  }
});
process.on("disconnect", () => process.exit(0));
