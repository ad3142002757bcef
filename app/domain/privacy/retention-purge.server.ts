// The daily purge of the legal-retention archive: a RetainedRecord is deleted once its retainUntil
// (erasure + 10 years) has passed. Started by the web server and by `npm run worker`.
import { type PeriodicJob, startPeriodicJob } from "#app/lib/periodic-job";
import { logger as appLogger } from "#app/server/logger";
import { deleteExpiredRecords } from "./retention.repo.server";

type Logger = Pick<typeof appLogger, "info" | "error">;

export const RETENTION_YEARS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/** erasure date + 10 years (calendar years, UTC). */
export function retentionEnd(from: Date): Date {
  const end = new Date(from);
  end.setUTCFullYear(end.getUTCFullYear() + RETENTION_YEARS);
  return end;
}

export async function purgeExpiredRecords(now = new Date()): Promise<{ deleted: number }> {
  return { deleted: await deleteExpiredRecords(now) };
}

export type RetentionPurgeOptions = {
  intervalMs?: number;
  poll?: boolean;
  now?: () => Date;
  logger?: Logger;
};

/** The timer job (app/lib/periodic-job.ts): once a day, and once at start. */
export function startRetentionPurge(options: RetentionPurgeOptions = {}): PeriodicJob<{ deleted: number }> {
  const log = options.logger ?? appLogger;
  const now = options.now ?? (() => new Date());
  return startPeriodicJob({
    run: () => purgeExpiredRecords(now()),
    intervalMs: options.intervalMs ?? DAY_MS,
    poll: options.poll,
    onResult: (result) => {
      if (result.deleted > 0) log.info(result, "archives légales arrivées à échéance supprimées");
    },
    onError: (error) =>
      log.error({ err: error }, "purge des archives légales en échec, nouvel essai plus tard"),
  });
}
