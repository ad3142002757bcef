// Who may bid, on which mission, and who may see or act on a proposal. Pure: the caller reads the
// facts (accounts, memberships, offers, pledge) from the database.
import { missionStatusLabels, type MissionStatus } from "#app/domain/missions/mission-machine";
import type { MissionViewer } from "#app/domain/missions/missions.policy";
import { formatDate } from "#app/lib/dates";
import { PLEDGE_REQUIRED_MESSAGE } from "#app/domain/confidentiality/pledge-text";

/** The one who bids: an independent secretary, or an agency through its owner. */
export type Bidder = {
  key: string;
  userId: string;
  agencyId: string | null;
  agencyName: string | null;
  members: { id: string; displayName: string }[];
};

export type BidderAccount = {
  id: string;
  profile: { status: string; agencyId: string | null } | null;
  ownedAgency: { id: string; name: string; members: { id: string; displayName: string }[] } | null;
};

export const NOT_A_BIDDER_MESSAGE =
  "Seules les secrétaires au profil publié et les agences peuvent proposer leurs services.";
export const AGENCY_MEMBER_MESSAGE =
  "Vous faites partie d’une agence : c’est elle qui propose vos services aux entreprises.";

export type BidderCheck = { ok: true; bidder: Bidder } | { ok: false; message: string };

/** An agency owner bids for her agency; a secretary in an agency does not bid on her own. */
export function bidderOf(account: BidderAccount): BidderCheck {
  if (account.ownedAgency) {
    const { id, name, members } = account.ownedAgency;
    return {
      ok: true,
      bidder: { key: `agency:${id}`, userId: account.id, agencyId: id, agencyName: name, members },
    };
  }
  if (account.profile?.status !== "PUBLISHED") return { ok: false, message: NOT_A_BIDDER_MESSAGE };
  if (account.profile.agencyId) return { ok: false, message: AGENCY_MEMBER_MESSAGE };
  const bidder = {
    key: `user:${account.id}`,
    userId: account.id,
    agencyId: null,
    agencyName: null,
    members: [],
  };
  return { ok: true, bidder };
}

export type Involvement = { invited: boolean; hasProposal: boolean };

/**
 * canView (missions.policy) plus the secretaries involved: one invited by a direct offer sees the
 * invite-only mission, and a bidder keeps seeing the mission her proposal was for once it closes.
 */
export function canSeeMission(
  viewer: MissionViewer,
  mission: { organizationId: string; status: string; visibility: string },
  involvement: Involvement,
  canView: boolean,
): boolean {
  if (canView) return true;
  if (mission.status === "DRAFT" || mission.status === "PENDING_REVIEW") return false;
  return viewer !== null && (involvement.invited || involvement.hasProposal);
}

export type BidFacts = {
  status: string;
  visibility: string;
  medicalSecrecy: boolean;
  proposalDeadline: string | null;
  invited: boolean;
  pledged: boolean;
};

/** Why this mission does not take this bidder's proposal today, or null. */
export function bidBlocker(mission: BidFacts, today: string): { message: string; pledge?: true } | null {
  if (mission.status !== "OPEN") {
    const label = missionStatusLabels[mission.status as MissionStatus] ?? mission.status;
    return { message: `Cette mission ne reçoit plus de propositions (« ${label.toLowerCase()} »).` };
  }
  if (mission.visibility !== "PUBLIC" && !mission.invited)
    return {
      message: "Cette mission est sur invitation : seules les secrétaires invitées peuvent répondre.",
    };
  if (mission.proposalDeadline && mission.proposalDeadline < today)
    return {
      message: `La date limite des propositions est passée (${formatDate(`${mission.proposalDeadline}T12:00:00Z`)}).`,
    };
  if (mission.medicalSecrecy && !mission.pledged) return { message: PLEDGE_REQUIRED_MESSAGE, pledge: true };
  return null;
}
