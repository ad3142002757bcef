// Inputs (zod) and the DTOs pages and sockets receive. Client-safe: no server imports.
import { z } from "zod";

export const MAX_BODY_LENGTH = 5000;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const PAGE_SIZE = 50;
export const CATCH_UP_LIMIT = 200;

export const chatMessages = {
  bodyRequired: "Écrivez un message ou joignez un fichier.",
  bodyTooLong: `Votre message est trop long (${MAX_BODY_LENGTH.toLocaleString("fr-FR")} caractères au plus).`,
  clientId: "Identifiant de message invalide.",
  conversationId: "Conversation invalide.",
  seq: "Numéro de message invalide.",
  hidden: "Ce message a été masqué par l’équipe de modération.",
  masking:
    "Avant la signature d’un contrat, les adresses e-mail et numéros de téléphone sont masqués pour votre interlocuteur : le contrat vous protège tous les deux.",
  medicalSecrecy:
    "Mission soumise au secret médical : ne partagez aucune donnée de patient dans cette messagerie.",
} as const;

const id = z.string().trim().min(1, chatMessages.conversationId).max(64, chatMessages.conversationId);

export const conversationIdSchema = id;
/** The one rule for a send's clientId (forms and sockets): crypto.randomUUID() or any short opaque id. */
export const clientIdSchema = z
  .string({ message: chatMessages.clientId })
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, chatMessages.clientId);
export const seqSchema = z.coerce
  .number({ message: chatMessages.seq })
  .int(chatMessages.seq)
  .min(0, chatMessages.seq);

/** The text of a message: 1..5000 characters, or empty when a file comes with it. */
export const messageBodySchema = z
  .string()
  .max(MAX_BODY_LENGTH, chatMessages.bodyTooLong)
  .transform((body) => body.replace(/\r\n?/g, "\n").trim());

export const sendMessageSchema = z
  .object({
    conversationId: conversationIdSchema,
    clientId: clientIdSchema,
    body: messageBodySchema,
    hasAttachment: z.boolean().default(false),
  })
  .refine((input) => input.hasAttachment || input.body.length > 0, {
    message: chatMessages.bodyRequired,
    path: ["body"],
  });
export type SendMessageInput = z.input<typeof sendMessageSchema>;

export const askQuestionSchema = z.object({
  missionId: id,
  clientId: clientIdSchema,
  body: messageBodySchema.refine((body) => body.length > 0, chatMessages.bodyRequired),
});

export const markReadSchema = z.object({ conversationId: conversationIdSchema, seq: seqSchema });
export const messagesAfterSchema = z.object({ conversationId: conversationIdSchema, afterSeq: seqSchema });

export type ConversationKind = "MISSION" | "CONTRACT";
export type ParticipantSide = "BUSINESS" | "PROVIDER";

export type AttachmentDTO = {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  url: string;
};

export type MessageDTO = {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  senderId: string;
  senderName: string;
  /** As THIS viewer may see it (masked for the other side before a contract). */
  body: string;
  /** The viewer is not the sender and something was hidden. */
  masked: boolean;
  /** The viewer is the sender and the others see it masked (the page says why). */
  maskedForOthers: boolean;
  /** Hidden by moderation (body replaced by a French notice). */
  hidden: boolean;
  createdAt: string;
  attachments: AttachmentDTO[];
};

export type ConversationSummary = {
  id: string;
  kind: ConversationKind;
  title: string;
  counterpart: string;
  missionTitle: string;
  lastMessage: { excerpt: string; at: string; senderName: string } | null;
  unreadCount: number;
};

export type ConversationParticipant = { id: string; name: string; side: ParticipantSide };

export type ConversationView = {
  id: string;
  kind: ConversationKind;
  title: string;
  missionId: string;
  contractId: string | null;
  medicalSecrecy: boolean;
  /** Pre-contract: contact details are hidden from the other side. */
  masking: boolean;
  participants: ConversationParticipant[];
  /** Ascending seq. */
  messages: MessageDTO[];
  hasOlder: boolean;
  oldestSeq: number | null;
  lastSeq: number;
  /** The other participants' read marks. */
  readMarks: { userId: string; name: string; lastReadSeq: number }[];
};

export const attachmentUrl = (conversationId: string, attachmentId: string) =>
  `/messages/${conversationId}/pieces-jointes/${attachmentId}`;
