// Prisma reads for statements and the work page: a contract's entries (optionally one month) and
// milestones, with who did each. Explicit selects only.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server";

const entrySelect = {
  id: true,
  kind: true,
  workDate: true,
  minutes: true,
  taskType: true,
  quantity: true,
  unitPriceCents: true,
  amountCents: true,
  description: true,
  status: true,
  submittedAt: true,
  reviewedAt: true,
  autoApproved: true,
  disputeReason: true,
  assigneeId: true,
  assignee: { select: { userId: true, role: true, user: { select: { displayName: true } } } },
} as const;

export function findEntries(
  contractId: string,
  range?: { from: Date; until: Date },
  assigneeUserId?: string,
) {
  const where: Prisma.WorkEntryWhereInput = {
    contractId,
    ...(range ? { workDate: { gte: range.from, lt: range.until } } : {}),
    ...(assigneeUserId ? { assignee: { userId: assigneeUserId } } : {}),
  };
  return db.workEntry.findMany({
    where,
    select: entrySelect,
    orderBy: [{ workDate: "asc" }, { createdAt: "asc" }],
  });
}
export type EntryRow = Awaited<ReturnType<typeof findEntries>>[number];

export function findMilestones(contractId: string) {
  return db.milestone.findMany({
    where: { contractId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      title: true,
      amountCents: true,
      dueDate: true,
      status: true,
      submittedById: true,
      submittedAt: true,
      deliveryNote: true,
      reviewedAt: true,
      autoApproved: true,
      disputeReason: true,
    },
  });
}
export type MilestoneRow = Awaited<ReturnType<typeof findMilestones>>[number];

/** Distinct stored work days of a contract (the statement list's months). */
export async function findWorkDays(contractId: string) {
  const rows = await db.workEntry.findMany({
    where: { contractId },
    distinct: ["workDate"],
    select: { workDate: true },
  });
  return rows.map((r) => r.workDate);
}
