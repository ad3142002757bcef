// Sending, catching up and reading. A message is written (numbered seq = lastSeq + 1 in one
// transaction) before anyone hears of it; a retried send with the same clientId finds it written.
import { notifyMessageReceived } from "#app/domain/notifications/notifications.server";
import { db, isUniqueConstraintError } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { getFileStorage } from "#app/lib/file-storage.server";
import { logger } from "#app/server/logger";
import { checkAttachment, type CheckedAttachment } from "./chat-attachment-rules.server";
import { isMasking, loadWithParticipants, requireParticipant, type Conversation } from "./chat-access.server";
import { excerptOf, toMessageDTO } from "./chat-dto";
import { maskContactDetails } from "./chat-masking";
import * as messages from "./chat-messages.repo.server";
import { publishMessage, publishRead } from "./chat-publish.server";
import { consumeMessagePoint } from "./chat-rate-limit.server";
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

function parse<T>(
  result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } },
) {
  if (!result.success) throw new DomainError("VALIDATION", result.error.issues[0]!.message);
  return result.data;
}

const clientIdTaken = () =>
  new DomainError("CONFLICT", "Cet identifiant de message est déjà utilisé dans une autre conversation.");

/** The message already written for this clientId, as the sender sees it, or null. */
async function findRetried(actorId: string, clientId: string, conversation: Conversation) {
  const existing = await messages.findMessageByClientId(actorId, clientId);
  if (!existing) return null;
  if (existing.conversationId !== conversation.id) throw clientIdTaken();
  return toMessageDTO(existing, actorId, await isMasking(conversation));
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

export async function sendMessage(args: SendMessageArgs): Promise<{ message: MessageDTO; created: boolean }> {
  const input = parse(sendMessageSchema.safeParse({ ...args, hasAttachment: !!args.attachment }));
  const { conversation } = await requireParticipant(args.actorId, input.conversationId);
  const retried = await findRetried(args.actorId, input.clientId, conversation);
  if (retried) return { message: retried, created: false };
  await consumeMessagePoint(args.actorId);
  const file = args.attachment ? await checkAttachment(args.attachment) : null;
  const fields = {
    conversationId: conversation.id,
    senderId: args.actorId,
    clientId: input.clientId,
    body: input.body,
    maskedBody: maskContactDetails(input.body),
  };
  let row: messages.MessageRow;
  try {
    row = await write(fields, file);
  } catch (error) {
    // Two sends of one clientId at the same instant: the second finds the first.
    const again =
      isUniqueConstraintError(error) && (await findRetried(args.actorId, input.clientId, conversation));
    if (again) return { message: again, created: false };
    throw error;
  }
  const masking = await deliver(conversation, row);
  return { message: toMessageDTO(row, args.actorId, masking), created: true };
}

/** After the commit: `message:new` to the sockets, then the offline recipients' notification. */
async function deliver(conversation: Conversation, row: messages.MessageRow): Promise<boolean> {
  const masking = await isMasking(conversation);
  publishMessage(row, masking);
  await notifyOthers(conversation, row, masking);
  return masking;
}

/** The same for a message another use case wrote in its own transaction (a question), once committed. */
export async function deliverWrittenMessage(row: messages.MessageRow): Promise<void> {
  const conversation = await loadWithParticipants(row.conversationId);
  if (conversation) await deliver(conversation, row);
}

async function notifyOthers(conversation: Conversation, row: messages.MessageRow, masking: boolean) {
  const recipientIds = conversation.participants.map((p) => p.id).filter((id) => id !== row.senderId);
  if (recipientIds.length === 0) return;
  const theirView = toMessageDTO(row, "", masking);
  try {
    await notifyMessageReceived({
      recipientIds,
      conversationId: conversation.id,
      senderName: row.sender.displayName,
      excerpt: excerptOf(theirView, 200),
    });
  } catch (error) {
    // The message is written and delivered live: a failed notification must not turn it into an error.
    logger.error({ err: error, conversationId: conversation.id }, "message notification failed");
  }
}

/** What a reconnecting client missed after the last seq it saw (at most 200, oldest first). */
export async function messagesAfter(args: { actorId: string; conversationId: string; afterSeq: number }) {
  const input = parse(messagesAfterSchema.safeParse(args));
  const { conversation } = await requireParticipant(args.actorId, input.conversationId);
  const masking = await isMasking(conversation);
  const rows = await messages.findMessagesAfter(conversation.id, input.afterSeq, CATCH_UP_LIMIT);
  return rows.map((row) => toMessageDTO(row, args.actorId, masking));
}

/** Moves the actor's read mark forward (never back, never past the last message). */
export async function markConversationRead(args: { actorId: string; conversationId: string; seq: number }) {
  const input = parse(markReadSchema.safeParse(args));
  const { conversation } = await requireParticipant(args.actorId, input.conversationId);
  const seq = Math.min(input.seq, conversation.lastSeq);
  const { lastReadSeq, raised } = await messages.raiseReadMark(db, conversation.id, args.actorId, seq);
  if (raised) publishRead(conversation.id, args.actorId, lastReadSeq);
  return { lastReadSeq };
}
