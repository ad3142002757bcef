// A retried send is found by the insert hitting the (senderId, clientId) index, not by a lookup
// before it: it must still return the written message, spend no point of the rate limit, and get
// its message back even once the sender has reached the limit.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import { sendMessage } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import { setRealtimeBus } from "#app/lib/realtime-bus.server";
import { missionConversation, newClientId } from "#tests/factories/chat";

beforeEach(() => {
  resetMessageLimits();
  setRealtimeBus({ emit: () => {}, join: () => {}, isOnline: async () => true });
});
afterEach(() => setRealtimeBus(null));

const send = (actorId: string, conversationId: string, clientId: string, body = "Bonjour") =>
  sendMessage({ actorId, conversationId, clientId, body });

describe("retried sends", () => {
  it("spend no point of the rate limit", async () => {
    const { business, conversationId } = await missionConversation();
    const first = await send(business.id, conversationId, "retried-1");
    for (let i = 0; i < 5; i++) {
      expect(await send(business.id, conversationId, "retried-1")).toEqual({
        created: false,
        message: first.message,
      });
    }
    for (let i = 1; i < MESSAGE_LIMIT.points; i++) {
      expect((await send(business.id, conversationId, newClientId(), `n° ${i}`)).created).toBe(true);
    }
    expect(await db.message.count({ where: { conversationId } })).toBe(MESSAGE_LIMIT.points);
  });

  it("get their message back at the limit, when a new message is refused", async () => {
    const { business, conversationId } = await missionConversation();
    const first = await send(business.id, conversationId, "retried-2");
    for (let i = 1; i < MESSAGE_LIMIT.points; i++) await send(business.id, conversationId, newClientId());
    await expect(send(business.id, conversationId, newClientId())).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(await send(business.id, conversationId, "retried-2")).toEqual({
      created: false,
      message: first.message,
    });
    expect(await db.message.count({ where: { conversationId } })).toBe(MESSAGE_LIMIT.points);
  });

  it("refuse a clientId already used in another conversation, and write nothing", async () => {
    const one = await missionConversation();
    await send(one.secretary.id, one.conversationId, "shared-id");
    const other = await missionConversation();
    await expect(send(other.business.id, other.conversationId, "shared-id")).resolves.toMatchObject({
      created: true,
    });
    // She joins the other business too: she may write there, but not with the same clientId.
    await db.membership.create({
      data: { userId: one.secretary.id, organizationId: other.business.organization.id, role: "MEMBER" },
    });
    await expect(send(one.secretary.id, other.conversationId, "shared-id")).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.message.count({ where: { conversationId: other.conversationId } })).toBe(1);
  });
});
