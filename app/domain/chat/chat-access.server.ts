// Who may read and write a conversation, derived at every call from the mission, the bid and the
// contract (see chat-participants.ts). A stranger gets NOT_FOUND: she learns nothing.
import { DomainError } from "#app/lib/domain-error";
import { participantsOf } from "./chat-participants";
import type { ConversationParticipant } from "./chat.schema";
import * as accessRepo from "./chat-access.repo.server";
import * as repo from "./chat.repo.server";

export const conversationNotFound = () => new DomainError("NOT_FOUND", "Cette conversation est introuvable.");

export type Conversation = repo.LoadedConversation & { participants: ConversationParticipant[] };

const withParticipants = (conversation: repo.LoadedConversation): Conversation => ({
  ...conversation,
  participants: participantsOf(conversation),
});

export async function loadWithParticipants(conversationId: string): Promise<Conversation | null> {
  const conversation = await repo.loadConversation(conversationId);
  return conversation ? withParticipants(conversation) : null;
}

/** Many at once, in the order of `ids` (a bounded number of queries: see repo.loadConversations). */
export async function loadManyWithParticipants(ids: string[]): Promise<Conversation[]> {
  return (await repo.loadConversations(ids)).map(withParticipants);
}

/** The conversation and the actor's side in it; NOT_FOUND for anyone else. */
export async function requireParticipant(actorId: string, conversationId: string) {
  const conversation = await loadWithParticipants(conversationId);
  const me = conversation?.participants.find((p) => p.id === actorId);
  if (!conversation || !me) throw conversationNotFound();
  return { conversation, me };
}

type Maskable = { kind: string; missionId: string; bidderKey: string | null; contractActivated?: boolean };
const bidOf = (c: Maskable) => (c.kind === "MISSION" && c.bidderKey ? c.bidderKey : null);

/**
 * Contact details are hidden from the other side until a contract is ACTIVATED (both sides
 * accepted; a pending one can still be cancelled): a MISSION thread until a contract from its bid
 * is, a CONTRACT thread until its own is. For many conversations at once (one query): the answer
 * tells, for each of them, whether it masks.
 */
export async function maskingOf<T extends Maskable>(
  conversations: T[],
): Promise<(conversation: T) => boolean> {
  const bids = conversations.flatMap((c) => {
    const bidderKey = bidOf(c);
    return bidderKey ? [{ missionId: c.missionId, bidderKey }] : [];
  });
  const contracted = await repo.findContractedBids(bids);
  return (c) => {
    if (c.kind === "CONTRACT") return !c.contractActivated;
    const bidderKey = bidOf(c);
    return bidderKey !== null && !contracted.has(repo.bidId(c.missionId, bidderKey));
  };
}

export async function isMasking(conversation: Maskable): Promise<boolean> {
  return (await maskingOf([conversation]))(conversation);
}

/** What the socket events need (send, sync, read, join): the participants and the masking, one query. */
export type ConversationAccess = accessRepo.ConversationAccessRow & { masking: boolean };

export async function loadAccess(conversationId: string): Promise<ConversationAccess | null> {
  const access = await accessRepo.findConversationAccess(conversationId);
  if (!access) return null;
  const maskable = access.kind === "CONTRACT" || bidOf(access) !== null;
  return { ...access, masking: maskable && !access.contracted };
}

/** The same check as requireParticipant, in one query, for the paths that need no names of sides. */
export async function requireAccess(actorId: string, conversationId: string) {
  const access = await loadAccess(conversationId);
  const me = access?.participants.find((p) => p.id === actorId);
  if (!access || !me) throw conversationNotFound();
  return { access, me };
}

export async function isConversationParticipant(actorId: string, conversationId: string): Promise<boolean> {
  const access = await loadAccess(conversationId);
  return access?.participants.some((p) => p.id === actorId) ?? false;
}

export async function conversationParticipantIds(conversationId: string): Promise<string[]> {
  const access = await loadAccess(conversationId);
  return access?.participants.map((p) => p.id) ?? [];
}

/** The rooms a socket joins when it connects. */
export async function conversationIdsFor(actorId: string): Promise<string[]> {
  return repo.findConversationIdsFor(actorId);
}
