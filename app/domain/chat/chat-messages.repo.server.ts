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
  // One statement, so two first reads at once (two tabs, the socket and the page) cannot both
  // try to create the row: the mark only ever rises, and RETURNING tells whether this call raised it.
  const rows = await client.$queryRaw<{ lastReadSeq: number | bigint }[]>(Prisma.sql`
    INSERT INTO "ConversationRead" ("conversationId", "userId", "lastReadSeq", "updatedAt")
    VALUES (${conversationId}, ${userId}, ${seq}, ${new Date()})
    ON CONFLICT ("conversationId", "userId") DO UPDATE
    SET "lastReadSeq" = excluded."lastReadSeq", "updatedAt" = excluded."updatedAt"
    WHERE "ConversationRead"."lastReadSeq" < excluded."lastReadSeq"
    RETURNING "lastReadSeq"`);
  const row = rows[0];
  if (row) return { lastReadSeq: Number(row.lastReadSeq), raised: Number(row.lastReadSeq) > 0 };
  const current = await client.conversationRead.findUniqueOrThrow({
    where: { conversationId_userId: { conversationId, userId } },
    select: { lastReadSeq: true },
  });
  return { lastReadSeq: current.lastReadSeq, raised: false };
}

export type NewMessage = {
  conversationId: string;
  senderId: string;
  clientId: string;
  body: string;
  maskedBody: string | null;
  attachment: { fileName: string; mimeType: string; sizeBytes: number; storageKey: string } | null;
};

/** A message as written, without its sender's name (the caller knows it from the participants). */
export type WrittenMessage = Omit<MessageRow, "sender">;

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A new row id shaped like Prisma's cuids (lowercase letters and digits, 25 characters). */
function newRowId(): string {
  let id = "c";
  for (const byte of crypto.getRandomValues(new Uint8Array(24))) id += ID_ALPHABET[byte % 36];
  return id;
}

/**
 * Numbers the message (lastSeq + 1, under SQLite's single writer), writes it with its file and
 * raises the sender's read mark (she has read her own message): three statements in `tx`, raw SQL
 * because this is the send's hot path. A second send of one (senderId, clientId) fails on its
 * unique index: see isDuplicateSend.
 */
export async function insertMessage(tx: Tx, input: NewMessage): Promise<WrittenMessage> {
  const now = new Date();
  const [bumped] = await tx.$queryRaw<{ lastSeq: number | bigint }[]>`
    UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageAt" = ${now}
    WHERE "id" = ${input.conversationId} RETURNING "lastSeq"`;
  if (!bumped) throw new Error(`conversation ${input.conversationId} not found`);
  const seq = Number(bumped.lastSeq);
  const { attachment, ...fields } = input;
  const id = newRowId();
  await tx.$executeRaw`
    INSERT INTO "Message" ("id", "conversationId", "seq", "senderId", "clientId", "body", "maskedBody", "createdAt")
    VALUES (${id}, ${fields.conversationId}, ${seq}, ${fields.senderId}, ${fields.clientId}, ${fields.body},
      ${fields.maskedBody}, ${now})`;
  const attachments = attachment
    ? [
        await tx.messageAttachment.create({
          data: { ...attachment, messageId: id, conversationId: input.conversationId, createdAt: now },
          select: messageSelect.attachments.select,
        }),
      ]
    : [];
  await tx.$executeRaw`
    INSERT INTO "ConversationRead" ("conversationId", "userId", "lastReadSeq", "updatedAt")
    VALUES (${input.conversationId}, ${input.senderId}, ${seq}, ${now})
    ON CONFLICT ("conversationId", "userId") DO UPDATE
    SET "lastReadSeq" = excluded."lastReadSeq", "updatedAt" = excluded."updatedAt"
    WHERE "ConversationRead"."lastReadSeq" < excluded."lastReadSeq"`;
  return { id, ...fields, seq, hiddenAt: null, createdAt: now, attachments };
}

/** The write failed because this sender already used this clientId (a retried send). */
export function isDuplicateSend(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  // Raw SQL reports SQLite's own message.
  return (
    error.code === "P2010" &&
    /UNIQUE constraint failed: Message\.senderId, Message\.clientId/.test(error.message)
  );
}

export async function findAttachment(conversationId: string, attachmentId: string) {
  return db.messageAttachment.findFirst({
    where: { id: attachmentId, conversationId, message: { hiddenAt: null } },
    select: {
      fileName: true,
      mimeType: true,
      sizeBytes: true,
      storageKey: true,
      message: { select: { senderId: true } },
    },
  });
}
