// Reports in the database: the message as it was, the report row, the open queue.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";

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
      targetId: true,
      snapshot: true,
      reporter: { select: { displayName: true } },
    },
  });
}

export async function countOpenReports() {
  return db.report.count({ where: { status: "OPEN" } });
}

/** The reported person of a report: the message's sender, the profile's owner, the mission's author. */
export function reportedUserIdOf(row: { snapshot: unknown }): string | null {
  const snapshot = row.snapshot as { senderId?: unknown; userId?: unknown } | null;
  const id = snapshot?.senderId ?? snapshot?.userId;
  return typeof id === "string" ? id : null;
}

/** Open reports per reported person (few rows: the queue is small; the snapshot is JSON). */
export async function countOpenReportsByUser(): Promise<Map<string, number>> {
  const rows = await db.report.findMany({ where: { status: "OPEN" }, select: { snapshot: true } });
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = reportedUserIdOf(row);
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export async function countOpenReportsAbout(userId: string): Promise<number> {
  return (await countOpenReportsByUser()).get(userId) ?? 0;
}

export async function findConversationContexts(ids: string[]) {
  return db.conversation.findMany({
    where: { id: { in: ids } },
    select: { id: true, kind: true, mission: { select: { title: true } } },
  });
}

export async function findMessagesState(ids: string[]) {
  return db.message.findMany({ where: { id: { in: ids } }, select: { id: true, hiddenAt: true } });
}

export async function findUsersBrief(ids: string[]) {
  return db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true, kind: true, suspendedAt: true },
  });
}

export async function findReportForAction(tx: Tx, reportId: string) {
  return tx.report.findUnique({
    where: { id: reportId },
    select: { id: true, status: true, reporterId: true, targetType: true, targetId: true, snapshot: true },
  });
}

/** Only an OPEN report closes: two moderators acting at once cannot both resolve it. */
export async function closeReport(
  tx: Tx,
  reportId: string,
  data: { status: "RESOLVED" | "DISMISSED"; resolution: string; resolvedById: string; resolvedAt: Date },
): Promise<boolean> {
  const { count } = await tx.report.updateMany({ where: { id: reportId, status: "OPEN" }, data });
  return count === 1;
}

/** Moderation hides a message: the chat shows a notice in its place (the report keeps the snapshot). */
export async function hideMessage(tx: Tx, messageId: string, at: Date) {
  const { count } = await tx.message.updateMany({
    where: { id: messageId, hiddenAt: null },
    data: { hiddenAt: at },
  });
  return count === 1;
}

export async function findProfileToReport(slug: string) {
  return db.secretaryProfile.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      headline: true,
      userId: true,
      user: { select: { displayName: true } },
    },
  });
}

export async function findMissionToReport(missionId: string) {
  return db.mission.findUnique({
    where: { id: missionId },
    select: {
      id: true,
      title: true,
      createdById: true,
      organizationId: true,
      organization: { select: { name: true } },
    },
  });
}

export async function isOrganizationMember(userId: string, organizationId: string) {
  return (await db.membership.count({ where: { userId, organizationId } })) > 0;
}

export async function findReviewToReport(reviewId: string) {
  return db.review.findUnique({
    where: { id: reviewId },
    select: {
      id: true,
      authorId: true,
      authorSide: true,
      rating: true,
      comment: true,
      publishedAt: true,
      hiddenAt: true,
      subjectUserId: true,
      subjectOrganizationId: true,
      author: { select: { displayName: true } },
      contract: { select: { organization: { select: { name: true } }, agency: { select: { name: true } } } },
    },
  });
}

/** The public page a review is shown on: the secretary's profile or the agency's page. */
export async function findReviewSubjectPage(subject: {
  subjectUserId: string | null;
  subjectOrganizationId: string | null;
}): Promise<string | null> {
  if (subject.subjectUserId) {
    const profile = await db.secretaryProfile.findUnique({
      where: { userId: subject.subjectUserId },
      select: { slug: true },
    });
    return profile ? `/secretaires/${profile.slug}` : null;
  }
  if (!subject.subjectOrganizationId) return null;
  const agency = await db.organization.findFirst({
    where: { id: subject.subjectOrganizationId, kind: "AGENCY" },
    select: { slug: true },
  });
  return agency?.slug ? `/agences/${agency.slug}` : null;
}

export async function findReviewsHidden(ids: string[]) {
  return db.review.findMany({ where: { id: { in: ids } }, select: { id: true, hiddenAt: true } });
}
