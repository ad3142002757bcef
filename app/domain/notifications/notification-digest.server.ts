// The daily digest: once a day, from 08:00 Paris time, each DAILY user with notifications waiting
// (emailState DIGEST) gets one e-mail listing them, through the outbox; they become QUEUED.
// "Once a day" = the last digest is at least 24 h old, so a late run does not send two in a day.
import { getEnv } from "#app/lib/env.server";
import { startPeriodicJob, type PeriodicJob } from "#app/lib/periodic-job";
import { logger as appLogger } from "#app/server/logger";
import { digestEmail } from "./notification-emails";
import { isNotificationType } from "./notification-types";
import * as repo from "./email-outbox.repo.server";
import { unsubscribeToken } from "./unsubscribe-token.server";

export const DIGEST_HOUR = 8;
const DAY_MS = 86_400_000;
const BATCH = 100;
type Logger = Pick<typeof appLogger, "info" | "warn" | "error">;

export function parisHour(now: Date): number {
  const hour = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    hour: "2-digit",
    hourCycle: "h23",
  })
    .formatToParts(now)
    .find((p) => p.type === "hour")?.value;
  return Number(hour);
}

async function digestFor(user: { id: string; email: string; displayName: string }, now: Date) {
  const rows = await repo.findDigestNotifications(user.id);
  const items = rows.flatMap((r) => (isNotificationType(r.type) ? [{ ...r, type: r.type }] : []));
  if (items.length === 0) return false;
  const mail = digestEmail({ name: user.displayName }, items, {
    appUrl: getEnv().appUrl,
    unsubscribeToken: unsubscribeToken(user.id),
  });
  await repo.queueDigest(
    user.id,
    rows.map((r) => r.id),
    { to: user.email, ...mail },
    now,
  );
  return true;
}

/** Queues the digests due at `now`; returns how many. Before 08:00 Paris time, none. */
export async function queueDailyDigests(now: Date = new Date()): Promise<number> {
  if (parisHour(now) < DIGEST_HOUR) return 0;
  let queued = 0;
  for (;;) {
    const users = await repo.findDigestRecipients(new Date(now.getTime() - DAY_MS), BATCH);
    let round = 0;
    for (const user of users) if (await digestFor(user, now)) round += 1;
    queued += round;
    if (users.length < BATCH || round === 0) return queued;
  }
}

export type DigestOptions = { intervalMs?: number; poll?: boolean; now?: () => Date; logger?: Logger };

export function startNotificationDigest(options: DigestOptions = {}): PeriodicJob<number> {
  const log = options.logger ?? appLogger;
  const now = options.now ?? (() => new Date());
  return startPeriodicJob({
    run: () => queueDailyDigests(now()),
    intervalMs: options.intervalMs ?? 300_000,
    poll: options.poll,
    onResult: (queued) => {
      if (queued > 0) log.info({ queued }, "résumés quotidiens de notifications mis en file");
    },
    onError: (error) => log.error({ err: error }, "résumé quotidien en échec, nouvel essai plus tard"),
  });
}
