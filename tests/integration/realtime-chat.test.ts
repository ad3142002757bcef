// The chat over real sockets and a real SQLite file: who may send, read, sync, join and type in a
// conversation, idempotent retries, catch-up after a reconnection, text delivered as text.
import { describe, expect, it } from "vitest";
import { announceConversation, openMissionConversation } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import { addReplacementAssignee, contractConversation } from "#tests/factories/chat";
import { openMission } from "#tests/factories/mission-rows";
import { createBusiness, createSecretary } from "#tests/factories/users";
import {
  collect,
  connectAs,
  emitAck,
  messageCount,
  missionConversation,
  newClientId,
  nextEvent,
  useRealtimeInstance,
} from "./realtime-harness";

const instance = useRealtimeInstance();

const NOT_FOUND = "Cette conversation est introuvable.";

async function everyoneConnected() {
  const parties = await missionConversation();
  const [business, secretary, outsider] = await Promise.all(
    [parties.business, parties.secretary, parties.outsider].map((u) => connectAs(instance().url, u.id)),
  );
  return { ...parties, sockets: { business: business!, secretary: secretary!, outsider: outsider! } };
}

describe("message:send", () => {
  it("persists, acknowledges, and delivers to the other participant only", async () => {
    const { conversationId, business, sockets } = await everyoneConnected();
    const received = nextEvent(sockets.secretary, "message:new");
    const outsiderSaw = collect(sockets.outsider, "message:new", 500);

    const ack = await emitAck(sockets.business, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "Bonjour Claire",
    });

    expect(ack).toMatchObject({
      ok: true,
      message: { conversationId, seq: 1, senderId: business.id, body: "Bonjour Claire" },
    });
    expect(await received).toMatchObject({
      id: (ack as any).message.id,
      body: "Bonjour Claire",
      senderName: "Inès Roux",
    });
    expect(await outsiderSaw).toEqual([]);
    expect(await messageCount(conversationId)).toBe(1);
  });

  it("refuses an outsider and writes nothing", async () => {
    const { conversationId, sockets } = await everyoneConnected();
    const secretarySaw = collect(sockets.secretary, "message:new", 400);
    const ack = await emitAck(sockets.outsider, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "Je m’invite",
    });
    expect(ack).toEqual({ ok: false, error: NOT_FOUND });
    expect(await secretarySaw).toEqual([]);
    expect(await messageCount(conversationId)).toBe(0);
  });

  it("writes a retried send once (same clientId), sequentially or concurrently", async () => {
    const { conversationId, sockets } = await everyoneConnected();
    const payload = { conversationId, clientId: newClientId(), body: "Envoyé deux fois" };
    const first = await emitAck(sockets.business, "message:send", payload);
    const retry = await emitAck(sockets.business, "message:send", payload);
    expect(retry).toEqual(first);

    const racing = { conversationId, clientId: newClientId(), body: "Deux onglets, un message" };
    const [a, b] = await Promise.all([
      emitAck(sockets.business, "message:send", racing),
      emitAck(sockets.business, "message:send", racing),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect((b as any).message?.id).toBe((a as any).message.id);
    expect(await messageCount(conversationId)).toBe(2);
  });

  it("delivers a script tag as the plain text it was, stored unchanged", async () => {
    const { conversationId, sockets } = await everyoneConnected();
    const body = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;
    const received = nextEvent(sockets.secretary, "message:new");
    expect(
      await emitAck(sockets.business, "message:send", { conversationId, clientId: newClientId(), body }),
    ).toMatchObject({ ok: true });
    expect((await received).body).toBe(body);
    expect(await db.message.findFirstOrThrow({ where: { conversationId }, select: { body: true } })).toEqual({
      body,
    });
  });
});

describe("catch-up after a reconnection", () => {
  it("messages:sync returns what was sent while the socket was away, and the new socket is back in the room", async () => {
    const { conversationId, secretary, sockets } = await everyoneConnected();
    const send = (body: string) =>
      emitAck(sockets.business, "message:send", { conversationId, clientId: newClientId(), body });
    const seen = nextEvent(sockets.secretary, "message:new");
    await send("Premier");
    const lastSeen = (await seen).seq as number;

    sockets.secretary.disconnect();
    await send("Pendant la coupure 1");
    await send("Pendant la coupure 2");

    const back = await connectAs(instance().url, secretary.id);
    const sync = await emitAck(back, "messages:sync", { conversationId, afterSeq: lastSeen });
    expect(sync.ok && (sync.messages as { body: string; seq: number }[]).map((m) => [m.seq, m.body])).toEqual(
      [
        [2, "Pendant la coupure 1"],
        [3, "Pendant la coupure 2"],
      ],
    );
    const live = nextEvent(back, "message:new");
    await send("Après le retour");
    expect(await live).toMatchObject({ seq: 4 });
  });

  it("refuses an outsider's sync", async () => {
    const { conversationId, sockets } = await everyoneConnected();
    await emitAck(sockets.business, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "Privé",
    });
    expect(await emitAck(sockets.outsider, "messages:sync", { conversationId, afterSeq: 0 })).toEqual({
      ok: false,
      error: NOT_FOUND,
    });
  });
});

describe("message:read", () => {
  it("records the mark and tells the other participant", async () => {
    const { conversationId, secretary, sockets } = await everyoneConnected();
    await emitAck(sockets.business, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "Lu ?",
    });
    const receipt = nextEvent(sockets.business, "message:read");
    expect(await emitAck(sockets.secretary, "message:read", { conversationId, seq: 1 })).toEqual({
      ok: true,
      lastReadSeq: 1,
    });
    expect(await receipt).toEqual({ conversationId, userId: secretary.id, seq: 1 });
  });

  it("refuses an outsider and writes no read mark", async () => {
    const { conversationId, outsider, sockets } = await everyoneConnected();
    await emitAck(sockets.business, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "Lu ?",
    });
    const businessSaw = collect(sockets.business, "message:read", 400);
    expect(await emitAck(sockets.outsider, "message:read", { conversationId, seq: 1 })).toEqual({
      ok: false,
      error: NOT_FOUND,
    });
    expect(await businessSaw).toEqual([]);
    expect(await db.conversationRead.count({ where: { conversationId, userId: outsider.id } })).toBe(0);
  });
});

describe("conversation:join", () => {
  it("refuses a forged join: the outsider never receives the conversation's messages", async () => {
    const { conversationId, sockets } = await everyoneConnected();
    expect(await emitAck(sockets.outsider, "conversation:join", { conversationId })).toEqual({
      ok: false,
      error: NOT_FOUND,
    });
    const outsiderSaw = collect(sockets.outsider, "message:new", 500);
    await emitAck(sockets.business, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "Entre nous",
    });
    expect(await outsiderSaw).toEqual([]);
  });

  it("lets a participant whose socket predates the conversation join its room", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    const early = await connectAs(instance().url, secretary.id);
    const businessSocket = await connectAs(instance().url, business.id);
    // Simulates a socket opened before the conversation: it leaves the room, then asks to join.
    instance().realtime.io.in(`user:${secretary.id}`).socketsLeave(`conversation:${conversationId}`);
    expect(await emitAck(early, "conversation:join", { conversationId })).toEqual({ ok: true });
    const received = nextEvent(early, "message:new");
    await emitAck(businessSocket, "message:send", {
      conversationId,
      clientId: newClientId(),
      body: "Bienvenue",
    });
    expect(await received).toMatchObject({ body: "Bienvenue" });
  });
});

describe("a conversation opened while its participants are online", () => {
  it("puts their sockets in its room through the bus, without a join", async () => {
    const business = await createBusiness({ displayName: "Inès Roux" });
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const mission = await openMission(business);
    const [businessSocket, secretarySocket] = await Promise.all([
      connectAs(instance().url, business.id),
      connectAs(instance().url, secretary.id),
    ]);
    const opened = await db.$transaction((tx) =>
      openMissionConversation(tx, { missionId: mission.id, bidderKey: `user:${secretary.id}` }),
    );
    const announced = nextEvent(secretarySocket!, "conversation:new");
    await announceConversation(opened);
    expect(await announced).toEqual({ conversationId: opened.id });

    const received = nextEvent(secretarySocket!, "message:new");
    const payload = { conversationId: opened.id, clientId: newClientId(), body: "Première question" };
    expect(await emitAck(businessSocket!, "message:send", payload)).toMatchObject({ ok: true });
    expect(await received).toMatchObject({ body: "Première question" });
  });
});

describe("typing", () => {
  it("reaches the other side with the typist's name, throttled, never her own other sockets", async () => {
    const { conversationId, business, sockets } = await everyoneConnected();
    const secondTab = await connectAs(instance().url, business.id);
    const secretarySaw = collect(sockets.secretary, "typing", 500);
    const ownTabSaw = collect(secondTab, "typing", 500);
    sockets.business.emit("typing", { conversationId });
    sockets.business.emit("typing", { conversationId });
    expect(await secretarySaw).toEqual([{ conversationId, userId: business.id, name: "Inès Roux" }]);
    expect(await ownTabSaw).toEqual([]);
  });

  it("is refused for a room the socket did not join", async () => {
    const { conversationId, sockets } = await everyoneConnected();
    const secretarySaw = collect(sockets.secretary, "typing", 400);
    expect(await emitAck(sockets.outsider, "typing", { conversationId })).toEqual({
      ok: false,
      error: NOT_FOUND,
    });
    sockets.outsider.emit("typing", { conversationId });
    expect(await secretarySaw).toEqual([]);
  });
});

describe("people who left a conversation", () => {
  it("a cancelled replacement hears nothing more of the contract thread, and her typing is refused", async () => {
    const { contract, business, secretary, primaryAssigneeId, conversationId } = await contractConversation();
    const stand = await addReplacementAssignee(contract, primaryAssigneeId, business.id);
    const [businessSocket, secretarySocket, standSocket] = await Promise.all(
      [business.id, secretary.id, stand.id].map((id) => connectAs(instance().url, id)),
    );
    // Her socket joined the conversation's room when it connected; then the replacement is cancelled.
    await db.contractAssignee.updateMany({ where: { userId: stand.id }, data: { cancelledAt: new Date() } });
    const standSaw = collect(standSocket!, "message:new", 300);
    const secretaryGot = nextEvent(secretarySocket!, "message:new");
    const body = "Nouvelles consignes pour lundi";
    expect(
      await emitAck(businessSocket!, "message:send", { conversationId, clientId: newClientId(), body }),
    ).toMatchObject({ ok: true });
    expect(await secretaryGot).toMatchObject({ body });
    expect(await standSaw).toEqual([]);
    expect(await emitAck(standSocket!, "typing", { conversationId })).toEqual({
      ok: false,
      error: NOT_FOUND,
    });
    const readSaw = collect(standSocket!, "message:read", 300);
    await emitAck(secretarySocket!, "message:read", { conversationId, seq: 1 });
    expect(await readSaw).toEqual([]);
  });

  it("before activation, the other side receives the masked body live", async () => {
    const { conversationId, sockets } = await everyoneConnected();
    const received = nextEvent(sockets.business, "message:new");
    const body = "Appelez-moi au 06 12 34 56 78";
    const ack = await emitAck(sockets.secretary, "message:send", {
      conversationId,
      clientId: newClientId(),
      body,
    });
    expect(ack).toMatchObject({ ok: true, message: { body, maskedForOthers: true } });
    const theirs = await received;
    expect(theirs).toMatchObject({ masked: true });
    expect(theirs.body).not.toContain("06 12 34 56 78");
  });
});
