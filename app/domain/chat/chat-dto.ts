// Messages as one viewer may see them: before a contract, the other side reads the masked text;
// a message hidden by moderation shows a notice to everyone. Pure.
import { maskContactDetails } from "./chat-masking";
import { attachmentUrl, chatMessages, type MessageDTO } from "./chat.schema";

export type StoredMessage = {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  senderId: string;
  body: string;
  maskedBody: string | null;
  hiddenAt: Date | null;
  createdAt: Date;
  sender: { displayName: string };
  attachments: { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
};

/** `masking`: the conversation hides contact details from the other side (no contract yet). */
export function toMessageDTO(row: StoredMessage, viewerId: string, masking: boolean): MessageDTO {
  const own = row.senderId === viewerId;
  const maskable = masking && row.maskedBody !== null;
  const hidden = row.hiddenAt !== null;
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    clientId: row.clientId,
    senderId: row.senderId,
    senderName: row.sender.displayName,
    body: hidden ? chatMessages.hidden : maskable && !own ? row.maskedBody! : row.body,
    masked: !hidden && maskable && !own,
    maskedForOthers: !hidden && maskable && own,
    hidden,
    createdAt: row.createdAt.toISOString(),
    attachments: hidden
      ? []
      : row.attachments.map((a) => ({
          ...a,
          // A file's name can carry contact details too: masked like the text for the other side.
          fileName: masking && !own ? (maskContactDetails(a.fileName) ?? a.fileName) : a.fileName,
          url: attachmentUrl(row.conversationId, a.id),
        })),
  };
}

/** One line for the conversation list and notifications. */
export function excerptOf(message: MessageDTO, length = 120): string {
  const text = message.body.replace(/\s+/g, " ").trim();
  if (!text) return message.attachments[0] ? `Pièce jointe : ${message.attachments[0].fileName}` : "";
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
