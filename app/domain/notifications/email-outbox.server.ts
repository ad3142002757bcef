// Drains the e-mail outbox: rows written in the same transaction as what caused them are sent by
// the worker, with retries. A failed send waits 1 min × 2^attempts (capped at 6 h) and the row is
// FAILED after MAX_EMAIL_ATTEMPTS; nothing is lost while the SMTP server is down.
import { getEnv } from "#app/lib/env.server";
import { sendMail } from "#app/lib/mail.server";
import { startPeriodicJob, type PeriodicJob } from "#app/lib/periodic-job";
import { logger as appLogger } from "#app/server/logger";
import { unsubscribeUrl } from "./notification-emails";
import * as repo from "./email-outbox.repo.server";
import { unsubscribeToken } from "./unsubscribe-token.server";

export const EMAIL_BATCH_SIZE = 50;
export const MAX_EMAIL_ATTEMPTS = 8;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 3_600_000;
/** How long a claimed row is left to its sender before another worker may try it again. */
export const EMAIL_CLAIM_MS = 10 * 60_000;

type Logger = Pick<typeof appLogger, "info" | "warn" | "error">;
export type DrainResult = { sent: number; retried: number; failed: number };

/** The wait before the next attempt, after `attempts` failures. */
export const retryDelayMs = (attempts: number) => Math.min(BASE_DELAY_MS * 2 ** attempts, MAX_DELAY_MS);

/** One-click unsubscribe for mail clients (RFC 8058), on every e-mail addressed to a user. */
function unsubscribeHeaders(userId: string | null): Record<string, string> | undefined {
  if (!userId) return undefined;
  const url = unsubscribeUrl({ appUrl: getEnv().appUrl, unsubscribeToken: unsubscribeToken(userId) });
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * Sends one batch of due rows; each row's outcome is recorded on its own. Each row is claimed
 * before it is sent (several web instances and the worker may drain at once): a row another
 * drain took is skipped.
 */
export async function drainEmailOutbox(
  now: Date = new Date(),
  log: Logger = appLogger,
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  for (const row of await repo.findDueEmails(now, EMAIL_BATCH_SIZE)) {
    if (!(await repo.claimEmail(row.id, now, EMAIL_CLAIM_MS))) continue;
    try {
      const { to, subject, text, html } = row;
      await sendMail({ to, subject, text, html, headers: unsubscribeHeaders(row.userId) });
      await repo.markEmailSent(row.id, new Date());
      result.sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const failed = attempts >= MAX_EMAIL_ATTEMPTS;
      await repo.markEmailFailed(row.id, {
        attempts,
        lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        status: failed ? "FAILED" : "PENDING",
      });
      if (failed) log.error({ err: error, emailId: row.id }, "e-mail abandonné après plusieurs essais");
      result[failed ? "failed" : "retried"] += 1;
    }
  }
  return result;
}

export type EmailOutboxOptions = { intervalMs?: number; poll?: boolean; now?: () => Date; logger?: Logger };

/** The timer job (app/lib/periodic-job.ts): runs never overlap, a first run at start. */
export function startEmailOutbox(options: EmailOutboxOptions = {}): PeriodicJob<DrainResult> {
  const log = options.logger ?? appLogger;
  const now = options.now ?? (() => new Date());
  return startPeriodicJob({
    run: () => drainEmailOutbox(now(), log),
    intervalMs: options.intervalMs ?? 5000,
    poll: options.poll,
    onResult: (r) => {
      if (r.retried + r.failed > 0) log.warn(r, "envoi d’e-mails en échec, nouvel essai plus tard");
    },
    onError: (error) => log.error({ err: error }, "file d’e-mails en échec, nouvel essai plus tard"),
  });
}
