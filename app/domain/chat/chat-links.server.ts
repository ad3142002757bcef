// Where the pages' "Messages" links lead: a contract's conversation, or the mission thread of a
// proposal, for their participants only (NOT_FOUND for anyone else). A contract or a bid older than
// the chat has no conversation yet: it is opened then, in a transaction that a stranger's request
// rolls back, so asking changes nothing for her.
import { db, isUniqueConstraintError, type Tx } from "#app/lib/db.server";
import { conversationNotFound, requireParticipant } from "./chat-access.server";
import { announceConversation, openContractConversation, openMissionConversation } from "./chat-open.server";
import type { OpenedConversation } from "./chat-open.server";
import { participantsOf } from "./chat-participants";
import * as repo from "./chat.repo.server";

type Opener = (tx: Tx) => Promise<OpenedConversation | null>;

type Finder = () => Promise<{ id: string } | null>;

/** The existing conversation if the actor takes part in it; else opens it, for a participant only. */
async function conversationFor(actorId: string, find: Finder, open: Opener): Promise<string> {
  const existing = await find();
  if (existing) return (await requireParticipant(actorId, existing.id)).conversation.id;
  let opened: OpenedConversation;
  try {
    opened = await db.$transaction(async (tx) => {
      const conversation = await open(tx);
      const loaded = conversation && (await repo.loadConversation(conversation.id, tx));
      if (!loaded || !participantsOf(loaded).some((p) => p.id === actorId)) throw conversationNotFound();
      return conversation;
    });
  } catch (error) {
    // Both parties opening it at the same instant: the second finds the first's.
    const again = isUniqueConstraintError(error) && (await find());
    if (again) return (await requireParticipant(actorId, again.id)).conversation.id;
    throw error;
  }
  await announceConversation(opened);
  return opened.id;
}

export async function findContractConversationId(args: { actorId: string; contractId: string }) {
  const { actorId, contractId } = args;
  const find = () => repo.findContractConversation(db, contractId);
  return conversationFor(actorId, find, async (tx) =>
    (await repo.contractExists(tx, contractId)) ? openContractConversation(tx, { contractId }) : null,
  );
}

/** The conversation between the mission's business and the bidder of this proposal. */
export async function conversationIdForProposal(args: { actorId: string; proposalId: string }) {
  const bid = await repo.findProposalBid(db, args.proposalId);
  if (!bid) throw conversationNotFound();
  const find = () => repo.findMissionConversation(db, bid.missionId, bid.bidderKey);
  return conversationFor(args.actorId, find, (tx) => openMissionConversation(tx, bid));
}
