// Production entry: serves the built app (build/) with Express + socket.io on one port.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { startVigilanceReminders } from "#app/domain/compliance/vigilance-reminders.server";
import { startMissionExpiry } from "#app/domain/missions/mission-expiry.server";
import { startEmailOutbox } from "#app/domain/notifications/email-outbox.server";
import { startNotificationDigest } from "#app/domain/notifications/notification-digest.server";
import { startPaymentsJob } from "#app/domain/payments/payments-job.server";
import { startRetentionPurge } from "#app/domain/privacy/retention-purge.server";
import { startReviewPublication } from "#app/domain/reviews/review-publication.server";
import { startWorkAutoApproval } from "#app/domain/work/work-auto-approval.server";
import { getEnv } from "#app/lib/env.server";
import { setRealtimeBus, socketBus } from "#app/lib/realtime-bus.server";
import { simulatorUrl } from "#app/lib/stripe.server";
import { startEmbeddedStripeSimulator } from "#app/stripe-simulator/embedded.server";
import { closeSearchEngine, getSearchEngine } from "#search/engine-factory";
import { startSearchWorker } from "#search/sync/search-worker";
import { createAppServer } from "./app";
import { logger } from "./logger";

const env = getEnv();
const root = process.cwd();
const buildUrl = pathToFileURL(path.join(root, "build", "server", "index.js")).href;
const build = (await import(buildUrl)) as ServerBuild;

// Without STRIPE_SECRET_KEY, payments go to the local Stripe simulator in this process (mode démo).
const stripeSimulator = env.STRIPE_SECRET_KEY
  ? null
  : await startEmbeddedStripeSimulator({
      url: simulatorUrl(),
      appOrigin: `http://127.0.0.1:${env.PORT}`,
      dataDir: env.dataDir,
      log: (message) => logger.info(message),
    });

const { httpServer, realtime } = await createAppServer({
  build,
  root,
  trustProxy: env.TRUST_PROXY === "true",
  redisUrl: env.REDIS_URL,
});

// The jobs below import the domain through this module graph, not the build's: give them the bus too.
setRealtimeBus(socketBus(realtime.io));

httpServer.listen(env.PORT, env.HOST, () => {
  logger.info({ port: env.PORT, dataDir: env.dataDir }, `Permanence est prête : ${env.appUrl}`);
  // Under `remix dev` (npm run dev) the dev server waits for this signal before reloading.
  if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
});

// The search outbox is drained, missions past their deadline expired and work left alone past its
// review window approved, in this process unless a separate `npm run worker` does it.
const searchWorker =
  env.SEARCH_WORKER === "off" ? null : startSearchWorker({ engine: getSearchEngine, intervalMs: 1000 });
const missionExpiry = env.SEARCH_WORKER === "off" ? null : startMissionExpiry({ intervalMs: 60_000 });
const workAutoApproval = env.SEARCH_WORKER === "off" ? null : startWorkAutoApproval({ intervalMs: 60_000 });
// Month close, milestone funding, charges and transfers (app/domain/payments/README.md).
const paymentsJob = env.SEARCH_WORKER === "off" ? null : startPaymentsJob();
// Notification e-mails (outbox with retries) and the daily digest.
const emailOutbox =
  env.SEARCH_WORKER === "off" ? null : startEmailOutbox({ intervalMs: env.EMAIL_OUTBOX_INTERVAL_MS });
const notificationDigest =
  env.SEARCH_WORKER === "off"
    ? null
    : startNotificationDigest({ intervalMs: env.NOTIFICATION_DIGEST_INTERVAL_MS });
// Double-blind reviews whose 14 days have passed are published, hourly.
const reviewPublication = env.SEARCH_WORKER === "off" ? null : startReviewPublication();
// Legal-retention archive (erased accounts): records past their 10 years deleted, daily.
const retentionPurge = env.SEARCH_WORKER === "off" ? null : startRetentionPurge();
// Attestations de vigilance: businesses every 6 months, providers before a lapse, daily.
const vigilanceReminders = env.SEARCH_WORKER === "off" ? null : startVigilanceReminders();

function shutdown(signal: string) {
  logger.info({ signal }, "arrêt en cours");
  // The engine closes last: requests still being answered may be searching.
  void Promise.allSettled([
    realtime.close(),
    searchWorker?.stop(),
    missionExpiry?.stop(),
    workAutoApproval?.stop(),
    paymentsJob?.stop(),
    emailOutbox?.stop(),
    notificationDigest?.stop(),
    retentionPurge?.stop(),
    vigilanceReminders?.stop(),
    reviewPublication?.stop(),
    stripeSimulator?.stop(),
  ]).finally(() => httpServer.close(() => void closeSearchEngine().finally(() => process.exit(0))));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
