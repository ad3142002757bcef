// The e-mail outbox and the digest's reads and writes (the only Prisma access of the jobs).
import { db } from "#app/lib/db.server";

export async function findDueEmails(now: Date, take: number) {
  return db.emailOutbox.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    select: { id: true, userId: true, to: true, subject: true, text: true, html: true, attempts: true },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take,
  });
}

export async function markEmailSent(id: string, now: Date) {
  await db.emailOutbox.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "SENT", sentAt: now },
  });
}

export async function markEmailFailed(
  id: string,
  data: { attempts: number; lastError: string; nextAttemptAt: Date; status: "PENDING" | "FAILED" },
) {
  await db.emailOutbox.updateMany({ where: { id, status: "PENDING" }, data });
}

/** DAILY users whose last digest is older than `since` (or who never had one) with something waiting. */
export async function findDigestRecipients(since: Date, take: number) {
  return db.user.findMany({
    where: {
      notificationPreference: {
        emailMode: "DAILY",
        OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: since } }],
      },
      notifications: { some: { emailState: "DIGEST" } },
    },
    select: { id: true, email: true, displayName: true },
    orderBy: { id: "asc" },
    take,
  });
}

export async function findDigestNotifications(userId: string) {
  return db.notification.findMany({
    where: { userId, emailState: "DIGEST" },
    select: { id: true, type: true, title: true, body: true, link: true, count: true },
    orderBy: { createdAt: "asc" },
  });
}

/** One transaction: the digest row is queued, its notifications marked, the user's clock reset. */
export async function queueDigest(
  userId: string,
  notificationIds: readonly string[],
  email: { to: string; subject: string; text: string; html: string },
  now: Date,
) {
  await db.$transaction(async (tx) => {
    await tx.emailOutbox.create({ data: { userId, kind: "DIGEST", ...email } });
    await tx.notification.updateMany({
      where: { id: { in: [...notificationIds] }, emailState: "DIGEST" },
      data: { emailState: "QUEUED" },
    });
    await tx.notificationPreference.update({ where: { userId }, data: { lastDigestAt: now } });
  });
}
