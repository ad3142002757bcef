// The pages' reads: the list with unread counts, one conversation paged backwards by seq, the
// header badge and an attachment's bytes (participants only).
import { z } from "zod";
import { DomainError } from "#app/lib/domain-error";
import { getFileStorage } from "#app/lib/file-storage.server";
import {
  conversationIdsFor,
  isMasking,
  loadManyWithParticipants,
  maskingOf,
  requireParticipant,
  type Conversation,
} from "./chat-access.server";
import { excerptOf, toMessageDTO } from "./chat-dto";
import { maskContactDetails } from "./chat-masking";
import * as messages from "./chat-messages.repo.server";
import {
  chatMessages,
  PAGE_SIZE,
  seqSchema,
  type ConversationSummary,
  type ConversationView,
  type ParticipantSide,
} from "./chat.schema";

function titles(conversation: Conversation, side: ParticipantSide) {
  const counterpart = side === "BUSINESS" ? conversation.providerName : conversation.businessName;
  const prefix = conversation.kind === "CONTRACT" ? "Contrat" : "Mission";
  return { title: `${prefix} : ${conversation.missionTitle}`, counterpart };
}

type ListContext = {
  lastMessages: Map<string, messages.MessageRow>;
  unread: Map<string, number>;
  masks: (conversation: Conversation) => boolean;
};

function summaryOf(
  actorId: string,
  conversation: Conversation,
  context: ListContext,
): ConversationSummary | null {
  const me = conversation.participants.find((p) => p.id === actorId);
  if (!me) return null;
  const last = context.lastMessages.get(conversation.id);
  const lastView = last ? toMessageDTO(last, actorId, context.masks(conversation)) : null;
  return {
    id: conversation.id,
    kind: conversation.kind,
    ...titles(conversation, me.side),
    missionTitle: conversation.missionTitle,
    lastMessage: lastView
      ? { excerpt: excerptOf(lastView), at: lastView.createdAt, senderName: lastView.senderName }
      : null,
    unreadCount: context.unread.get(conversation.id) ?? 0,
  };
}

/**
 * The actor's conversations, most recent activity first. A bounded number of queries however
 * many conversations: the ids, the conversations and their people, then last messages, unread
 * counts and masking for all of them at once.
 */
export async function listConversations({ actorId }: { actorId: string }): Promise<ConversationSummary[]> {
  const conversations = await loadManyWithParticipants(await conversationIdsFor(actorId));
  const ids = conversations.map((c) => c.id);
  const [lastRows, unread, masks] = await Promise.all([
    messages.findLastMessages(ids),
    messages.countUnreadByConversation(ids, actorId),
    maskingOf(conversations),
  ]);
  const context = { lastMessages: new Map(lastRows.map((row) => [row.conversationId, row])), unread, masks };
  return conversations.flatMap((c) => summaryOf(actorId, c, context) ?? []);
}

/** Messages from others the actor has not read, across her conversations (the header badge). */
export async function countUnreadMessages(actorId: string): Promise<number> {
  return messages.countUnreadIn(await conversationIdsFor(actorId), actorId);
}

const pageSchema = z.object({
  beforeSeq: seqSchema.nullish().transform((seq) => seq ?? null),
  limit: z.coerce.number().int().min(1).max(200).default(PAGE_SIZE),
});

function parsePage(args: { beforeSeq?: number | null; limit?: number }) {
  const parsed = pageSchema.safeParse(args);
  if (!parsed.success) throw new DomainError("VALIDATION", chatMessages.seq);
  return parsed.data;
}

export async function getConversation(args: {
  actorId: string;
  conversationId: string;
  beforeSeq?: number | null;
  limit?: number;
}): Promise<ConversationView> {
  const { beforeSeq, limit } = parsePage(args);
  const { conversation, me } = await requireParticipant(args.actorId, args.conversationId);
  const [masking, page, reads] = await Promise.all([
    isMasking(conversation),
    messages.findMessagesBefore(conversation.id, beforeSeq, limit + 1),
    messages.findReadMarks(conversation.id),
  ]);
  const shown = page.slice(0, limit).reverse();
  // "Lu" means the other side read it, not a colleague: only their marks.
  const others = conversation.participants.filter((p) => p.side !== me.side);
  return {
    id: conversation.id,
    kind: conversation.kind,
    title: titles(conversation, me.side).title,
    missionId: conversation.missionId,
    contractId: conversation.contractId,
    medicalSecrecy: conversation.medicalSecrecy,
    masking,
    participants: conversation.participants,
    messages: shown.map((row) => toMessageDTO(row, args.actorId, masking)),
    hasOlder: page.length > limit,
    oldestSeq: shown[0]?.seq ?? null,
    lastSeq: conversation.lastSeq,
    readMarks: others.map((p) => ({
      userId: p.id,
      name: p.name,
      lastReadSeq: reads.find((r) => r.userId === p.id)?.lastReadSeq ?? 0,
    })),
  };
}

const attachmentNotFound = () => new DomainError("NOT_FOUND", "Cette pièce jointe est introuvable.");

export async function getAttachment(args: { actorId: string; conversationId: string; attachmentId: string }) {
  const { conversation } = await requireParticipant(args.actorId, args.conversationId);
  const [attachment, masking] = await Promise.all([
    messages.findAttachment(args.conversationId, args.attachmentId),
    isMasking(conversation),
  ]);
  if (!attachment) throw attachmentNotFound();
  // The downloaded file's name is masked as in the message (contact details, before activation).
  const masked = masking && attachment.message.senderId !== args.actorId;
  const bytes = await getFileStorage()
    .read(attachment.storageKey)
    .catch(() => {
      throw attachmentNotFound();
    });
  return {
    fileName: masked ? (maskContactDetails(attachment.fileName) ?? attachment.fileName) : attachment.fileName,
    mimeType: attachment.mimeType,
    sizeBytes: attachment.sizeBytes,
    bytes,
  };
}
