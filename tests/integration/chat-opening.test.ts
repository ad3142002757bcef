import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  consumeMessagePoint,
  MESSAGE_LIMIT,
  resetMessageLimits,
} from "#app/domain/chat/chat-rate-limit.server";
import {
  askQuestion,
  conversationParticipantIds,
  getConversation,
  listConversations,
} from "#app/domain/chat/chat.server";
import { acceptProposal } from "#app/domain/contracts/contract-creation.server";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { submitProposal } from "#app/domain/proposals/proposals.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { conversationRoom, setRealtimeBus, type RealtimeBus } from "#app/lib/realtime-bus.server";
import { newClientId } from "#tests/factories/chat";
import { openMissionWithBusiness, publishedSecretary, signPledgeFor } from "#tests/factories/proposals";
import { createBusiness } from "#tests/factories/users";

type Emitted = { rooms: string | string[]; event: string; payload: unknown };
let emitted: Emitted[] = [];
let joined: { userIds: string[]; room: string }[] = [];
const recordingBus: RealtimeBus = {
  emit: (rooms, event, payload) => void emitted.push({ rooms, event, payload }),
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

describe("opening conversations", () => {
  const day = (n: number) => addDays(parisToday(), n);
  const bid = {
    coverLetter: "Secrétaire médicale depuis dix ans, je connais Doctolib.",
    startDate: day(7),
    memberIds: [],
    terms: { hourlyRateCents: 2800, taskPrices: [], fixedAmountCents: null, milestones: [] },
  };

  it("a question before bidding opens the thread; a bid and the contract reuse or open theirs", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const { conversationId } = await askQuestion({
      actorId: secretary.id,
      missionId: mission.id,
      clientId: newClientId(),
      body: "Faut-il connaître Doctolib ?",
    });
    expect(joined).toEqual([
      {
        userIds: expect.arrayContaining([business.id, secretary.id]),
        room: conversationRoom(conversationId),
      },
    ]);
    expect(emitted.filter((e) => e.event === "conversation:new")).toHaveLength(1);
    const proposal = await submitProposal({ actorId: secretary.id, missionId: mission.id, input: bid });
    if (!proposal.ok) throw new Error("bid refused");
    expect(await db.conversation.count({ where: { missionId: mission.id } })).toBe(1);
    const { contractId } = await acceptProposal({ actorId: business.id, proposalId: proposal.proposalId });
    const thread = await db.conversation.findUniqueOrThrow({ where: { contractId } });
    expect(await conversationParticipantIds(thread.id)).toEqual(
      expect.arrayContaining([business.id, secretary.id]),
    );
    // The contract is only PENDING (cancellable): contact details stay hidden until it is activated.
    const view = await getConversation({ actorId: business.id, conversationId });
    expect(view.masking).toBe(true);
  });

  it("a failed announcement after the commit does not turn a committed bid into an error", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    setRealtimeBus({
      ...recordingBus,
      join: () => {
        throw new Error("bus down");
      },
    });
    const proposal = await submitProposal({ actorId: secretary.id, missionId: mission.id, input: bid });
    expect(proposal.ok).toBe(true);
    expect(await db.conversation.count({ where: { missionId: mission.id } })).toBe(1);
    const [summary] = await listConversations({ actorId: business.id });
    expect(summary).toMatchObject({ kind: "MISSION" });
  });

  it("a bid without a question opens the thread", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    await submitProposal({ actorId: secretary.id, missionId: mission.id, input: bid });
    const [summary] = await listConversations({ actorId: business.id });
    expect(summary).toMatchObject({ kind: "MISSION", lastMessage: null, unreadCount: 0 });
  });

  it("only someone who may bid asks a question; medical secrecy needs the pledge", async () => {
    const { business, mission } = await openMissionWithBusiness({ medicalSecrecy: true });
    const secretary = await publishedSecretary();
    const otherBusiness = await createBusiness();
    const ask = (actorId: string) =>
      askQuestion({ actorId, missionId: mission.id, clientId: newClientId(), body: "Bonjour ?" });
    expect((await rejection(ask(secretary.id))).code).toBe("FORBIDDEN");
    expect((await rejection(ask(business.id))).code).toBe("FORBIDDEN");
    expect((await rejection(ask(otherBusiness.id))).code).toBe("FORBIDDEN");
    expect(await db.conversation.count({ where: { missionId: mission.id } })).toBe(0);
    await signPledgeFor(secretary.id);
    const { conversationId } = await ask(secretary.id);
    const view = await getConversation({ actorId: secretary.id, conversationId });
    expect(view).toMatchObject({ medicalSecrecy: true, masking: true });
    expect(view.messages).toHaveLength(1);
  });

  it("a refused question (too long, or too many messages) leaves no conversation behind", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const ask = (body: string, clientId: string = newClientId()) =>
      askQuestion({ actorId: secretary.id, missionId: mission.id, clientId, body });
    expect((await rejection(ask("x".repeat(5001)))).code).toBe("VALIDATION");
    for (let i = 0; i < MESSAGE_LIMIT.points; i++) await consumeMessagePoint(secretary.id);
    const limited = await rejection(ask("Bonjour, quels sont vos horaires ?", "refused-question"));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.message).toMatch(/trop de messages/);
    expect(await db.conversation.count({ where: { missionId: mission.id } })).toBe(0);
    expect(await db.message.count({ where: { senderId: secretary.id } })).toBe(0);
    expect(emitted).toEqual([]);
    resetMessageLimits();
    const { conversationId } = await ask("Bonjour, quels sont vos horaires ?", "refused-question");
    const view = await getConversation({ actorId: secretary.id, conversationId });
    expect(view.messages.map((m) => m.body)).toEqual(["Bonjour, quels sont vos horaires ?"]);
    expect(emitted.map((e) => e.event)).toEqual(["conversation:new", "message:new", "message:new"]);
  });
});
