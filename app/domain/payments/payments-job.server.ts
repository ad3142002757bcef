// The payments worker: closes finished months, funds milestones, charges what waits for a charge
// (new payments, failed ones whose business saved a new method), allocates approved milestones and
// sends the transfers still waiting (a payee who was not ready, a crash, a Stripe error). Every
// step is idempotent, so a run that dies halfway is finished by the next one.
import { refreshPlannerStatistics } from "#app/lib/db.server";
import { getEnv } from "#app/lib/env.server";
import { startPeriodicJob } from "#app/lib/periodic-job";
import { logger as appLogger } from "#app/server/logger";
import { allocateApprovedMilestones, requestMilestoneFunding } from "./milestone-payments.server";
import { chargeWaitingPayments } from "./payment-charge.server";
import { releaseWaitingPayouts, type ReleaseOutcome } from "./payment-release.server";
import { closePeriod, findMonthsToClose } from "./period-close.server";

type Logger = Pick<typeof appLogger, "info" | "warn" | "error">;

/** Closes every month due at `now` (optionally of one contract: on completion); returns the new payment ids. */
export async function closeMonth(now: Date, contractId?: string): Promise<string[]> {
  const created: string[] = [];
  // The close updates work entries by id; fresh statistics keep that on the primary key.
  await refreshPlannerStatistics().catch((error: unknown) =>
    appLogger.warn({ err: error }, "statistiques SQLite non rafraîchies"),
  );
  for (const { contractId: id, month } of await findMonthsToClose(now, contractId)) {
    try {
      const paymentId = await closePeriod({ contractId: id, month, now });
      if (paymentId) created.push(paymentId);
    } catch (error) {
      // e.g. a payee without invoicing identity: that month waits, the others go on.
      appLogger.warn({ err: error, contractId: id, month }, "clôture du mois impossible pour l’instant");
    }
  }
  return created;
}

export type PaymentsRun = {
  closed: number;
  funded: number;
  charged: number;
  allocated: number;
  released: ReleaseOutcome;
};

export async function runPayments(now: Date): Promise<PaymentsRun> {
  const closed = (await closeMonth(now)).length;
  const funded = (await requestMilestoneFunding()).length;
  const charged = await chargeWaitingPayments();
  const allocated = (await allocateApprovedMilestones(now)).length;
  const released = await releaseWaitingPayouts();
  return { closed, funded, charged, allocated, released };
}

export type PaymentsJobOptions = { intervalMs?: number; now?: () => Date; poll?: boolean; logger?: Logger };
export type PaymentsJob = { stop(): Promise<void>; runOnce(): Promise<PaymentsRun> };

/** The timer job (app/lib/periodic-job.ts): runs never overlap, a first run at start. */
export function startPaymentsJob(options: PaymentsJobOptions = {}): PaymentsJob {
  const log = options.logger ?? appLogger;
  const now = options.now ?? (() => new Date());
  return startPeriodicJob({
    run: () => runPayments(now()),
    intervalMs: options.intervalMs ?? getEnv().PAYMENTS_JOB_INTERVAL_MS,
    poll: options.poll,
    onResult: (run) => {
      if (run.closed + run.funded + run.charged + run.allocated + run.released.sent > 0)
        log.info(run, "paiements traités");
    },
    onError: (error) =>
      log.error({ err: error }, "traitement des paiements en échec, nouvel essai plus tard"),
  });
}
