// Flagging a message for the moderation queue. Only someone who can read the conversation reports
// one of its messages, never her own, and once; the message is copied as it was (snapshot), so
// hiding it later does not erase the evidence.
import { isConversationParticipant } from "#app/domain/chat/chat.server";
import { isUniqueConstraintError } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { parseOrThrow } from "#app/lib/validation";
import * as repo from "./reports.repo.server";
import { reportMessageSchema, reportMessages } from "./reports.schema";

const messageNotFound = () => new DomainError("NOT_FOUND", reportMessages.notFound);

export async function reportMessage(args: {
  actorId: string;
  messageId: string;
  reason: string;
  details?: string | null;
  /** When the page knows it: the message must belong to this conversation. */
  conversationId?: string;
}): Promise<{ reportId: string }> {
  const input = parseOrThrow(reportMessageSchema, { ...args, details: args.details ?? undefined });
  const message = await repo.findMessageForReport(input.messageId);
  if (!message || (args.conversationId && message.conversationId !== args.conversationId))
    throw messageNotFound();
  if (!(await isConversationParticipant(args.actorId, message.conversationId))) throw messageNotFound();
  if (message.senderId === args.actorId) throw new DomainError("FORBIDDEN", reportMessages.ownMessage);
  const snapshot = {
    body: message.body,
    senderId: message.senderId,
    senderName: message.sender.displayName,
    conversationId: message.conversationId,
    seq: message.seq,
    sentAt: message.createdAt.toISOString(),
    attachments: message.attachments.map((a) => a.fileName),
  };
  try {
    const { id } = await repo.createReport({
      reporterId: args.actorId,
      targetType: "MESSAGE",
      targetId: message.id,
      reason: input.reason,
      details: input.details,
      snapshot,
    });
    return { reportId: id };
  } catch (error) {
    // One report per person and message (unique index), even on a double click.
    if (isUniqueConstraintError(error)) throw new DomainError("CONFLICT", reportMessages.duplicate);
    throw error;
  }
}

export { listOpenReports, OPEN_REPORTS_LIMIT } from "./report-queue.server";
