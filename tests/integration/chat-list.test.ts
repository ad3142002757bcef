// The conversation list and the header badge over many conversations at once (they are read in a
// bounded number of queries): each conversation keeps its own last message, unread count and masking.
import { beforeEach, describe, expect, it } from "vitest";
import { MASK } from "#app/domain/chat/chat-masking";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import {
  conversationIdsFor,
  countUnreadMessages,
  listConversations,
  markConversationRead,
  openMissionConversation,
  sendMessage,
} from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import { contractConversation, missionConversation, newClientId } from "#tests/factories/chat";
import { createBid, publishedSecretary } from "#tests/factories/proposals";

beforeEach(() => resetMessageLimits());

const models = [
  "conversation",
  "conversationRead",
  "message",
  "membership",
  "user",
  "organization",
  "contract",
  "proposal",
] as const;
const reads = [
  "findMany",
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "count",
  "groupBy",
  "aggregate",
] as const;

/** How many database reads `work` makes (every read method of the models chat uses, and raw SQL). */
async function countQueries(work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const restore: (() => void)[] = [];
  // Prisma's delegates are proxies: wrap the bound original so the query still runs, then put it back.
  const counted = (target: Record<string, unknown>, method: string) => {
    const original = target[method] as (...args: unknown[]) => unknown;
    if (typeof original !== "function") return;
    target[method] = (...args: unknown[]) => {
      count++;
      return original.apply(target, args);
    };
    restore.push(() => (target[method] = original));
  };
  counted(db as never, "$queryRaw");
  for (const model of models) for (const method of reads) counted(db[model] as never, method);
  try {
    await work();
  } finally {
    for (const undo of restore) undo();
  }
  return count;
}

const send = (actorId: string, conversationId: string, body: string) =>
  sendMessage({ actorId, conversationId, clientId: newClientId(), body });

async function threeConversations() {
  const first = await missionConversation();
  const { business, mission, secretary } = first;
  const nina = await publishedSecretary("Nina Autre");
  await createBid(mission.id, nina);
  const second = await openMissionConversation(db, { missionId: mission.id, bidderKey: `user:${nina.id}` });
  const contract = await contractConversation({ business, secretary });
  return { business, secretary, nina, ids: [first.conversationId, second.id, contract.conversationId] };
}

describe("listing many conversations", () => {
  it("keeps each conversation's last message, unread count and masking apart", async () => {
    const { business, secretary, nina, ids } = await threeConversations();
    const [mission1, mission2, contract] = ids as [string, string, string];
    await send(secretary.id, mission1, "Bonjour !");
    await send(secretary.id, mission1, "Écrivez-moi à claire@exemple.fr.");
    await send(nina.id, mission2, "Je suis disponible lundi.");
    await send(business.id, mission2, "Parfait, merci.");
    await send(secretary.id, contract, "Mon courriel : claire@exemple.fr");
    await markConversationRead({ actorId: business.id, conversationId: mission1, seq: 1 });

    const list = await listConversations({ actorId: business.id });
    expect(list.map((c) => c.id)).toEqual(await conversationIdsFor(business.id));
    const byId = new Map(list.map((c) => [c.id, c]));
    expect(byId.get(mission1)).toMatchObject({
      kind: "MISSION",
      counterpart: "Claire Morel",
      unreadCount: 1,
      lastMessage: { excerpt: `Écrivez-moi à ${MASK}.`, senderName: "Claire Morel" },
    });
    expect(byId.get(mission2)).toMatchObject({
      counterpart: "Nina Autre",
      unreadCount: 0, // she answered last: sending reads the conversation
      lastMessage: { excerpt: "Parfait, merci.", senderName: "Anne Lefèvre" },
    });
    expect(byId.get(contract)).toMatchObject({
      kind: "CONTRACT",
      unreadCount: 1,
      lastMessage: { excerpt: "Mon courriel : claire@exemple.fr" },
    });
    expect(await countUnreadMessages(business.id)).toBe(2);

    const hers = await listConversations({ actorId: secretary.id });
    expect(hers.map((c) => c.id).sort()).toEqual([mission1, contract].sort());
    expect(hers.find((c) => c.id === mission1)).toMatchObject({
      counterpart: "Cabinet Lefèvre",
      unreadCount: 0,
      lastMessage: { excerpt: "Écrivez-moi à claire@exemple.fr." },
    });
    expect(await countUnreadMessages(secretary.id)).toBe(0);
    expect(await countUnreadMessages(nina.id)).toBe(1);
    expect((await listConversations({ actorId: nina.id })).map((c) => c.id)).toEqual([mission2]);
  });

  it("answers an empty list and a zero badge to someone without conversations", async () => {
    const loner = await publishedSecretary("Léa Seule");
    expect(await listConversations({ actorId: loner.id })).toEqual([]);
    expect(await countUnreadMessages(loner.id)).toBe(0);
  });

  it("reads as many times for three conversations as for one", async () => {
    const { business, secretary, nina, ids } = await threeConversations();
    for (const id of ids) await send(id === ids[1] ? nina.id : secretary.id, id, "Bonjour !");
    const badge = await countQueries(() => countUnreadMessages(business.id));
    expect(badge).toBe(await countQueries(() => countUnreadMessages(nina.id)));
    expect(badge).toBe(3); // the conversation ids (2), then one aggregate
    const list = await countQueries(() => listConversations({ actorId: business.id }));
    expect(list).toBe(await countQueries(() => listConversations({ actorId: nina.id })));
    expect(list).toBeGreaterThan(3);
    expect(list).toBeLessThanOrEqual(10);
  });
});
