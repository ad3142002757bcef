// In-app notifications and their e-mails. notify() writes in the caller's transaction (rows, and the
// outbox e-mail for users who want it now); the caller publishes the live count once it committed.
// Grouping: an UNREAD notification with the same groupKey is bumped (count + 1, newest text, moved
// to the top) instead of adding a row; it does not send a second e-mail — the first one is unread.
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";
import { getRealtimeBus, userRoom } from "#app/lib/realtime-bus.server";
import { logger } from "#app/server/logger";
import { notificationEmail } from "./notification-emails";
import {
  isEmailMode,
  isNotificationType,
  notificationTypeLabels,
  type EmailMode,
  type NotificationType,
} from "./notification-types";
import {
  NOTIFICATIONS_PAGE_SIZE,
  type NotificationDTO,
  type NotificationPage,
  type NotificationPreferences,
} from "./notifications.schema";
import * as repo from "./notifications.repo.server";
import { unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token.server";

export type NotifyInput = {
  userIds: readonly string[];
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  groupKey?: string;
  /** false: in-app only (the use case already e-mails the person itself). */
  email?: boolean;
  now?: Date;
};

const emailModeOf = (r: { notificationPreference: { emailMode: string } | null }): EmailMode => {
  const mode = r.notificationPreference?.emailMode ?? "IMMEDIATE";
  return isEmailMode(mode) ? mode : "IMMEDIATE";
};

const emailStateFor = (mode: EmailMode, email: boolean) =>
  !email ? "NONE" : mode === "IMMEDIATE" ? "QUEUED" : mode === "DAILY" ? "DIGEST" : "SKIPPED";

/** Writes the notifications in `client`'s transaction; returns who was notified (for publishing). */
export async function notify(client: Tx | typeof db, input: NotifyInput): Promise<string[]> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  const now = input.now ?? new Date();
  const { appUrl } = getEnv();
  const outbox: repo.OutboxWrite[] = [];
  const recipients = await repo.findRecipients(client, userIds);
  for (const r of recipients) {
    const grouped = input.groupKey ? await repo.findUnreadGroup(client, r.id, input.groupKey) : null;
    if (grouped) {
      await repo.bumpNotification(client, grouped.id, {
        title: input.title,
        body: input.body,
        link: input.link,
        now,
      });
      continue;
    }
    const emailState = emailStateFor(emailModeOf(r), input.email !== false);
    const { type, title, body, link } = input;
    const groupKey = input.groupKey ?? null;
    await repo.createNotification(client, {
      userId: r.id,
      type,
      title,
      body,
      link,
      groupKey,
      emailState,
      now,
    });
    if (emailState !== "QUEUED") continue;
    const mail = notificationEmail({ name: r.displayName }, input, {
      appUrl,
      unsubscribeToken: unsubscribeToken(r.id),
    });
    outbox.push({ userId: r.id, to: r.email, kind: input.type, ...mail });
  }
  await repo.createOutboxRows(client, outbox);
  return recipients.map((r) => r.id);
}

type Row = Awaited<ReturnType<typeof repo.findPage>>["items"][number];

function toDTO(row: Row): NotificationDTO {
  const type = isNotificationType(row.type) ? row.type : "MODERATION_OUTCOME";
  return {
    id: row.id,
    type,
    typeLabel: notificationTypeLabels[type],
    title: row.title,
    body: row.body,
    link: row.link,
    count: row.count,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * After commit: each user's open tabs get the new unread count and the newest notification. A
 * failure here loses nothing (the page shows the truth on its next load), so it is only logged.
 */
export async function publishNotifications(userIds: readonly string[]): Promise<void> {
  const bus = getRealtimeBus();
  for (const userId of new Set(userIds)) {
    try {
      const [unread, latest] = await Promise.all([repo.countUnread(userId), repo.findPage(userId, 0, 1)]);
      const newest = latest.items[0];
      if (newest && newest.readAt === null) bus.emit(userRoom(userId), "notification:new", toDTO(newest));
      bus.emit(userRoom(userId), "notification:count", { unread });
    } catch (error) {
      logger.warn({ err: error, userId }, "notification non publiée en direct");
    }
  }
}

/** A chat message: only the recipients with no open socket are notified, one line per conversation. */
export async function notifyMessageReceived(input: {
  recipientIds: readonly string[];
  conversationId: string;
  senderName: string;
  excerpt: string;
}): Promise<void> {
  const bus = getRealtimeBus();
  const online = await Promise.all(input.recipientIds.map((id) => bus.isOnline(id)));
  const offline = input.recipientIds.filter((_, i) => !online[i]);
  if (offline.length === 0) return;
  const notified = await db.$transaction((tx) =>
    notify(tx, {
      userIds: offline,
      type: "MESSAGE_RECEIVED",
      title: `Message de ${input.senderName}`,
      body: input.excerpt.length > 200 ? `${input.excerpt.slice(0, 199)}…` : input.excerpt,
      link: `/messages/${input.conversationId}`,
      groupKey: `conversation:${input.conversationId}`,
    }),
  );
  await publishNotifications(notified);
}

export const countUnreadNotifications = (userId: string) => repo.countUnread(userId);

export async function listNotifications({
  actorId,
  page,
}: {
  actorId: string;
  page: number;
}): Promise<NotificationPage> {
  const size = NOTIFICATIONS_PAGE_SIZE;
  const { items, total } = await repo.findPage(actorId, (Math.max(1, page) - 1) * size, size);
  return {
    items: items.map(toDTO),
    page,
    pageCount: Math.max(1, Math.ceil(total / size)),
    unread: await repo.countUnread(actorId),
  };
}

const notificationNotFound = () => new DomainError("NOT_FOUND", "Cette notification est introuvable.");

/** Marks one of the actor's own notifications read and returns where it leads; others' are 404. */
export async function markNotificationRead({
  actorId,
  notificationId,
  now = new Date(),
}: {
  actorId: string;
  notificationId: string;
  now?: Date;
}): Promise<{ link: string | null }> {
  const own = await repo.findOwnNotification(actorId, notificationId);
  if (!own) throw notificationNotFound();
  await repo.markRead(actorId, own.id, now);
  await publishNotifications([actorId]);
  return { link: own.link };
}

export async function markAllRead({ actorId, now = new Date() }: { actorId: string; now?: Date }) {
  const marked = await repo.markAllRead(actorId, now);
  await publishNotifications([actorId]);
  return { marked };
}

export async function getPreferences(userId: string): Promise<NotificationPreferences> {
  const pref = await repo.findPreference(userId);
  return { emailMode: pref && isEmailMode(pref.emailMode) ? pref.emailMode : "IMMEDIATE" };
}

export async function updatePreferences({
  actorId,
  input,
  now = new Date(),
}: {
  actorId: string;
  input: { emailMode: string };
  now?: Date;
}) {
  if (!isEmailMode(input.emailMode))
    throw new DomainError("VALIDATION", "Choisissez une fréquence d’e-mails.");
  await repo.upsertPreference(actorId, input.emailMode, now);
  return { emailMode: input.emailMode };
}

export const INVALID_UNSUBSCRIBE_MESSAGE =
  "Ce lien de désabonnement n’est pas valide. Utilisez le lien complet reçu par e-mail, ou connectez-vous pour choisir vos préférences.";

async function userOfToken(token: string): Promise<string> {
  const userId = verifyUnsubscribeToken(token);
  if (!userId || !(await repo.userExists(userId)))
    throw new DomainError("VALIDATION", INVALID_UNSUBSCRIBE_MESSAGE);
  return userId;
}

/** The unsubscribe page (GET): whether the link is genuine, and the current choice. */
export async function checkUnsubscribeToken({ token }: { token: string }) {
  return getPreferences(await userOfToken(token));
}

/** From the e-mail link, no login: the signed token is the proof. Sets NEVER; waiting e-mails are dropped. */
export async function unsubscribe({ token, now = new Date() }: { token: string; now?: Date }) {
  const userId = await userOfToken(token);
  await repo.upsertPreference(userId, "NEVER", now);
  return { emailMode: "NEVER" as const };
}
