// Reading what notifications wrote, and a fake realtime bus that records what was published.
import { db } from "#app/lib/db.server";
import { setRealtimeBus, type RealtimeBus } from "#app/lib/realtime-bus.server";

export const notificationsOf = (userId: string) =>
  db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      type: true,
      title: true,
      body: true,
      link: true,
      count: true,
      readAt: true,
      emailState: true,
      groupKey: true,
      createdAt: true,
    },
  });

export const outboxTo = (to: string) =>
  db.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

export async function setEmailMode(
  userId: string,
  emailMode: "IMMEDIATE" | "DAILY" | "NEVER",
  lastDigestAt?: Date,
) {
  await db.notificationPreference.upsert({
    where: { userId },
    create: { userId, emailMode, lastDigestAt },
    update: { emailMode, lastDigestAt },
  });
}

export async function addMember(
  organizationId: string,
  user: { id: string },
  role: "OWNER" | "MEMBER" = "MEMBER",
) {
  await db.membership.create({ data: { organizationId, userId: user.id, role } });
}

export type Published = { rooms: string | string[]; event: string; payload: unknown };

/** Installs a bus that records emits; `online` users count as connected. Call the returned reset. */
export function recordingBus(online: readonly string[] = []) {
  const published: Published[] = [];
  const bus: RealtimeBus = {
    emit: (rooms, event, payload) => void published.push({ rooms, event, payload }),
    join: () => {},
    isOnline: async (userId) => online.includes(userId),
  };
  setRealtimeBus(bus);
  return { published, reset: () => setRealtimeBus(null) };
}
