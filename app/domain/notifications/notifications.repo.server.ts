// The only notifications file that touches Prisma: notifications, preferences and the e-mail outbox.
import { db, type Tx } from "#app/lib/db.server";

type Client = Tx | typeof db;

export const notificationSelect = {
  id: true,
  type: true,
  title: true,
  body: true,
  link: true,
  count: true,
  readAt: true,
  createdAt: true,
} as const;

export async function findRecipients(client: Client, userIds: readonly string[]) {
  return client.user.findMany({
    where: { id: { in: [...userIds] } },
    select: {
      id: true,
      email: true,
      displayName: true,
      notificationPreference: { select: { emailMode: true } },
    },
  });
}

export async function findUnreadGroup(client: Client, userId: string, groupKey: string) {
  return client.notification.findFirst({
    where: { userId, groupKey, readAt: null },
    select: { id: true, emailState: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function bumpNotification(
  client: Client,
  id: string,
  data: { title: string; body: string; link: string | null; now: Date },
) {
  await client.notification.update({
    where: { id },
    data: {
      title: data.title,
      body: data.body,
      link: data.link,
      count: { increment: 1 },
      createdAt: data.now,
    },
  });
}

export async function createNotification(
  client: Client,
  data: {
    userId: string;
    type: string;
    title: string;
    body: string;
    link: string | null;
    groupKey: string | null;
    emailState: string;
    now: Date;
  },
) {
  const { now, ...rest } = data;
  return client.notification.create({ data: { ...rest, createdAt: now }, select: { id: true } });
}

export type OutboxWrite = {
  userId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: string;
};

export async function createOutboxRows(client: Client, rows: readonly OutboxWrite[]) {
  if (rows.length > 0) await client.emailOutbox.createMany({ data: [...rows] });
}

export async function countUnread(userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function findPage(userId: string, skip: number, take: number) {
  const [items, total] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      select: notificationSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take,
    }),
    db.notification.count({ where: { userId } }),
  ]);
  return { items, total };
}

export async function findOwnNotification(userId: string, id: string) {
  return db.notification.findFirst({ where: { id, userId }, select: notificationSelect });
}

export async function markRead(userId: string, id: string, now: Date) {
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
}

export async function markAllRead(userId: string, now: Date) {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: now },
  });
  return count;
}

export async function findPreference(userId: string) {
  return db.notificationPreference.findUnique({
    where: { userId },
    select: { emailMode: true, lastDigestAt: true },
  });
}

/** What an unsubscribed user's e-mails still waiting in the outbox become (the schema has no SKIPPED). */
export const UNSUBSCRIBED_ERROR = "désabonné";

/**
 * Leaving the daily digest drops what waited for it: those notifications stay on the site only.
 * Choosing DAILY starts the clock now (first digest at the next 08:00). NEVER also stops the
 * e-mails already waiting in the outbox: FAILED with lastError "désabonné".
 */
export async function upsertPreference(userId: string, emailMode: string, now: Date) {
  await db.$transaction(async (tx) => {
    const before = await tx.notificationPreference.findUnique({
      where: { userId },
      select: { emailMode: true },
    });
    const becomesDaily = emailMode === "DAILY" && before?.emailMode !== "DAILY";
    const clock = becomesDaily ? { lastDigestAt: now } : {};
    await tx.notificationPreference.upsert({
      where: { userId },
      create: { userId, emailMode, ...clock },
      update: { emailMode, ...clock },
    });
    if (emailMode !== "DAILY")
      await tx.notification.updateMany({
        where: { userId, emailState: "DIGEST" },
        data: { emailState: "SKIPPED" },
      });
    if (emailMode === "NEVER")
      await tx.emailOutbox.updateMany({
        where: { userId, status: "PENDING" },
        data: { status: "FAILED", lastError: UNSUBSCRIBED_ERROR },
      });
  });
}

export async function userExists(userId: string) {
  return (await db.user.count({ where: { id: userId } })) === 1;
}
