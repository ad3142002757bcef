// The audit log of staff actions (DESIGN.md §3 and §7).
//
// APPEND-ONLY: `recordAudit` is the only write this module offers, and nothing else in the
// codebase may update or delete AuditLog rows — there is deliberately no edit or delete function
// and no route that would call one. A record that could be rewritten would prove nothing. A
// mistaken decision is corrected by a new decision, which writes its own row.
//
// This file is the only place that touches the AuditLog table.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";
import { JOURNAL_PAGE_SIZE, type JournalEntry, type JournalQuery } from "./moderation.schema";

export type AuditEntry = {
  actorId: string;
  /** SCREAMING_SNAKE verb, e.g. PROFILE_APPROVE. */
  action: string;
  targetType: string;
  targetId: string;
  reason?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * Writes one audit row inside the caller's transaction, so the row exists if and only if the
 * action it describes was committed.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<{ id: string }> {
  return tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason?.trim() || null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
    select: { id: true },
  });
}

/** Newest first, 50 a page, optionally narrowed to one action and/or one actor. */
export async function listAuditEntries(query: JournalQuery) {
  const where: Prisma.AuditLogWhereInput = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.actor ? { actorId: query.actor } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * JOURNAL_PAGE_SIZE,
      take: JOURNAL_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        action: true,
        actorId: true,
        targetType: true,
        targetId: true,
        reason: true,
        before: true,
        after: true,
        actor: { select: { displayName: true } },
      },
    }),
  ]);
  const entries: JournalEntry[] = rows.map(({ actor, ...row }) => ({ ...row, actorName: actor.displayName }));
  return { total, entries, pageCount: Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE)) };
}

/** The values the journal's filters can take: actions and actors that actually appear in the log. */
export async function listAuditFilterOptions() {
  const [actions, actors] = await Promise.all([
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditLog.findMany({
      distinct: ["actorId"],
      select: { actorId: true, actor: { select: { displayName: true, email: true } } },
    }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    actors: actors
      .map((a) => ({ id: a.actorId, name: a.actor.displayName, email: a.actor.email }))
      .sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

/** The newest row of one action on one target, e.g. the suspension a reinstatement undoes. */
export async function findLatestAuditEntry(
  tx: Tx,
  where: { action: string; targetType: string; targetId: string },
) {
  return tx.auditLog.findFirst({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, after: true },
  });
}
