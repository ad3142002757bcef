// Reporting from a public page: a profile or the person behind it, a mission, a published review.
// Only what the reporter can see is reportable (a hidden mission, an unpublished profile or a
// hidden review is "not found"), never her own, once (the unique index on the report).
import { missionViewer } from "#app/domain/missions/missions.server";
import { getVisibleMission } from "#app/domain/proposals/mission-access.server";
import { isUniqueConstraintError } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import * as repo from "./reports.repo.server";
import {
  reportListingSchema,
  reportMessages,
  type ListingKind,
  type ListingSnapshot,
  type ReportListingInput,
} from "./reports.schema";

const notFound = () => new DomainError("NOT_FOUND", "Ce contenu est introuvable.");
const own = () =>
  new DomainError(
    "FORBIDDEN",
    "Vous ne pouvez pas signaler votre propre profil, votre propre mission ou votre propre avis.",
  );

async function publishedProfile(actorId: string, slug: string) {
  const profile = await repo.findProfileToReport(slug);
  if (!profile || profile.status !== "PUBLISHED") throw notFound();
  if (profile.userId === actorId) throw own();
  return profile;
}

async function profileTarget(actorId: string, slug: string) {
  const profile = await publishedProfile(actorId, slug);
  const snapshot: ListingSnapshot = {
    kind: "PROFILE",
    userId: profile.userId,
    name: profile.user.displayName,
    title: profile.headline || profile.user.displayName,
    link: `/secretaires/${profile.slug}`,
  };
  return { targetId: profile.id, snapshot };
}

async function missionTarget(actorId: string, missionId: string) {
  const mission = await repo.findMissionToReport(missionId);
  if (!mission) throw notFound();
  // Throws NOT_FOUND when she could not see the mission's page.
  await getVisibleMission(await missionViewer({ id: actorId }), mission.id);
  if (await repo.isOrganizationMember(actorId, mission.organizationId)) throw own();
  const snapshot: ListingSnapshot = {
    kind: "MISSION",
    userId: mission.createdById,
    name: mission.organization.name,
    title: mission.title,
    link: `/missions/${mission.id}`,
  };
  return { targetId: mission.id, snapshot };
}

/** The person behind a public profile: the report names her user id, never shown in the page. */
async function userTarget(actorId: string, slug: string) {
  const profile = await publishedProfile(actorId, slug);
  const snapshot: ListingSnapshot = {
    kind: "USER",
    userId: profile.userId,
    name: profile.user.displayName,
    title: profile.user.displayName,
    link: `/secretaires/${profile.slug}`,
  };
  return { targetId: profile.userId, snapshot };
}

async function reviewTarget(actorId: string, reviewId: string) {
  const review = await repo.findReviewToReport(reviewId);
  if (!review || !review.publishedAt || review.hiddenAt) throw notFound();
  if (review.authorId === actorId) throw own();
  const page = await repo.findReviewSubjectPage(review);
  if (!page) throw notFound();
  const provider = review.authorSide === "PROVIDER";
  const authorLabel = provider
    ? (review.contract.agency?.name ?? review.author.displayName)
    : review.contract.organization.name;
  const snapshot: ListingSnapshot = {
    kind: "REVIEW",
    userId: review.authorId,
    name: authorLabel,
    title: `Avis ${review.rating} / 5`,
    link: `${page}#avis-${review.id}`,
    review: {
      rating: review.rating,
      comment: review.comment,
      authorSide: provider ? "PROVIDER" : "BUSINESS",
      authorLabel,
    },
  };
  return { targetId: review.id, snapshot };
}

const targets = {
  PROFILE: profileTarget,
  USER: userTarget,
  MISSION: missionTarget,
  REVIEW: reviewTarget,
} as const;

/** Where the reporter goes back to: the page she reported from (derived, never taken from the form). */
export async function reportedPageOf(targetType: ListingKind, targetId: string): Promise<string> {
  if (targetType === "PROFILE" || targetType === "USER") return `/secretaires/${targetId}`;
  if (targetType === "MISSION") return `/missions/${targetId}`;
  const review = await repo.findReviewToReport(targetId);
  const page = review ? await repo.findReviewSubjectPage(review) : null;
  return page ? `${page}#avis-${targetId}` : "/";
}

export async function reportListing(args: { actorId: string } & ReportListingInput) {
  const parsed = reportListingSchema.safeParse(args);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0]!.message);
  const { targetType, targetId, reason, details } = parsed.data;
  const target = await targets[targetType](args.actorId, targetId);
  try {
    const { id } = await repo.createReport({
      reporterId: args.actorId,
      targetType,
      targetId: target.targetId,
      reason,
      details,
      snapshot: target.snapshot,
    });
    return { reportId: id, link: target.snapshot.link };
  } catch (error) {
    if (isUniqueConstraintError(error)) throw new DomainError("CONFLICT", reportMessages.duplicate);
    throw error;
  }
}
