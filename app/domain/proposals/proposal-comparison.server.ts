// /missions/:id/propositions: the mission's proposals side by side, for its business only.
import { distanceKm } from "#app/domain/geo/distance";
import { missionNotFound } from "#app/domain/missions/missions.server";
import { requireMissionBusiness } from "./proposal-decisions.server";
import { storedMilestones, storedTaskPrices } from "./proposal-columns";
import { distanceLabel, priceLines, ratingLabel } from "./proposal-labels";
import { isLiveProposal } from "./proposal-machine";
import * as lists from "./proposal-lists.repo.server";

type Place = NonNullable<Awaited<ReturnType<typeof lists.findMissionPlace>>>;

function distanceOf(
  mission: Place,
  profile: { baseLatitude: number | null; baseLongitude: number | null } | null,
) {
  if (mission.workMode === "REMOTE") return "à distance";
  if (mission.latitude === null || mission.longitude === null || !profile) return "—";
  const { baseLatitude: latitude, baseLongitude: longitude } = profile;
  if (latitude === null || longitude === null) return "—";
  return distanceLabel(
    distanceKm({ latitude: mission.latitude, longitude: mission.longitude }, { latitude, longitude }),
  )!;
}

function toRow(mission: Place, row: lists.ListedProposal, names: Map<string, string>) {
  const profile = row.bidder.secretaryProfile;
  const memberIds = Array.isArray(row.memberIds)
    ? row.memberIds.filter((v): v is string => typeof v === "string")
    : [];
  const terms = {
    hourlyRateCents: row.hourlyRateCents,
    taskPrices: storedTaskPrices.parse(row.taskPrices),
    fixedAmountCents: row.fixedAmountCents,
    milestones: storedMilestones.parse(row.milestones),
  };
  return {
    id: row.id,
    origin: row.origin,
    status: row.status,
    live: isLiveProposal(row.status),
    bidderName: row.agency ? row.agency.name : row.bidder.displayName,
    // Only a published profile is linked: the others would answer 404.
    profileHref: row.agency
      ? `/agences/${row.agency.slug}`
      : profile?.status === "PUBLISHED"
        ? `/secretaires/${profile.slug}`
        : null,
    members: memberIds.map((id) => names.get(id) ?? "—"),
    price: priceLines(mission.billingMode, terms),
    rating: ratingLabel(profile?.ratingAverage ?? null, profile?.ratingCount ?? 0),
    distance: distanceOf(mission, profile),
    startDate: row.startDate.toISOString().slice(0, 10),
    availabilityConfirmed: row.availabilityConfirmed,
    coverLetter: row.coverLetter,
    decisionMessage: row.decisionMessage,
  };
}

export async function listProposalsForMission(args: {
  actorId: string;
  missionId: string;
  shortlistedOnly?: boolean;
}) {
  const mission = await lists.findMissionPlace(args.missionId);
  if (!mission) throw missionNotFound();
  await requireMissionBusiness(args.actorId, mission);
  const rows = await lists.listMissionProposals(
    mission.id,
    args.shortlistedOnly ? ["SHORTLISTED"] : undefined,
  );
  const memberIds = rows
    .flatMap((r) => (Array.isArray(r.memberIds) ? r.memberIds : []))
    .filter((v) => typeof v === "string");
  const names = await lists.findUserNames([...new Set(memberIds as string[])]);
  return {
    mission: {
      id: mission.id,
      title: mission.title,
      status: mission.status,
      billingMode: mission.billingMode,
    },
    proposals: rows.map((row) => toRow(mission, row, names)),
  };
}
