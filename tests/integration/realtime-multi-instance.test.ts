// Two app instances on two ports sharing one Redis through @socket.io/redis-adapter: a message sent
// on one reaches a client connected to the other, typing too, and presence spans both.
import crypto from "node:crypto";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getRealtimeBus, setRealtimeBus, socketBus } from "#app/lib/realtime-bus.server";
import {
  closeAllSockets,
  connectAs,
  emitAck,
  missionConversation,
  newClientId,
  nextEvent,
  startInstance,
  type Instance,
} from "./realtime-harness";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A raw PING, so an absent Redis is a skip with a reason rather than a hanging client. */
function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 500 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(/^\+PONG|^-NOAUTH/.test(data.toString())));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

const redisUp = await redisAnswers(redisUrl);
const skipReason = `Redis injoignable sur ${redisUrl} : ce test demande un Redis local (ou REDIS_URL).`;
if (!redisUp) console.warn(skipReason);
/** A skipped test says why in its own title. */
const titled = (title: string) => (redisUp ? title : `${title} — ignoré : ${skipReason}`);

// Own channels per run: parallel test files and other runs on the same Redis never cross.
const redisKey = `permanence-test-${crypto.randomUUID().slice(0, 8)}`;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  if (!redisUp) return;
  b = await startInstance({ redisUrl, redisKey });
  a = await startInstance({ redisUrl, redisKey });
  // Both instances run in this process and share one bus variable: make it instance A's
  // explicitly, so everything the domain publishes leaves from A and reaches B only through Redis.
  setRealtimeBus(socketBus(a.realtime.io));
});
afterEach(() => closeAllSockets());
afterAll(async () => {
  closeAllSockets();
  setRealtimeBus(null);
  await Promise.all([a?.close(), b?.close()]);
});

describe("several instances behind Redis", () => {
  it.skipIf(!redisUp)(titled("a message sent on instance A reaches a client on instance B"), async () => {
    const { conversationId, business, secretary } = await missionConversation();
    const sender = await connectAs(a.url, business.id);
    const receiver = await connectAs(b.url, secretary.id);
    const received = nextEvent(receiver, "message:new");
    const ack = await emitAck(sender, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "D’une instance à l’autre",
    });
    expect(ack).toMatchObject({ ok: true });
    expect(await received).toMatchObject({ id: (ack as any).message.id, body: "D’une instance à l’autre" });
  });

  it.skipIf(!redisUp)(titled("typing and read receipts cross instances, presence spans both"), async () => {
    const { conversationId, business, secretary } = await missionConversation();
    const onA = await connectAs(a.url, business.id);
    const onB = await connectAs(b.url, secretary.id);
    const typing = nextEvent(onB, "typing");
    onA.emit("typing", { conversationId });
    expect(await typing).toEqual({ conversationId, userId: business.id, name: "Inès Roux" });

    await emitAck(onA, "message:send", { conversationId, clientId: newClientId(), body: "Lu ?" });
    const receipt = nextEvent(onA, "message:read");
    await emitAck(onB, "message:read", { conversationId, seq: 1 });
    expect(await receipt).toEqual({ conversationId, userId: secretary.id, seq: 1 });

    expect(await getRealtimeBus().isOnline(secretary.id)).toBe(true);
    onB.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await getRealtimeBus().isOnline(secretary.id)).toBe(false);
  });
});
