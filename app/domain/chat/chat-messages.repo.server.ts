// Messages, attachments and read marks in the database.
import { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";

export const messageSelect = {
  id: true,
  conversationId: true,
  seq: true,
  clientId: true,
  senderId: true,
  body: true,
  maskedBody: true,
  hiddenAt: true,
  createdAt: true,
  sender: { select: { displayName: true } },
  attachments: {
    select: { id: true, fileName: true, mimeType: true, sizeBytes: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.MessageSelect;

export type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

export async function findMessageByClientId(senderId: string, clientId: string) {
  return db.message.findUnique({
    where: { senderId_clientId: { senderId, clientId } },
    select: messageSelect,
  });
}

/** The page of messages before `beforeSeq` (newest first), one more than asked to tell if older exist. */
export async function findMessagesBefore(conversationId: string, beforeSeq: number | null, take: number) {
  return db.message.findMany({
    where: { conversationId, ...(beforeSeq === null ? {} : { seq: { lt: beforeSeq } }) },
    orderBy: { seq: "desc" },
    take,
    select: messageSelect,
  });
}

export async function findMessagesAfter(conversationId: string, afterSeq: number, take: number) {
  return db.message.findMany({
    where: { conversationId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take,
    select: messageSelect,
  });
}

/** The newest message of each of these conversations (two queries, however many conversations). */
export async function findLastMessages(conversationIds: string[]): Promise<MessageRow[]> {
  if (conversationIds.length === 0) return [];
  const newest = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT m."id" FROM "Message" m
    WHERE m."conversationId" IN (${Prisma.join(conversationIds)})
      AND m."seq" = (SELECT MAX(n."seq") FROM "Message" n WHERE n."conversationId" = m."conversationId")`);
  if (newest.length === 0) return [];
  return db.message.findMany({ where: { id: { in: newest.map((row) => row.id) } }, select: messageSelect });
}

/** Messages from the others after the user's read mark (0 without one), in these conversations. */
function unreadSql(conversationIds: string[], userId: string, columns: Prisma.Sql, groupBy: Prisma.Sql) {
  return Prisma.sql`
    SELECT ${columns} FROM "Message" m
    LEFT JOIN "ConversationRead" r ON r."conversationId" = m."conversationId" AND r."userId" = ${userId}
    WHERE m."conversationId" IN (${Prisma.join(conversationIds)})
      AND m."senderId" <> ${userId}
      AND m."seq" > COALESCE(r."lastReadSeq", 0)
    ${groupBy}`;
}

/** The header badge: one aggregate query over the user's conversations. */
export async function countUnreadIn(conversationIds: string[], userId: string): Promise<number> {
  if (conversationIds.length === 0) return 0;
  const [row] = await db.$queryRaw<{ unread: number | bigint }[]>(
    unreadSql(conversationIds, userId, Prisma.sql`COUNT(*) AS "unread"`, Prisma.empty),
  );
  return Number(row?.unread ?? 0);
}

/** The same per conversation (those without unread messages are absent: 0). */
export async function countUnreadByConversation(
  conversationIds: string[],
  userId: string,
): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ conversationId: string; unread: number | bigint }[]>(
    unreadSql(
      conversationIds,
      userId,
      Prisma.sql`m."conversationId" AS "conversationId", COUNT(*) AS "unread"`,
      Prisma.sql`GROUP BY m."conversationId"`,
    ),
  );
  return new Map(rows.map((row) => [row.conversationId, Number(row.unread)]));
}

export async function findReadMarks(conversationId: string) {
  return db.conversationRead.findMany({
    where: { conversationId },
    select: { userId: true, lastReadSeq: true },
  });
}

/** Moves the read mark forward only: an older seq (a late event) never lowers it. */
export async function raiseReadMark(
  client: Tx | typeof db,
  conversationId: string,
  userId: string,
  seq: number,
) {
  const key = { conversationId_userId: { conversationId, userId } };
  const current = await client.conversationRead.findUnique({ where: key, select: { lastReadSeq: true } });
  if (!current) {
    await client.conversationRead.create({ data: { conversationId, userId, lastReadSeq: seq } });
    return { lastReadSeq: seq, raised: seq > 0 };
  }
  if (current.lastReadSeq >= seq) return { lastReadSeq: current.lastReadSeq, raised: false };
  const { count } = await client.conversationRead.updateMany({
    where: { conversationId, userId, lastReadSeq: { lt: seq } },
    data: { lastReadSeq: seq },
  });
  return { lastReadSeq: seq, raised: count > 0 };
}

export type NewMessage = {
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
  maskedBody: string | null;
  attachment: { fileName: string; mimeType: string; sizeBytes: number; storageKey: string } | null;
};

/** Numbers the message (lastSeq + 1, under SQLite's single writer) and writes it with its file. */
export async function insertMessage(tx: Tx, input: NewMessage): Promise<MessageRow> {
  const now = new Date();
  const { lastSeq: seq } = await tx.conversation.update({
    where: { id: input.conversationId },
    data: { lastSeq: { increment: 1 }, lastMessageAt: now },
    select: { lastSeq: true },
  });
  const { attachment, ...fields } = input;
  const message = await tx.message.create({
    data: {
      ...fields,
      seq,
      createdAt: now,
      attachments: attachment
        ? { create: { ...attachment, conversationId: input.conversationId } }
        : undefined,
    },
    select: messageSelect,
  });
  // The sender has read her own message.
  await raiseReadMark(tx, input.conversationId, input.senderId, seq);
  return message;
}

export async function findAttachment(conversationId: string, attachmentId: string) {
  return db.messageAttachment.findFirst({
    where: { id: attachmentId, conversationId, message: { hiddenAt: null } },
    select: { fileName: true, mimeType: true, sizeBytes: true, storageKey: true },
  });
}
