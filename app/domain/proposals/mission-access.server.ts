// The mission page as its viewer may see it, with the facts of this area: an invited or bidding
// secretary sees the mission canView alone would hide, and under medical secrecy the description
// stays hidden from whoever has not signed the confidentiality pledge.
import { canReadDescription } from "#app/domain/confidentiality/pledge.policy";
import { hasSignedCurrentPledge } from "#app/domain/confidentiality/pledges.server";
import {
  canSeeInstructions,
  canView,
  isMissionMember,
  isStaffRole,
  type MissionViewer,
} from "#app/domain/missions/missions.policy";
import { findMissionRecord } from "#app/domain/missions/missions.repo.server";
import { missionNotFound } from "#app/domain/missions/missions.server";
import { countLiveProposals } from "./proposal-lists.repo.server";
import { canSeeMission } from "./proposals.policy";
import { findBidderKeys, findInvolvement, findLiveProposal } from "./proposals.repo.server";

const noInvolvement = { invited: false, hasProposal: false };
const hiddenInstructions = { handoverNotes: null, callScript: null, urgentRouting: null, toolsToUse: null };

export async function getVisibleMission(viewer: MissionViewer, missionId: string) {
  const record = await findMissionRecord(missionId);
  if (!record) throw missionNotFound();
  // Hidden by moderation: gone for everyone but its business and staff, bidders included.
  if (record.hiddenAt && !isMissionMember(viewer, record) && !(viewer && isStaffRole(viewer.role)))
    throw missionNotFound();
  const keys = viewer ? await findBidderKeys(viewer.id) : [];
  const involvement = viewer ? await findInvolvement(record.id, keys) : noInvolvement;
  if (!canSeeMission(viewer, record, involvement, canView(viewer, record))) throw missionNotFound();
  const pledged = viewer && record.medicalSecrecy ? await hasSignedCurrentPledge(viewer.id) : false;
  const readable = canReadDescription(viewer, record, pledged);
  const instructions = canSeeInstructions(viewer, record);
  return {
    mission: {
      ...record,
      ...(instructions ? {} : hiddenInstructions),
      // The deliverables describe the work as much as the description does.
      description: readable ? record.description : "",
      deliverables: readable ? record.deliverables : null,
    },
    isOwner: isMissionMember(viewer, record),
    instructions,
    descriptionHidden: !readable,
    keys,
  };
}

export type ProposalPanel =
  | { kind: "business"; liveCount: number }
  | { kind: "bidder"; liveProposalId: string | null }
  | { kind: "offer" }
  | { kind: "visitor" }
  | null;

/** The call to action: the business's received proposals; a would-be bidder's own proposal. */
export async function proposalPanel(
  viewer: MissionViewer,
  mission: { id: string; status: string },
  access: { isOwner: boolean; keys: string[] },
): Promise<ProposalPanel> {
  if (access.isOwner) return { kind: "business", liveCount: await countLiveProposals(mission.id) };
  if (viewer && (viewer.businessIds.length > 0 || viewer.role !== "USER")) return null;
  const live = viewer ? await findLive(mission.id, access.keys) : null;
  if (live?.origin === "OFFER") return { kind: "offer" };
  if (live) return { kind: "bidder", liveProposalId: live.id };
  if (mission.status !== "OPEN") return null;
  return viewer ? { kind: "bidder", liveProposalId: null } : { kind: "visitor" };
}

async function findLive(missionId: string, keys: string[]) {
  for (const key of keys) {
    const proposal = await findLiveProposal(missionId, key);
    if (proposal) return proposal;
  }
  return null;
}
