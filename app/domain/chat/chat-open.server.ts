// Where conversations come from: a bid or an offer opens the mission thread between the business
// and that bidder, a would-be bidder's question opens it early, a contract opens its own thread.
import { loadBidContext, OFFER_PENDING_MESSAGE } from "#app/domain/proposals/bid-context.server";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { parseOrThrow } from "#app/lib/validation";
import { logger } from "#app/server/logger";
import { maskContactDetails } from "./chat-masking";
import { deliverWrittenMessage } from "./chat-messages.server";
import * as messages from "./chat-messages.repo.server";
import { publishConversationOpened } from "./chat-publish.server";
import { consumeMessagePoint } from "./chat-rate-limit.server";
import { askQuestionSchema } from "./chat.schema";
import * as repo from "./chat.repo.server";

export type OpenedConversation = { id: string; created: boolean };

/** Upsert, inside the caller's transaction; call publishConversationOpened after its commit. */
export async function openMissionConversation(
  tx: Tx | typeof db,
  { missionId, bidderKey }: { missionId: string; bidderKey: string },
): Promise<OpenedConversation> {
  const existing = await repo.findMissionConversation(tx, missionId, bidderKey);
  if (existing) return { id: existing.id, created: false };
  const created = await repo.createMissionConversation(tx, missionId, bidderKey);
  return { id: created.id, created: true };
}

export async function openContractConversation(
  tx: Tx | typeof db,
  { contractId }: { contractId: string },
): Promise<OpenedConversation> {
  const existing = await repo.findContractConversation(tx, contractId);
  if (existing) return { id: existing.id, created: false };
  const created = await repo.createContractConversation(tx, contractId);
  return { id: created.id, created: true };
}

/** Publishes `conversation:new` for a conversation a use case has just opened (after its commit). */
export async function announceConversation(opened: OpenedConversation | null | undefined): Promise<void> {
  if (!opened?.created) return;
  try {
    await publishConversationOpened(opened.id);
  } catch (error) {
    // The bid, offer or contract is committed: a failed announcement must not turn it into an error.
    logger.error({ err: error, conversationId: opened.id }, "conversation announcement failed");
  }
}

/**
 * A secretary or an agency owner who could bid on this OPEN mission asks the business a question
 * first (under medical secrecy, once she has signed the pledge, as for a bid). Checked and
 * rate-limited first, then the thread and its first message are written in one transaction: a
 * refused question leaves nothing behind.
 */
export async function askQuestion(args: {
  actorId: string;
  missionId: string;
  clientId: string;
  body: string;
  now?: Date;
}): Promise<{ conversationId: string }> {
  const { missionId, clientId, body } = parseOrThrow(askQuestionSchema, args);
  const retried = await messages.findMessageByClientId(args.actorId, clientId);
  if (retried) return { conversationId: retried.conversationId };
  const { mission, bidder, blocker } = await loadBidContext(args.actorId, missionId, args.now ?? new Date());
  // An offer waiting for her answer already has its conversation: she may ask there.
  if (blocker && blocker.message !== OFFER_PENDING_MESSAGE)
    throw new DomainError(blocker.pledge ? "FORBIDDEN" : "CONFLICT", blocker.message);
  await consumeMessagePoint(args.actorId);
  const fields = {
    senderId: args.actorId,
    clientId,
    body,
    maskedBody: maskContactDetails(body),
    attachment: null,
  };
  let written: { opened: OpenedConversation; row: messages.WrittenMessage };
  try {
    written = await db.$transaction(async (tx) => {
      const opened = await openMissionConversation(tx, { missionId: mission.id, bidderKey: bidder.key });
      return { opened, row: await messages.insertMessage(tx, { ...fields, conversationId: opened.id }) };
    });
  } catch (error) {
    // The same question sent twice at once: the second finds the first.
    const again =
      messages.isDuplicateSend(error) && (await messages.findMessageByClientId(args.actorId, clientId));
    if (again) return { conversationId: again.conversationId };
    throw error;
  }
  await announceConversation(written.opened);
  await deliverWrittenMessage(written.row);
  return { conversationId: written.opened.id };
}
