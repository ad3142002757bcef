// Expires OPEN missions whose proposal deadline is over, as the SYSTEM actor through
// transitionMission (history row with no actor, search document removed through the outbox).
//
// The deadline rule: `proposalDeadline` is a calendar day, stored as that day at 00:00 UTC
// (missions.server.ts), and the form only accepts a day after today in Paris. Proposals are
// taken for the WHOLE deadline day, Paris time: a mission expires once Paris's today is after
// that day, i.e. from 00:00 in Paris the next morning (22:00 or 23:00 UTC). Comparing with
// "Paris's today at 00:00 UTC" keeps it a comparison of days, whatever the server's zone.
//
// Runs where the search worker runs: in the web process unless SEARCH_WORKER=off, else in
// `npm run worker` — one runner per database (a second one would only find nothing to do, or
// lose the race on a mission and skip it).
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { startPeriodicJob } from "#app/lib/periodic-job";
import { logger as appLogger } from "#app/server/logger";
import { transitionMission } from "./mission-transition.server";
import { findOpenMissionIdsPastDeadline } from "./missions.repo.server";
import { parisToday } from "./schedule";

export const EXPIRY_BATCH_SIZE = 100;
const DEFAULT_INTERVAL_MS = 60_000;

type Logger = Pick<typeof appLogger, "info" | "warn" | "error">;

/** Deadlines strictly before this instant are over at `now`: Paris's today, as stored days are. */
export function deadlineCutoff(now: Date): Date {
  return new Date(`${parisToday(now)}T00:00:00Z`);
}

/** A mission closed, filled, cancelled or deleted since it was read is not this job's business. */
const changedMeanwhile = (error: unknown) =>
  error instanceof DomainError && ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND"].includes(error.code);

async function expireOne(missionId: string): Promise<boolean> {
  try {
    await db.$transaction((tx) =>
      transitionMission(tx, { missionId, event: "EXPIRE", actor: { id: null, as: "SYSTEM" } }),
    );
    return true;
  } catch (error) {
    if (changedMeanwhile(error)) return false;
    throw error;
  }
}

/**
 * Expires every OPEN mission whose deadline day is over at `now`, each in its own transaction, by
 * batches of 100. Returns how many it expired. An unexpected error stops the run (the next run
 * picks up where it failed: expired missions are no longer OPEN).
 */
export async function expireMissions({ now }: { now: Date }): Promise<number> {
  const before = deadlineCutoff(now);
  let expired = 0;
  let afterId: string | undefined;
  for (;;) {
    const ids = await findOpenMissionIdsPastDeadline(before, EXPIRY_BATCH_SIZE, afterId);
    for (const id of ids) if (await expireOne(id)) expired += 1;
    if (ids.length < EXPIRY_BATCH_SIZE) return expired;
    afterId = ids[ids.length - 1];
  }
}

export type MissionExpiryOptions = {
  /** Pause between the end of a run and the next one (default one minute). */
  intervalMs?: number;
  /** The clock (tests). */
  now?: () => Date;
  /** false: no timer, runs only through runOnce() (tests, scripts). */
  poll?: boolean;
  logger?: Logger;
};

export type MissionExpiry = {
  /** Stops the timer and waits for the run in progress. */
  stop(): Promise<void>;
  /** Runs now (after the run in progress, if any); returns how many missions expired. */
  runOnce(): Promise<number>;
};

export function startMissionExpiry(options: MissionExpiryOptions = {}): MissionExpiry {
  const log = options.logger ?? appLogger;
  const now = options.now ?? (() => new Date());
  // The first run at start catches up on deadlines that passed while nothing was running.
  return startPeriodicJob({
    run: () => expireMissions({ now: now() }),
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    poll: options.poll,
    onResult: (expired) => {
      if (expired > 0) log.info({ expired }, "missions expirées (date limite des propositions passée)");
    },
    onError: (error) => log.error({ err: error }, "expiration des missions en échec, nouvel essai plus tard"),
  });
}
