// Reviews use cases (issue 7): writing one's side's review of a completed contract, the contract's
// review page, the published reviews of a secretary or an agency, and staff hiding an abusive one.
// The rules are in reviews.policy.ts (who, when) and review-visibility.ts (double blind).
import { recordAudit } from "#app/domain/moderation/audit.server";
import { loadContractViewer, requireContractAccess } from "#app/domain/contracts/contract-access.server";
import { isStaffRole } from "#app/domain/contracts/contracts.policy";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { db, isUniqueConstraintError, type Tx } from "#app/lib/db.server";
import { DomainError, notFound } from "#app/lib/domain-error";
import { publishReviews, recomputeRating } from "./review-publication.server";
import { isPublicationDue, isReviewVisibleTo } from "./review-visibility";
import {
  ALREADY_REVIEWED_MESSAGE,
  checkCanWriteReview,
  otherSide,
  reviewDeadline,
  reviewSideOf,
} from "./reviews.policy";
import * as repo from "./reviews.repo.server";
import {
  hideReviewFormSchema,
  reviewFormSchema,
  type PublishedReviews,
  type ReviewDTO,
  type ReviewInput,
  type ReviewPanel,
  type ReviewSide,
  type ReviewSummary,
} from "./reviews.schema";
import { toReviewDTO } from "./review-dto";

const endedAtOf = (c: repo.ReviewContractRow) => c.endedAt ?? c.statusChanges[0]?.createdAt ?? null;
const sideOf = (value: string): ReviewSide => (value === "PROVIDER" ? "PROVIDER" : "BUSINESS");

/** Who a side's review is about: the provider (agency, or the secretary) or the business. */
function subjectOf(c: repo.ReviewContractRow, side: ReviewSide): repo.Subject {
  if (side === "PROVIDER") return { subjectUserId: null, subjectOrganizationId: c.organizationId };
  return c.agencyId
    ? { subjectUserId: null, subjectOrganizationId: c.agencyId }
    : { subjectUserId: c.providerUserId, subjectOrganizationId: null };
}

export type SubmitReviewResult = { reviewId: string; published: boolean; publishBy: string };
type WriteResult = { result: SubmitReviewResult; notified: string[] };

/** In one transaction: the checks on fresh rows, the review, and publication if both sides wrote. */
async function writeReview(
  tx: Tx,
  { actorId, contractId, input, now }: { actorId: string; contractId: string; input: ReviewInput; now: Date },
): Promise<WriteResult> {
  const contract = await repo.findContract(tx, contractId);
  if (!contract) throw notFound("Ce contrat");
  const endedAt = endedAtOf(contract);
  const writtenSides = contract.reviews.map((r) => sideOf(r.authorSide));
  const viewer = await loadContractViewer(actorId, tx);
  const check = checkCanWriteReview({ viewer, contract: { ...contract, endedAt }, writtenSides, now });
  if (!check.ok) throw new DomainError(check.code, check.message);
  const review = await repo.createReview(tx, {
    contractId,
    authorId: actorId,
    authorSide: check.side,
    ...subjectOf(contract, check.side),
    ...input,
    createdAt: now,
  });
  const due = isPublicationDue({ writtenSides: [...writtenSides, check.side], endedAt, now });
  const ids = [...contract.reviews.map((r) => r.id), review.id];
  const notified = due ? await publishReviews(tx, ids, now) : [];
  const publishBy = reviewDeadline(endedAt)!.toISOString();
  return { result: { reviewId: review.id, published: due, publishBy }, notified };
}

/** Writes the actor's side's review; publishes both at once when the other side already wrote. */
export async function submitReview({
  actorId,
  contractId,
  input,
  now = new Date(),
}: {
  actorId: string;
  contractId: string;
  input: unknown;
  now?: Date;
}): Promise<SubmitReviewResult> {
  await requireContractAccess({ actorId, contractId });
  const parsed = reviewFormSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError("VALIDATION", parsed.error.issues[0]?.message ?? "Avis invalide.");
  }
  try {
    const written = await db.$transaction((tx) =>
      writeReview(tx, { actorId, contractId, input: parsed.data, now }),
    );
    await publishNotifications(written.notified);
    return written.result;
  } catch (error) {
    // Two members of one side writing at the same instant: the unique (contractId, authorSide) decides.
    if (isUniqueConstraintError(error)) throw new DomainError("CONFLICT", ALREADY_REVIEWED_MESSAGE);
    throw error;
  }
}

/** The contract's review page: what this viewer may write and read. Strangers get NOT_FOUND. */
export async function getReviewPanel({
  actorId,
  contractId,
  now = new Date(),
}: {
  actorId: string;
  contractId: string;
  now?: Date;
}): Promise<ReviewPanel> {
  const access = await requireContractAccess({ actorId, contractId });
  const contract = await repo.findContract(db, contractId);
  if (!contract) throw notFound("Ce contrat");
  const endedAt = endedAtOf(contract);
  const side = reviewSideOf(access.viewer, contract);
  const check = checkCanWriteReview({
    viewer: access.viewer,
    contract: { ...contract, endedAt },
    writtenSides: contract.reviews.map((r) => sideOf(r.authorSide)),
    now,
  });
  // Staff and assignees read what the public reads here; hidden reviews are on /moderation/avis.
  const viewer = { side, staff: false };
  const visible = (s: ReviewSide) => {
    const row = contract.reviews.find((r) => r.authorSide === s);
    return row && isReviewVisibleTo({ ...row, authorSide: s }, viewer) ? toReviewDTO(row) : null;
  };
  const providerName = contract.agency?.name ?? (await repo.findDisplayName(db, contract.providerUserId));
  return {
    contractId,
    missionTitle: contract.mission.title,
    counterpartName: side === "PROVIDER" ? contract.organization.name : providerName,
    contractCompleted: contract.status === "COMPLETED",
    side,
    canWrite: check.ok,
    cannotWrite: side && !check.ok ? check.message : null,
    deadline: reviewDeadline(endedAt)?.toISOString() ?? null,
    mine: side ? visible(side) : null,
    theirs: side ? visible(otherSide(side)) : null,
    others: side ? [] : [visible("BUSINESS"), visible("PROVIDER")].filter((r) => r !== null),
  };
}

const average = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** The published, not hidden reviews of a secretary (independent) or of an agency or business. */
export async function listPublishedReviewsFor(
  subject: { subjectUserId: string } | { subjectOrganizationId: string },
  limit = 20,
): Promise<PublishedReviews> {
  const where: repo.Subject =
    "subjectUserId" in subject
      ? { subjectUserId: subject.subjectUserId, subjectOrganizationId: null }
      : { subjectUserId: null, subjectOrganizationId: subject.subjectOrganizationId };
  const [stats, rows] = await Promise.all([
    repo.aggregatePublished(db, where),
    repo.listPublished(where, limit),
  ]);
  const summary: ReviewSummary = {
    count: stats._count._all,
    averages: {
      rating: average(stats._avg.rating),
      reliability: average(stats._avg.reliability),
      quality: average(stats._avg.quality),
      communication: average(stats._avg.communication),
    },
  };
  return { summary, reviews: rows.map(toReviewDTO) };
}

const noReviews = (): PublishedReviews => ({
  summary: { count: 0, averages: { rating: null, reliability: null, quality: null, communication: null } },
  reviews: [],
});

/** For the public profile page (the caller already checked the profile may be shown). */
export async function listPublishedReviewsForProfile(slug: string): Promise<PublishedReviews> {
  const userId = await repo.findProfileUserIdBySlug(slug);
  return userId ? listPublishedReviewsFor({ subjectUserId: userId }) : noReviews();
}

export async function listPublishedReviewsForAgency(slug: string): Promise<PublishedReviews> {
  const agencyId = await repo.findAgencyIdBySlug(slug);
  return agencyId ? listPublishedReviewsFor({ subjectOrganizationId: agencyId }) : noReviews();
}

async function requireStaffActor(actorId: string) {
  const actor = await repo.findActorRole(actorId);
  if (!actor || !isStaffRole(actor.role)) {
    throw new DomainError("FORBIDDEN", "Seule l’équipe de modération peut masquer un avis.");
  }
  return actor;
}

export type ModerationReview = ReviewDTO & {
  hidden: boolean;
  hiddenReason: string | null;
  authorName: string;
};

/** Staff page: the 50 most recent published reviews, hidden ones marked. */
export async function listReviewsForModeration({
  actorId,
}: {
  actorId: string;
}): Promise<ModerationReview[]> {
  await requireStaffActor(actorId);
  const rows = await repo.listRecentPublished(50);
  return rows.map((row) => ({
    ...toReviewDTO(row),
    hidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenReason,
    authorName: row.author.displayName,
  }));
}

/** Staff hide an abusive review: one audit row, and the subject's rating no longer counts it. */
export async function hideReview({
  actorId,
  input,
  now = new Date(),
}: {
  actorId: string;
  input: unknown;
  now?: Date;
}): Promise<void> {
  await requireStaffActor(actorId);
  const parsed = hideReviewFormSchema.safeParse(input);
  if (!parsed.success)
    throw new DomainError("VALIDATION", parsed.error.issues[0]?.message ?? "Formulaire invalide.");
  const { reviewId, reason } = parsed.data;
  await db.$transaction((tx) => hideReviewInTx(tx, { actorId, reviewId, reason, now }));
}

/**
 * Hiding in the caller's transaction (the caller checked the actor is staff): the review, the
 * subject's rating, and the one audit row of the action (naming the report when it comes from one).
 */
export async function hideReviewInTx(
  tx: Tx,
  args: { actorId: string; reviewId: string; reason: string; now: Date; reportId?: string },
): Promise<void> {
  const { actorId, reviewId, reason, now } = args;
  const review = await repo.findForHiding(tx, reviewId);
  if (!review) throw notFound("Cet avis");
  if (review.hiddenAt) throw new DomainError("CONFLICT", "Cet avis est déjà masqué.");
  await repo.markHidden(tx, reviewId, reason, now);
  await recomputeRating(tx, review);
  await recordAudit(tx, {
    actorId,
    action: "REVIEW_HIDE",
    targetType: "Review",
    targetId: reviewId,
    reason,
    before: { hiddenAt: null, rating: review.rating, comment: review.comment },
    after: { hiddenAt: now.toISOString(), ...(args.reportId ? { reportId: args.reportId } : {}) },
  });
}
