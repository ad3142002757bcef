// Reporting a public profile or a mission from its page. Only what the reporter can see is
// reportable (a hidden mission or an unpublished profile is "not found"), never her own, once.
import { missionViewer } from "#app/domain/missions/missions.server";
import { getVisibleMission } from "#app/domain/proposals/mission-access.server";
import { isUniqueConstraintError } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import * as repo from "./reports.repo.server";
import {
  reportListingSchema,
  reportMessages,
  type ListingSnapshot,
  type ReportListingInput,
} from "./reports.schema";

const notFound = () => new DomainError("NOT_FOUND", "Ce contenu est introuvable.");
const own = () =>
  new DomainError("FORBIDDEN", "Vous ne pouvez pas signaler votre propre profil ou votre propre mission.");

async function profileTarget(actorId: string, slug: string) {
  const profile = await repo.findProfileToReport(slug);
  if (!profile || profile.status !== "PUBLISHED") throw notFound();
  if (profile.userId === actorId) throw own();
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

export async function reportListing(args: { actorId: string } & ReportListingInput) {
  const parsed = reportListingSchema.safeParse(args);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0]!.message);
  const { targetType, targetId, reason, details } = parsed.data;
  const target =
    targetType === "PROFILE"
      ? await profileTarget(args.actorId, targetId)
      : await missionTarget(args.actorId, targetId);
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
