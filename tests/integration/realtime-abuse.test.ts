// Bad input and abuse over real sockets: malformed and oversized payloads, emits without an ack,
// floods, and sockets whose session died after the handshake. Each is refused without side effects.
import { describe, expect, it } from "vitest";
import { revokeAllSessions } from "#app/auth/session.server";
import { db } from "#app/lib/db.server";
import { SESSION_EXPIRED } from "#app/realtime/socket-guard.server";
import {
  connectAs,
  emitAck,
  messageCount,
  missionConversation,
  newClientId,
  nextEvent,
  startInstance,
  useRealtimeInstance,
} from "./realtime-harness";

const instance = useRealtimeInstance();

async function until(condition: () => boolean, ms = 5000) {
  for (const started = Date.now(); !condition() && Date.now() - started < ms;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function businessConnected() {
  const parties = await missionConversation();
  return { ...parties, socket: await connectAs(instance().url, parties.business.id) };
}

const french = /^[A-ZÀ-Ÿ][^]*\.$/; // a sentence, not "Expected string, received number"

describe("malformed payloads", () => {
  it("refuses each malformed message:send with a French error and writes nothing", async () => {
    const { conversationId, socket } = await businessConnected();
    const valid = { conversationId, clientId: newClientId(), body: "Bonjour" };
    const malformed: unknown[][] = [
      [],
      ["Bonjour"],
      [null],
      [[valid]],
      [{}],
      [{ ...valid, extra: true }],
      [{ ...valid, conversationId: "../../admin" }],
      [{ ...valid, conversationId: { $ne: null } }],
      [{ ...valid, clientId: "court" }],
      [{ ...valid, clientId: "espace interdite" }],
      [{ ...valid, body: "" }],
      [{ ...valid, body: "   \n " }],
      [{ ...valid, body: 42 }],
      [{ ...valid, body: "x".repeat(5001) }],
      [valid, "argument en trop"],
    ];
    for (const args of malformed) {
      const ack = await emitAck(socket, "message:send", ...args);
      expect(ack, JSON.stringify(args).slice(0, 80)).toMatchObject({
        ok: false,
        error: expect.stringMatching(french),
      });
    }
    expect(await messageCount(conversationId)).toBe(0);
    expect(await emitAck(socket, "message:send", valid)).toMatchObject({ ok: true });
  });

  it("refuses malformed sync, read, join and typing payloads", async () => {
    const { conversationId, business, socket } = await businessConnected();
    const cases: [string, unknown][] = [
      ["messages:sync", { conversationId, afterSeq: -1 }],
      ["messages:sync", { conversationId, afterSeq: 1.5 }],
      ["messages:sync", { conversationId, afterSeq: "0" }],
      ["message:read", { conversationId, seq: 1e12 }],
      ["message:read", { conversationId }],
      ["conversation:join", { conversationId: ["a"] }],
      ["conversation:join", { conversationId, room: "user:autre" }],
      ["typing", { conversationId: "x".repeat(200) }],
    ];
    for (const [event, payload] of cases) {
      expect(await emitAck(socket, event, payload), event).toMatchObject({
        ok: false,
        error: expect.stringMatching(french),
      });
    }
    expect(await db.conversationRead.count({ where: { userId: business.id } })).toBe(0);
  });

  it("ignores a send without an ack callback", async () => {
    const { conversationId, socket } = await businessConnected();
    socket.emit("message:send", { conversationId, clientId: newClientId(), body: "Sans accusé" });
    // The socket handles its events in order: once the acked send is answered, the first was dropped.
    const acked = await emitAck(socket, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "Avec",
    });
    expect(acked).toMatchObject({ ok: true, message: { seq: 1, body: "Avec" } });
    expect(await messageCount(conversationId)).toBe(1);
    expect(socket.connected).toBe(true);
  });

  it("closes the connection of an oversized payload before it is read", async () => {
    const { conversationId, socket } = await businessConnected();
    const closed = nextEvent<string>(socket, "disconnect");
    socket.emit(
      "message:send",
      { conversationId, clientId: newClientId(), body: "x".repeat(100_000) },
      () => {},
    );
    expect(await closed).toBe("transport close");
    expect(await messageCount(conversationId)).toBe(0);
  });
});

describe("floods", () => {
  it("stops a flood of messages at the per-user limit with a clear error; nothing beyond it is written", async () => {
    const { conversationId, secretary, socket } = await businessConnected();
    const receiver = await connectAs(instance().url, secretary.id);
    const delivered: unknown[] = [];
    receiver.on("message:new", (message) => delivered.push(message));
    const acks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        emitAck(socket, "message:send", { conversationId, clientId: newClientId(), body: `n° ${i}` }),
      ),
    );
    const accepted = acks.filter((a) => a.ok).length;
    const refused = acks.filter((a) => !a.ok);
    expect(accepted).toBe(20);
    expect(refused[0]).toEqual({
      ok: false,
      error: expect.stringMatching(/^Vous envoyez trop de messages\. Réessayez dans \d+ secondes?\.$/),
    });
    expect(await messageCount(conversationId)).toBe(accepted);
    await until(() => delivered.length >= accepted);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(delivered.length).toBe(accepted);
  });

  it("stops a flood of any event at the socket layer", async () => {
    const { conversationId, socket } = await businessConnected();
    const acks = await Promise.all(
      Array.from({ length: 150 }, () => emitAck(socket, "messages:sync", { conversationId, afterSeq: 0 })),
    );
    expect(acks.filter((a) => a.ok).length).toBe(120);
    expect(acks.at(-1)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Trop de requêtes en peu de temps\. Réessayez dans \d+ secondes?\.$/),
    });
  });
});

describe("a session that dies after the handshake", () => {
  it("refuses the next event of a revoked session and disconnects the socket", async () => {
    const { conversationId, business, socket } = await businessConnected();
    await revokeAllSessions(business.id);
    const disconnected = nextEvent<string>(socket, "disconnect");
    const ack = await emitAck(socket, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "Trop tard",
    });
    expect(ack).toEqual({ ok: false, error: SESSION_EXPIRED });
    expect(await disconnected).toBe("io server disconnect");
    expect(await messageCount(conversationId)).toBe(0);
  });

  it("refuses the next event of an expired session and disconnects the socket", async () => {
    const { conversationId, business, socket } = await businessConnected();
    await db.session.updateMany({
      where: { userId: business.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const disconnected = nextEvent<string>(socket, "disconnect");
    expect(await emitAck(socket, "message:read", { conversationId, seq: 0 })).toEqual({
      ok: false,
      error: SESSION_EXPIRED,
    });
    expect(await disconnected).toBe("io server disconnect");
    expect(await db.conversationRead.count({ where: { userId: business.id } })).toBe(0);
  });

  it("disconnects an idle socket whose session was revoked, at the next sweep", async () => {
    const swept = await startInstance({ sessionSweepMs: 200 });
    try {
      const { business, secretary } = await missionConversation();
      const idle = await connectAs(swept.url, secretary.id);
      const other = await connectAs(swept.url, business.id);
      const told = nextEvent(idle, "session:expired");
      const disconnected = nextEvent<string>(idle, "disconnect");
      await revokeAllSessions(secretary.id);
      expect(await told).toEqual({ message: SESSION_EXPIRED });
      expect(await disconnected).toBe("io server disconnect");
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(other.connected).toBe(true);
    } finally {
      await swept.close();
    }
  });

  it("refuses a suspended user's next event", async () => {
    const { conversationId, business, socket } = await businessConnected();
    await db.user.update({ where: { id: business.id }, data: { suspendedAt: new Date() } });
    expect(await emitAck(socket, "messages:sync", { conversationId, afterSeq: 0 })).toEqual({
      ok: false,
      error: SESSION_EXPIRED,
    });
  });
});
