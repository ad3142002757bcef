// Who may send to, read and join a conversation, in ONE query: the per-event check of the socket
// path (docs/BENCHMARKS.md, chat). It mirrors chat-participants.ts over the same records, read at
// every call (nothing cached): MISSION — the members of the mission's organization and the bidder
// (`user:<id>`: that user; `agency:<id>`: every member of that agency); CONTRACT — the members of
// the business, the provider who signed, the agency's members and every assignee not cancelled.
// tests/integration/chat-access-query.test.ts checks it against participantsOf for every shape.
import { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server";

type AccessRow = {
  id: string;
  kind: string;
  missionId: string;
  bidderKey: string | null;
  lastSeq: number | bigint;
  contracted: number | bigint;
  userId: string | null;
  displayName: string | null;
};

export type ConversationAccessRow = {
  id: string;
  kind: "MISSION" | "CONTRACT";
  missionId: string;
  bidderKey: string | null;
  lastSeq: number;
  /**
   * Contact details may show: an ACTIVATED contract (both sides accepted) came from this conversation's
   * bid (mission, bidder key) or, for a CONTRACT thread, its own contract is activated.
   */
  contracted: boolean;
  participants: { id: string; name: string }[];
};

// The bid key's id goes through substr so each join uses the primary key or an index.
const accessSql = (conversationId: string) => Prisma.sql`
  WITH c AS (
    SELECT cv."id", cv."kind", cv."missionId", cv."bidderKey", cv."contractId", cv."lastSeq",
      CASE WHEN cv."contractId" IS NOT NULL THEN EXISTS (
        SELECT 1 FROM "Contract" k WHERE k."id" = cv."contractId" AND k."activatedAt" IS NOT NULL
      ) ELSE EXISTS (
        SELECT 1 FROM "Contract" k JOIN "Proposal" p ON p."id" = k."proposalId"
        WHERE k."missionId" = cv."missionId" AND p."bidderKey" = cv."bidderKey" AND k."activatedAt" IS NOT NULL
      ) END AS "contracted"
    FROM "Conversation" cv WHERE cv."id" = ${conversationId}
  ),
  people AS (
    SELECT m."userId" FROM c
      JOIN "Mission" mi ON mi."id" = c."missionId"
      JOIN "Membership" m ON m."organizationId" = mi."organizationId"
    UNION
    SELECT u."id" FROM c JOIN "User" u
      ON c."contractId" IS NULL AND substr(c."bidderKey", 1, 5) = 'user:' AND u."id" = substr(c."bidderKey", 6)
    UNION
    SELECT m."userId" FROM c JOIN "Membership" m
      ON c."contractId" IS NULL AND substr(c."bidderKey", 1, 7) = 'agency:'
      AND m."organizationId" = substr(c."bidderKey", 8)
    UNION
    SELECT k."providerUserId" FROM c JOIN "Contract" k ON k."id" = c."contractId"
    UNION
    SELECT m."userId" FROM c
      JOIN "Contract" k ON k."id" = c."contractId"
      JOIN "Membership" m ON m."organizationId" = k."agencyId"
    UNION
    SELECT a."userId" FROM c JOIN "ContractAssignee" a ON a."contractId" = c."contractId" AND a."cancelledAt" IS NULL
  )
  SELECT c."id", c."kind", c."missionId", c."bidderKey", c."lastSeq", c."contracted",
    u."id" AS "userId", u."displayName"
  FROM c LEFT JOIN people ON 1 = 1 LEFT JOIN "User" u ON u."id" = people."userId"`;

/** The conversation, whether its bid became a contract, and its participants; null if unknown. */
export async function findConversationAccess(conversationId: string): Promise<ConversationAccessRow | null> {
  const rows = await db.$queryRaw<AccessRow[]>(accessSql(conversationId));
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.id,
    kind: first.kind as "MISSION" | "CONTRACT",
    missionId: first.missionId,
    bidderKey: first.bidderKey,
    lastSeq: Number(first.lastSeq),
    contracted: Number(first.contracted) === 1,
    participants: rows.flatMap((row) =>
      row.userId ? [{ id: row.userId, name: row.displayName ?? "" }] : [],
    ),
  };
}
