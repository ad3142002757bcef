// Reports in the database: the message as it was, the report row, the open queue.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server";

export async function findMessageForReport(messageId: string) {
  return db.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      conversationId: true,
      seq: true,
      senderId: true,
      body: true,
      createdAt: true,
      sender: { select: { displayName: true } },
      attachments: { select: { fileName: true } },
    },
  });
}

export async function createReport(data: {
  reporterId: string;
  targetType: string;
  targetId: string;
  reason: string;
  details: string | null;
  snapshot: Prisma.InputJsonValue;
}) {
  return db.report.create({ data, select: { id: true } });
}

export async function findOpenReports(take: number) {
  return db.report.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "asc" },
    take,
    select: {
      id: true,
      createdAt: true,
      reason: true,
      details: true,
      targetType: true,
      snapshot: true,
      reporter: { select: { displayName: true } },
    },
  });
}

export async function countOpenReports() {
  return db.report.count({ where: { status: "OPEN" } });
}
