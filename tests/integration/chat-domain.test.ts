import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MASK } from "#app/domain/chat/chat-masking";
import { CATCH_UP_LIMIT } from "#app/domain/chat/chat.schema";
import { MESSAGE_LIMIT, resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import {
  conversationIdsFor,
  conversationParticipantIds,
  countUnreadMessages,
  getConversation,
  isConversationParticipant,
  listConversations,
  markConversationRead,
  messagesAfter,
  catchUpMessages,
  sendMessage,
} from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { setRealtimeBus, userRoom, type RealtimeBus } from "#app/lib/realtime-bus.server";
import {
  addBusinessMember,
  addReplacementAssignee,
  agencyMissionConversation,
  contractConversation,
  contractFromBid,
  activateContract,
  missionConversation,
  newClientId,
} from "#tests/factories/chat";
import { publishedSecretary } from "#tests/factories/proposals";
import { createStaff } from "#tests/factories/users";

type Emitted = { rooms: string | string[]; event: string; payload: any; except?: string | string[] };
let emitted: Emitted[] = [];
let joined: { userIds: string[]; room: string }[] = [];
const recordingBus: RealtimeBus = {
  emit: (rooms, event, payload, options) =>
    void emitted.push({ rooms, event, payload, except: options?.except }),
  join: (userIds, room) => void joined.push({ userIds, room }),
  isOnline: async () => true,
};

beforeEach(() => {
  resetMessageLimits();
  emitted = [];
  joined = [];
  setRealtimeBus(recordingBus);
});
afterEach(() => setRealtimeBus(null));

async function rejection(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const send = (actorId: string, conversationId: string, body: string, clientId: string = newClientId()) =>
  sendMessage({ actorId, conversationId, clientId, body });
const countMessages = (conversationId: string) => db.message.count({ where: { conversationId } });

describe("who takes part", () => {
  it("a mission thread: every member of the business and the bidder; a stranger gets NOT_FOUND", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    const colleague = await addBusinessMember(business.organization.id);
    const stranger = await publishedSecretary("Zoé Inconnue");
    const staff = await createStaff("ADMIN");
    expect((await conversationParticipantIds(conversationId)).sort()).toEqual(
      [business.id, colleague.id, secretary.id].sort(),
    );
    for (const insider of [business, colleague, secretary]) {
      expect(await isConversationParticipant(insider.id, conversationId)).toBe(true);
      expect(await conversationIdsFor(insider.id)).toContain(conversationId);
    }
    for (const outsider of [stranger, staff]) {
      expect(await isConversationParticipant(outsider.id, conversationId)).toBe(false);
      expect(await conversationIdsFor(outsider.id)).not.toContain(conversationId);
      expect((await rejection(getConversation({ actorId: outsider.id, conversationId }))).code).toBe(
        "NOT_FOUND",
      );
      expect((await rejection(send(outsider.id, conversationId, "Bonjour"))).code).toBe("NOT_FOUND");
      expect(
        (await rejection(messagesAfter({ actorId: outsider.id, conversationId, afterSeq: 0 }))).code,
      ).toBe("NOT_FOUND");
      expect(
        (await rejection(markConversationRead({ actorId: outsider.id, conversationId, seq: 1 }))).code,
      ).toBe("NOT_FOUND");
    }
    expect(await countMessages(conversationId)).toBe(0);
    const view = await getConversation({ actorId: colleague.id, conversationId });
    expect(view.participants.map((p) => [p.id, p.side])).toEqual(
      expect.arrayContaining([
        [business.id, "BUSINESS"],
        [colleague.id, "BUSINESS"],
        [secretary.id, "PROVIDER"],
      ]),
    );
  });

  it("an agency's bid: the owner and every member of the agency", async () => {
    const { business, owner, member, conversationId } = await agencyMissionConversation();
    expect((await conversationParticipantIds(conversationId)).sort()).toEqual(
      [business.id, owner.id, member.id].sort(),
    );
    expect(await conversationIdsFor(member.id)).toEqual([conversationId]);
    const summary = (await listConversations({ actorId: business.id }))[0]!;
    expect(summary).toMatchObject({ id: conversationId, kind: "MISSION", counterpart: "Agence Soleil" });
  });

  it("a contract thread: the parties and the non-cancelled assignees, a replacement included", async () => {
    const { contract, business, secretary, primaryAssigneeId, conversationId } = await contractConversation();
    const stand = await addReplacementAssignee(contract, primaryAssigneeId, secretary.id);
    const gone = await addReplacementAssignee(contract, primaryAssigneeId, secretary.id, true);
    expect((await conversationParticipantIds(conversationId)).sort()).toEqual(
      [business.id, secretary.id, stand.id].sort(),
    );
    expect(await isConversationParticipant(gone.id, conversationId)).toBe(false);
    await send(stand.id, conversationId, "Je remplace Claire du 1er au 10 décembre.");
    const view = await getConversation({ actorId: business.id, conversationId });
    expect(view).toMatchObject({ kind: "CONTRACT", contractId: contract.id, masking: false });
    expect(view.messages.map((m) => m.senderName)).toEqual(["Inès Roux"]);
  });
});

describe("sending", () => {
  it("numbers messages in order, and a retried clientId returns the written message without publishing", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    const first = await send(secretary.id, conversationId, "Bonjour", "client-1");
    await send(business.id, conversationId, "Bonjour, merci pour votre proposition.");
    await send(secretary.id, conversationId, "Avec plaisir.");
    expect(first).toMatchObject({
      created: true,
      message: { seq: 1, body: "Bonjour", clientId: "client-1" },
    });
    emitted = [];
    const retry = await send(secretary.id, conversationId, "Bonjour (renvoyé)", "client-1");
    expect(retry).toEqual({ created: false, message: first.message });
    expect(emitted).toEqual([]);
    const rows = await db.message.findMany({ where: { conversationId }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).lastSeq).toBe(3);
  });

  it("numbers concurrent sends without gaps or duplicates", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send(i % 2 ? business.id : secretary.id, conversationId, `Message ${i}`),
      ),
    );
    const rows = await db.message.findMany({ where: { conversationId }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("publishes the sender's view to her room and the others' view to the current participants' rooms", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    const { message } = await send(secretary.id, conversationId, "Mon numéro : 06 12 34 56 78");
    expect(emitted).toEqual([
      { rooms: userRoom(secretary.id), event: "message:new", payload: message, except: undefined },
      {
        rooms: [userRoom(business.id)],
        event: "message:new",
        payload: expect.objectContaining({ id: message.id, body: `Mon numéro : ${MASK}`, masked: true }),
        except: userRoom(secretary.id),
      },
    ]);
  });

  it("stores a script tag as plain text", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    const body = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    await send(secretary.id, conversationId, body);
    expect((await db.message.findFirstOrThrow({ where: { conversationId } })).body).toBe(body);
    const view = await getConversation({ actorId: business.id, conversationId });
    expect(view.messages[0]!.body).toBe(body);
  });

  it("refuses an oversized, empty or malformed message and writes nothing", async () => {
    const { secretary, conversationId } = await missionConversation();
    const tooLong = await rejection(send(secretary.id, conversationId, "a".repeat(5001)));
    expect(tooLong).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("trop long") });
    expect((await rejection(send(secretary.id, conversationId, "   \n "))).code).toBe("VALIDATION");
    expect((await rejection(send(secretary.id, conversationId, "Bonjour", "../x"))).code).toBe("VALIDATION");
    expect(await countMessages(conversationId)).toBe(0);
    expect((await send(secretary.id, conversationId, "a".repeat(5000))).created).toBe(true);
  });

  it("rate-limits a flood per user with a clear message, writing nothing more", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    for (let i = 0; i < MESSAGE_LIMIT.points; i++) await send(secretary.id, conversationId, `Message ${i}`);
    const refused = await rejection(send(secretary.id, conversationId, "Encore un"));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.message).toMatch(/^Vous envoyez trop de messages\. Réessayez dans \d+ secondes?\.$/);
    expect(await countMessages(conversationId)).toBe(MESSAGE_LIMIT.points);
    // Per user: the business can still answer.
    expect((await send(business.id, conversationId, "Doucement !")).created).toBe(true);
  });
});

describe("reading", () => {
  it("pages backwards by seq and catches up after a seq", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    for (let i = 1; i <= 5; i++)
      await send(i % 2 ? secretary.id : business.id, conversationId, `Message ${i}`);
    const latest = await getConversation({ actorId: business.id, conversationId, limit: 2 });
    expect(latest.messages.map((m) => m.seq)).toEqual([4, 5]);
    expect(latest).toMatchObject({ hasOlder: true, oldestSeq: 4, lastSeq: 5 });
    const older = await getConversation({ actorId: business.id, conversationId, beforeSeq: 4, limit: 2 });
    expect(older.messages.map((m) => m.body)).toEqual(["Message 2", "Message 3"]);
    expect(older.hasOlder).toBe(true);
    const oldest = await getConversation({ actorId: business.id, conversationId, beforeSeq: 2, limit: 2 });
    expect(oldest.messages.map((m) => m.seq)).toEqual([1]);
    expect(oldest.hasOlder).toBe(false);
    const missed = await messagesAfter({ actorId: secretary.id, conversationId, afterSeq: 2 });
    expect(missed.map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(await messagesAfter({ actorId: secretary.id, conversationId, afterSeq: 5 })).toEqual([]);
  });

  it("masks contact details for the other side until a contract is activated, and tells the sender", async () => {
    const parties = await missionConversation();
    const { business, secretary, conversationId } = parties;
    const body = "Écrivez-moi à claire@exemple.fr ou au +33 6 12 34 56 78.";
    await send(secretary.id, conversationId, body);
    const stored = await db.message.findFirstOrThrow({ where: { conversationId } });
    expect(stored).toMatchObject({ body, maskedBody: `Écrivez-moi à ${MASK} ou au ${MASK}.` });
    const theirs = await getConversation({ actorId: business.id, conversationId });
    expect(theirs.masking).toBe(true);
    expect(theirs.messages[0]).toMatchObject({
      body: stored.maskedBody,
      masked: true,
      maskedForOthers: false,
    });
    const mine = await getConversation({ actorId: secretary.id, conversationId });
    expect(mine.messages[0]).toMatchObject({ body, masked: false, maskedForOthers: true });
    const [summary] = await listConversations({ actorId: business.id });
    expect(summary!.lastMessage!.excerpt).not.toContain("claire@exemple.fr");

    // A contract still PENDING can be cancelled: the details stay hidden until both sides accept.
    const contract = await contractFromBid(parties);
    const pending = await getConversation({ actorId: business.id, conversationId });
    expect(pending.masking).toBe(true);
    expect(pending.messages[0]).toMatchObject({ body: stored.maskedBody, masked: true });

    await activateContract(contract);
    const after = await getConversation({ actorId: business.id, conversationId });
    expect(after.masking).toBe(false);
    expect(after.messages[0]).toMatchObject({ body, masked: false });
  });

  it("masks a contract thread while its contract is not activated, not after", async () => {
    const { business, secretary, conversationId, contract } = await contractConversation({
      status: "PENDING",
    });
    await send(secretary.id, conversationId, "Mon portable : 06.12.34.56.78");
    const pending = await getConversation({ actorId: business.id, conversationId });
    expect(pending.messages[0]).toMatchObject({ body: `Mon portable : ${MASK}`, masked: true });
    await activateContract(contract);
    const view = await getConversation({ actorId: business.id, conversationId });
    expect(view.messages[0]).toMatchObject({ body: "Mon portable : 06.12.34.56.78", masked: false });
  });

  it("keeps read marks monotonic, counts unread messages and shows the others' marks", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    await send(business.id, conversationId, "Bonjour, des questions ?");
    for (let i = 1; i <= 3; i++) await send(secretary.id, conversationId, `Question ${i}`);
    expect(await countUnreadMessages(business.id)).toBe(3);
    // Writing in a conversation reads it.
    expect(await countUnreadMessages(secretary.id)).toBe(0);
    const [summary] = await listConversations({ actorId: business.id });
    expect(summary).toMatchObject({
      unreadCount: 3,
      lastMessage: { excerpt: "Question 3", senderName: "Claire Morel" },
      missionTitle: "Accueil téléphonique du cabinet",
      counterpart: "Claire Morel",
    });

    emitted = [];
    expect(await markConversationRead({ actorId: business.id, conversationId, seq: 2 })).toEqual({
      lastReadSeq: 2,
    });
    expect(emitted).toEqual([
      expect.objectContaining({
        event: "message:read",
        payload: { conversationId, userId: business.id, seq: 2 },
      }),
    ]);
    expect(await countUnreadMessages(business.id)).toBe(2);
    expect(await markConversationRead({ actorId: business.id, conversationId, seq: 1 })).toEqual({
      lastReadSeq: 2,
    });
    expect(await markConversationRead({ actorId: business.id, conversationId, seq: 99 })).toEqual({
      lastReadSeq: 4,
    });
    expect(await countUnreadMessages(business.id)).toBe(0);
    const view = await getConversation({ actorId: secretary.id, conversationId });
    expect(view.readMarks).toEqual([{ userId: business.id, name: "Anne Lefèvre", lastReadSeq: 4 }]);
  });

  it("shows only the other side's read marks: a colleague reading is not « Lu »", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    const colleague = await addBusinessMember(business.organization.id);
    await send(business.id, conversationId, "Bonjour");
    await markConversationRead({ actorId: colleague.id, conversationId, seq: 1 });
    const view = await getConversation({ actorId: business.id, conversationId });
    expect(view.readMarks).toEqual([{ userId: secretary.id, name: "Claire Morel", lastReadSeq: 0 }]);
  });

  it("two first reads at once (two tabs) both succeed and the mark is the higher one", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    for (let i = 1; i <= 3; i++) await send(secretary.id, conversationId, `Question ${i}`);
    const reads = await Promise.all([
      markConversationRead({ actorId: business.id, conversationId, seq: 2 }),
      markConversationRead({ actorId: business.id, conversationId, seq: 3 }),
      markConversationRead({ actorId: business.id, conversationId, seq: 1 }),
    ]);
    expect(reads.map((r) => r.lastReadSeq)).toContain(3);
    const mark = await db.conversationRead.findUniqueOrThrow({
      where: { conversationId_userId: { conversationId, userId: business.id } },
    });
    expect(mark.lastReadSeq).toBe(3);
  });

  it("catches up page after page: hasMore until the last message", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    await db.conversation.update({ where: { id: conversationId }, data: { lastSeq: CATCH_UP_LIMIT + 5 } });
    await db.message.createMany({
      data: Array.from({ length: CATCH_UP_LIMIT + 5 }, (_, i) => ({
        conversationId,
        senderId: secretary.id,
        clientId: `bulk-${String(i).padStart(4, "0")}`,
        seq: i + 1,
        body: `Message ${i + 1}`,
      })),
    });
    const first = await catchUpMessages({ actorId: business.id, conversationId, afterSeq: 0 });
    expect(first.messages).toHaveLength(CATCH_UP_LIMIT);
    expect(first.hasMore).toBe(true);
    const rest = await catchUpMessages({ actorId: business.id, conversationId, afterSeq: CATCH_UP_LIMIT });
    expect(rest.messages.map((m) => m.seq)).toEqual([201, 202, 203, 204, 205]);
    expect(rest.hasMore).toBe(false);
  });
});
