// Publishing reviews and what follows (issue 7): the subject's rating is recomputed from her
// published, not hidden reviews; a secretary's search document is queued so the Bayesian score in
// the index follows (search/rating-score.ts); the subject is notified (REVIEW_RECEIVED).
//
// Ratings: an independent secretary's land on her SecretaryProfile; a review of an agency's work on
// the agency (Organization.rating*), a review of a business on the business. The job runs where the
// other jobs run (web process unless SEARCH_WORKER=off, else `npm run worker`), hourly: the 14-day
// deadline needs no finer clock. Idempotent: publishing is conditional on publishedAt being null.
import { notify, publishNotifications } from "#app/domain/notifications/notifications.server";
import { db, type Tx } from "#app/lib/db.server";
import { startPeriodicJob, type PeriodicJob } from "#app/lib/periodic-job";
import { logger as appLogger } from "#app/server/logger";
import { enqueueSearchUpdate } from "#search/sync/outbox";
import { isPublicationDue } from "./review-visibility";
import * as repo from "./reviews.repo.server";
import type { ReviewSide } from "./reviews.schema";

const BATCH_SIZE = 100;
type Logger = Pick<typeof appLogger, "info" | "error">;

const roundTo = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** Recomputes the subject's rating from her public reviews, and queues her search document. */
export async function recomputeRating(tx: Tx, subject: repo.Subject): Promise<void> {
  const stats = await repo.aggregatePublished(tx, subject);
  const count = stats._count._all;
  const average = count > 0 ? roundTo(stats._avg.rating, 2) : null;
  if (subject.subjectUserId) {
    const profileId = await repo.setProfileRating(tx, subject.subjectUserId, average, count);
    if (profileId) await enqueueSearchUpdate(tx, "secretaries", profileId);
  } else if (subject.subjectOrganizationId) {
    await repo.setOrganizationRating(tx, subject.subjectOrganizationId, average, count);
  }
}

async function notifySubject(tx: Tx, review: repo.Subject & { contractId: string }, now: Date) {
  const userIds = review.subjectUserId
    ? [review.subjectUserId]
    : await repo.organizationRecipientIds(tx, review.subjectOrganizationId ?? "");
  const contract = await repo.findMissionTitle(tx, review.contractId);
  return notify(tx, {
    userIds,
    type: "REVIEW_RECEIVED",
    title: `Nouvel avis : « ${contract?.mission.title ?? "contrat"} »`,
    body: "Un avis sur votre travail a été publié. Il compte désormais dans votre note.",
    link: `/contrats/${review.contractId}/avis`,
    now,
  });
}

/** Publishes the reviews (in the caller's transaction); returns who to publish notifications to. */
export async function publishReviews(tx: Tx, reviewIds: readonly string[], now: Date): Promise<string[]> {
  const published = await repo.publish(tx, reviewIds, now);
  const notified: string[] = [];
  const seen = new Set<string>();
  for (const review of published) {
    const key = `${review.subjectUserId ?? ""}|${review.subjectOrganizationId ?? ""}`;
    if (!seen.has(key)) await recomputeRating(tx, review);
    seen.add(key);
    notified.push(...(await notifySubject(tx, review, now)));
  }
  return notified;
}

const endedAtOf = (contract: { endedAt: Date | null; statusChanges: { createdAt: Date }[] }) =>
  contract.endedAt ?? contract.statusChanges[0]?.createdAt ?? null;

/** The job: publishes every review whose contract's window has passed. Returns how many it published. */
export async function publishDueReviews(now: Date = new Date()): Promise<number> {
  let published = 0;
  let afterId: string | undefined;
  for (;;) {
    const batch = await repo.findUnpublished(BATCH_SIZE, afterId);
    if (batch.length === 0) return published;
    afterId = batch.at(-1)!.id;
    const due = batch.filter((r) =>
      isPublicationDue({
        writtenSides: r.contract.reviews.map((x) => x.authorSide as ReviewSide),
        endedAt: endedAtOf(r.contract),
        now,
      }),
    );
    if (due.length === 0) continue;
    const notified = await db.$transaction((tx) =>
      publishReviews(
        tx,
        due.map((r) => r.id),
        now,
      ),
    );
    await publishNotifications(notified);
    published += due.length;
  }
}

export type ReviewPublicationOptions = {
  intervalMs?: number;
  poll?: boolean;
  now?: () => Date;
  logger?: Logger;
};

export function startReviewPublication(options: ReviewPublicationOptions = {}): PeriodicJob<number> {
  const log = options.logger ?? appLogger;
  const now = options.now ?? (() => new Date());
  return startPeriodicJob({
    run: () => publishDueReviews(now()),
    intervalMs: options.intervalMs ?? 3_600_000,
    poll: options.poll,
    onResult: (count) => {
      if (count > 0) log.info({ published: count }, "avis publiés (délai de double aveugle écoulé)");
    },
    onError: (error) => log.error({ err: error }, "publication des avis en échec, nouvel essai plus tard"),
  });
}
