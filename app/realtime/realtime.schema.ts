import { z } from "zod";
import { chatMessages, clientIdSchema, MAX_BODY_LENGTH } from "#app/domain/chat/chat.schema";

// What a browser may send over the socket. Every object is strict (no extra keys) and every string
// capped, so a payload is refused before anything reaches the domain. Ids are Prisma cuids.
const invalid = "Requête invalide.";
const conversationId = z
  .string({ message: chatMessages.conversationId })
  .regex(/^[a-z0-9]{20,32}$/, chatMessages.conversationId);
const seq = z
  .number({ message: chatMessages.seq })
  .int(chatMessages.seq)
  .min(0, chatMessages.seq)
  .max(2_147_483_647, chatMessages.seq);

export const sendPayload = z
  .object(
    {
      conversationId,
      clientId: clientIdSchema,
      body: z
        .string({ message: chatMessages.bodyRequired })
        .max(MAX_BODY_LENGTH, chatMessages.bodyTooLong)
        .refine((text) => text.trim().length > 0, chatMessages.bodyRequired),
    },
    { message: invalid },
  )
  .strict(invalid);

export const conversationPayload = z.object({ conversationId }, { message: invalid }).strict(invalid);

export const readPayload = z.object({ conversationId, seq }, { message: invalid }).strict(invalid);

export const syncPayload = z.object({ conversationId, afterSeq: seq }, { message: invalid }).strict(invalid);

/** The first French message of a failed parse (every rule above carries one). */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? invalid;
}
