// The worker approves what the business left alone: every SUBMITTED entry and milestone whose
// submittedAt + the contract's review window (whole 24-hour days) is at or before `now`, as SYSTEM
// (reviewedById null, autoApproved true). DISPUTED work waits for a decision; contracts that are
// DISPUTED, PENDING or CANCELLED are skipped (same rule as a manual approval, work.policy).
//
// Runs where the mission expiry runs (web process unless SEARCH_WORKER=off, else `npm run worker`).
// Idempotent: approved work is no longer SUBMITTED, and each update is conditional on the status.
import { notifyWorkReviewed } from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { startPeriodicJob } from "#app/lib/periodic-job";
import { logger as appLogger } from "#app/server/logger";
import { transitionWork, type WorkKind } from "./work-transition.server";
import { reviewableContractStatuses } from "./work.policy";

export const AUTO_APPROVAL_BATCH_SIZE = 100;
const DAY_MS = 86_400_000;
type Logger = Pick<typeof appLogger, "info" | "warn" | "error">;

/** The distinct review windows in force: one due-date cut-off per window. */
async function reviewWindows(): Promise<number[]> {
  const rows = await db.contract.findMany({
    distinct: ["reviewWindowDays"],
    select: { reviewWindowDays: true },
  });
  return rows.map((r) => r.reviewWindowDays);
}

function dueWhere(windowDays: number, now: Date, afterId: string | undefined) {
  return {
    status: "SUBMITTED",
    submittedAt: { lte: new Date(now.getTime() - windowDays * DAY_MS) },
    contract: { reviewWindowDays: windowDays, status: { in: [...reviewableContractStatuses] } },
    ...(afterId ? { id: { gt: afterId } } : {}),
  };
}

async function dueIds(kind: WorkKind, windowDays: number, now: Date, afterId?: string) {
  const query = {
    where: dueWhere(windowDays, now, afterId),
    select: { id: true },
    orderBy: { id: "asc" as const },
    take: AUTO_APPROVAL_BATCH_SIZE,
  };
  const rows = kind === "ENTRY" ? await db.workEntry.findMany(query) : await db.milestone.findMany(query);
  return rows.map((r) => r.id);
}

/** One batch in one transaction; a line changed meanwhile (approved, disputed, edited) is skipped. */
async function approveBatch(kind: WorkKind, ids: readonly string[], now: Date): Promise<number> {
  const result = await db.$transaction(async (tx) => {
    let approved = 0;
    const notified: string[] = [];
    for (const id of ids) {
      try {
        await transitionWork(tx, {
          kind,
          id,
          from: "SUBMITTED",
          event: "AUTO_APPROVE",
          actor: { id: null, as: "SYSTEM" },
          now,
        });
        approved += 1;
        // One "travail validé" line per worker, contract and day, however many lines were approved.
        notified.push(...(await notifyWorkReviewed(tx, { kind, id }, "APPROVED", now)));
      } catch (error) {
        if (!(error instanceof DomainError && error.code === "CONFLICT")) throw error;
      }
    }
    return { approved, notified };
  });
  await publishNotifications(result.notified);
  return result.approved;
}

/** Approves everything due at `now`; returns how many entries and milestones it approved. */
export async function autoApproveDueWork(now: Date): Promise<number> {
  let approved = 0;
  for (const windowDays of await reviewWindows()) {
    for (const kind of ["ENTRY", "MILESTONE"] as const) {
      let afterId: string | undefined;
      for (;;) {
        const ids = await dueIds(kind, windowDays, now, afterId);
        if (ids.length > 0) approved += await approveBatch(kind, ids, now);
        if (ids.length < AUTO_APPROVAL_BATCH_SIZE) break;
        afterId = ids[ids.length - 1];
      }
    }
  }
  return approved;
}

export type WorkAutoApprovalOptions = {
  intervalMs?: number;
  now?: () => Date;
  poll?: boolean;
  logger?: Logger;
};
export type WorkAutoApproval = { stop(): Promise<void>; runOnce(): Promise<number> };

/** The timer job (app/lib/periodic-job.ts): runs never overlap, a first run at start. */
export function startWorkAutoApproval(options: WorkAutoApprovalOptions = {}): WorkAutoApproval {
  const log = options.logger ?? appLogger;
  const now = options.now ?? (() => new Date());
  return startPeriodicJob({
    run: () => autoApproveDueWork(now()),
    intervalMs: options.intervalMs ?? 60_000,
    poll: options.poll,
    onResult: (approved) => {
      if (approved > 0) log.info({ approved }, "travail validé automatiquement (délai de validation écoulé)");
    },
    onError: (error) =>
      log.error({ err: error }, "validation automatique du travail en échec, nouvel essai plus tard"),
  });
}
