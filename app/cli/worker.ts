// `npm run worker`: drains the search outbox, expires missions past their deadline and approves work
// left alone past its review window and sends notification e-mails, in its own process. Run exactly one, and start the web instances
// with SEARCH_WORKER=off so they do not do it too.
import fs from "node:fs";

// Like `npm start`: a local .env is optional and real environment variables win. Loaded before
// the modules below read the environment.
if (fs.existsSync(".env")) process.loadEnvFile(".env");

const { db } = await import("#app/lib/db.server");
const { logger } = await import("#app/server/logger");
const { closeSearchEngine, getSearchEngine } = await import("#search/engine-factory");
const { startSearchWorker } = await import("#search/sync/search-worker");
const { startMissionExpiry } = await import("#app/domain/missions/mission-expiry.server");
const { startWorkAutoApproval } = await import("#app/domain/work/work-auto-approval.server");
const { startPaymentsJob } = await import("#app/domain/payments/payments-job.server");
const { startEmailOutbox } = await import("#app/domain/notifications/email-outbox.server");
const { startNotificationDigest } = await import("#app/domain/notifications/notification-digest.server");
const { startReviewPublication } = await import("#app/domain/reviews/review-publication.server");
const { startRetentionPurge } = await import("#app/domain/privacy/retention-purge.server");
const { startVigilanceReminders } = await import("#app/domain/compliance/vigilance-reminders.server");
const { getEnv } = await import("#app/lib/env.server");

const worker = startSearchWorker({ engine: getSearchEngine, intervalMs: 1000 });
const missionExpiry = startMissionExpiry({ intervalMs: 60_000 });
const workAutoApproval = startWorkAutoApproval({ intervalMs: 60_000 });
const paymentsJob = startPaymentsJob();
const emailOutbox = startEmailOutbox({ intervalMs: getEnv().EMAIL_OUTBOX_INTERVAL_MS });
const notificationDigest = startNotificationDigest({ intervalMs: getEnv().NOTIFICATION_DIGEST_INTERVAL_MS });
const reviewPublication = startReviewPublication();
const retentionPurge = startRetentionPurge();
const vigilanceReminders = startVigilanceReminders();
logger.info({ engine: process.env.MEILI_HOST ? "meilisearch" : "embedded" }, "worker de recherche démarré");

async function shutdown(signal: string) {
  logger.info({ signal }, "arrêt du worker de recherche");
  setTimeout(() => process.exit(1), 10_000).unref();
  await Promise.allSettled([
    worker.stop(),
    missionExpiry.stop(),
    workAutoApproval.stop(),
    paymentsJob.stop(),
    emailOutbox.stop(),
    notificationDigest.stop(),
    retentionPurge.stop(),
    vigilanceReminders.stop(),
    reviewPublication.stop(),
  ]);
  await closeSearchEngine();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
