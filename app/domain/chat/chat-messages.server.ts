// Sending, catching up and reading. A message is written (numbered seq = lastSeq + 1 in one
// transaction) before anyone hears of it; a retried send with the same clientId finds it written.
import { notifyMessageReceived } from "#app/domain/notifications/notifications.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { getFileStorage } from "#app/lib/file-storage.server";
import { parseOrThrow } from "#app/lib/validation";
import { logger } from "#app/server/logger";
import { checkAttachment, type CheckedAttachment } from "./chat-attachment-rules.server";
import { loadAccess, requireAccess, type ConversationAccess } from "./chat-access.server";
import { excerptOf, toMessageDTO } from "./chat-dto";
import { maskContactDetails } from "./chat-masking";
import * as messages from "./chat-messages.repo.server";
import { publishMessage, publishRead } from "./chat-publish.server";
import { consumeMessagePoint, refundMessagePoint } from "./chat-rate-limit.server";
import {
  CATCH_UP_LIMIT,
  markReadSchema,
  messagesAfterSchema,
  sendMessageSchema,
  type MessageDTO,
} from "./chat.schema";

export type SendMessageArgs = {
  actorId: string;
  conversationId: string;
  clientId: string;
  body: string;
  attachment?: { fileName: string; bytes: Uint8Array };
};

const clientIdTaken = () =>
  new DomainError("CONFLICT", "Cet identifiant de message est déjà utilisé dans une autre conversation.");

/** The message already written for this clientId, as the sender sees it, or null. */
async function findRetried(actorId: string, clientId: string, access: ConversationAccess) {
  const existing = await messages.findMessageByClientId(actorId, clientId);
  if (!existing) return null;
  if (existing.conversationId !== access.id) throw clientIdTaken();
  return toMessageDTO(existing, actorId, access.masking);
}

async function write(input: Omit<messages.NewMessage, "attachment">, file: CheckedAttachment | null) {
  const storage = getFileStorage();
  const storageKey = file ? await storage.put(input.conversationId, file.bytes) : null;
  const attachment =
    file && storageKey
      ? { fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.bytes.byteLength, storageKey }
      : null;
  try {
    return await db.$transaction((tx) => messages.insertMessage(tx, { ...input, attachment }));
  } catch (error) {
    if (storageKey) await storage.remove(storageKey);
    throw error;
  }
}

/**
 * Spends the sender's point. At the limit, a retry of a message already written still gets it
 * back (as before the limit was reached); anything else is refused.
 */
async function spendPoint(actorId: string, clientId: string, access: ConversationAccess) {
  try {
    await consumeMessagePoint(actorId);
    return null;
  } catch (error) {
    const retried = error instanceof DomainError && (await findRetried(actorId, clientId, access));
    if (retried) return retried;
    throw error;
  }
}

/**
 * One query checks the sender and loads the participants and the masking; the write is one
 * transaction; a retry is found only when the insert hits the (senderId, clientId) index.
 */
export async function sendMessage(args: SendMessageArgs): Promise<{ message: MessageDTO; created: boolean }> {
  const input = parseOrThrow(sendMessageSchema, { ...args, hasAttachment: !!args.attachment });
  const { access, me } = await requireAccess(args.actorId, input.conversationId);
  const limited = await spendPoint(args.actorId, input.clientId, access);
  if (limited) return { message: limited, created: false };
  const file = args.attachment ? await checkAttachment(args.attachment) : null;
  const fields = {
    conversationId: access.id,
    senderId: args.actorId,
    clientId: input.clientId,
    body: input.body,
    maskedBody: maskContactDetails(input.body),
  };
  let row: messages.MessageRow;
  try {
    row = { ...(await write(fields, file)), sender: { displayName: me.name } };
  } catch (error) {
    // A retried send (or two sends of one clientId at the same instant): it finds the first.
    const retried =
      messages.isDuplicateSend(error) && (await findRetried(args.actorId, input.clientId, access));
    if (!retried) throw error;
    await refundMessagePoint(args.actorId);
    return { message: retried, created: false };
  }
  await deliver(access, row);
  return { message: toMessageDTO(row, args.actorId, access.masking), created: true };
}

/** After the commit: `message:new` to the sockets, then the offline recipients' notification. */
async function deliver(access: ConversationAccess, row: messages.MessageRow): Promise<void> {
  publishMessage(
    row,
    access.masking,
    access.participants.map((p) => p.id),
  );
  await notifyOthers(access, row);
}

/** The same for a message another use case wrote in its own transaction (a question), once committed. */
export async function deliverWrittenMessage(written: messages.WrittenMessage): Promise<void> {
  const access = await loadAccess(written.conversationId);
  if (!access) return;
  const sender = access.participants.find((p) => p.id === written.senderId);
  await deliver(access, { ...written, sender: { displayName: sender?.name ?? "" } });
}

async function notifyOthers(access: ConversationAccess, row: messages.MessageRow) {
  const recipientIds = access.participants.map((p) => p.id).filter((id) => id !== row.senderId);
  if (recipientIds.length === 0) return;
  const theirView = toMessageDTO(row, "", access.masking);
  try {
    await notifyMessageReceived({
      recipientIds,
      conversationId: access.id,
      senderName: row.sender.displayName,
      excerpt: excerptOf(theirView, 200),
    });
  } catch (error) {
    // The message is written and delivered live: a failed notification must not turn it into an error.
    logger.error({ err: error, conversationId: access.id }, "message notification failed");
  }
}

/**
 * What a reconnecting client missed after the last seq it saw, oldest first, at most 200 at a
 * time: `hasMore` tells it to ask again after the last one (a long disconnect misses more).
 */
export async function catchUpMessages(args: { actorId: string; conversationId: string; afterSeq: number }) {
  const input = parseOrThrow(messagesAfterSchema, args);
  const { access } = await requireAccess(args.actorId, input.conversationId);
  const rows = await messages.findMessagesAfter(access.id, input.afterSeq, CATCH_UP_LIMIT);
  const last = rows.at(-1);
  return {
    messages: rows.map((row) => toMessageDTO(row, args.actorId, access.masking)),
    hasMore: rows.length === CATCH_UP_LIMIT && !!last && last.seq < access.lastSeq,
  };
}

export async function messagesAfter(args: { actorId: string; conversationId: string; afterSeq: number }) {
  return (await catchUpMessages(args)).messages;
}

/** Moves the actor's read mark forward (never back, never past the last message). */
export async function markConversationRead(args: { actorId: string; conversationId: string; seq: number }) {
  const input = parseOrThrow(markReadSchema, args);
  const { access } = await requireAccess(args.actorId, input.conversationId);
  const seq = Math.min(input.seq, access.lastSeq);
  const { lastReadSeq, raised } = await messages.raiseReadMark(db, access.id, args.actorId, seq);
  if (raised)
    publishRead(
      access.id,
      args.actorId,
      lastReadSeq,
      access.participants.map((p) => p.id),
    );
  return { lastReadSeq };
}
