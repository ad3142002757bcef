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

/**
 * Takes a due row for this sender: pushes its next attempt `leaseMs` ahead, only if it is still
 * PENDING and due. Two workers draining at once both read the row; only one claim succeeds.
 */
export async function claimEmail(id: string, now: Date, leaseMs: number): Promise<boolean> {
  const { count } = await db.emailOutbox.updateMany({
    where: { id, status: "PENDING", nextAttemptAt: { lte: now } },
    data: { nextAttemptAt: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
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

const digestDue = (since: Date) => ({
  emailMode: "DAILY",
  OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: since } }],
});

/** DAILY users whose last digest is before `since` (or who never had one) with something waiting. */
export async function findDigestRecipients(since: Date, take: number) {
  return db.user.findMany({
    where: {
      notificationPreference: digestDue(since),
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

/**
 * One transaction: the user's clock is claimed first (only if the digest is still due, so two
 * concurrent runs queue one digest), then the digest row is queued and its notifications marked.
 * Returns false when another run already took it.
 */
export async function queueDigest(
  userId: string,
  notificationIds: readonly string[],
  email: { to: string; subject: string; text: string; html: string },
  { now, since }: { now: Date; since: Date },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.notificationPreference.updateMany({
      where: { userId, ...digestDue(since) },
      data: { lastDigestAt: now },
    });
    if (count === 0) return false;
    await tx.emailOutbox.create({ data: { userId, kind: "DIGEST", ...email } });
    await tx.notification.updateMany({
      where: { id: { in: [...notificationIds] }, emailState: "DIGEST" },
      data: { emailState: "QUEUED" },
    });
    return true;
  });
}
