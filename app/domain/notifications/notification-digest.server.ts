// The daily digest: once a day, from 08:00 Paris time, each DAILY user with notifications waiting
// (emailState DIGEST) gets one e-mail listing them, through the outbox; they become QUEUED.
// "Once a day" = the last digest is before today's 08:00 Paris: the digest stays at 08:00 whatever
// time a run happens (no drift), and a late run does not send two in a day. Choosing DAILY sets
// the clock to that moment, so the first digest is the next 08:00.
import { parisInstant, parisToday } from "#app/domain/missions/schedule";
import { getEnv } from "#app/lib/env.server";
import { startPeriodicJob, type PeriodicJob } from "#app/lib/periodic-job";
import { logger as appLogger } from "#app/server/logger";
import { digestEmail } from "./notification-emails";
import { isNotificationType } from "./notification-types";
import * as repo from "./email-outbox.repo.server";
import { unsubscribeToken } from "./unsubscribe-token.server";

export const DIGEST_HOUR = 8;
const BATCH = 100;
type Logger = Pick<typeof appLogger, "info" | "warn" | "error">;

/** 08:00 Paris time on the Paris calendar day of `now` (DST changes happen at night, not at 08:00). */
export function todaysDigestTime(now: Date): Date {
  return parisInstant(parisToday(now), `${String(DIGEST_HOUR).padStart(2, "0")}:00`);
}

type Window = { now: Date; since: Date };

async function digestFor(user: { id: string; email: string; displayName: string }, window: Window) {
  const rows = await repo.findDigestNotifications(user.id);
  const items = rows.flatMap((r) => (isNotificationType(r.type) ? [{ ...r, type: r.type }] : []));
  if (items.length === 0) return false;
  const mail = digestEmail({ name: user.displayName }, items, {
    appUrl: getEnv().appUrl,
    unsubscribeToken: unsubscribeToken(user.id),
  });
  return repo.queueDigest(
    user.id,
    rows.map((r) => r.id),
    { to: user.email, ...mail },
    window,
  );
}

/** Queues the digests due at `now`; returns how many. Before 08:00 Paris time, none. */
export async function queueDailyDigests(now: Date = new Date()): Promise<number> {
  const since = todaysDigestTime(now);
  if (now < since) return 0;
  let queued = 0;
  for (;;) {
    const users = await repo.findDigestRecipients(since, BATCH);
    let round = 0;
    for (const user of users) if (await digestFor(user, { now, since })) round += 1;
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
