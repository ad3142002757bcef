// Accepting a proposal (the business) or a direct offer (the secretary, or the agency's owner)
// creates the contract in ONE transaction: proposal ACCEPTED, contract PENDING with its frozen
// terms, assignees, milestones, the history row, and the mission FILLED once its openings are held.
// See contracts/README.md for the rules.
import { announceConversation, openContractConversation } from "#app/domain/chat/chat-open.server";
import { hasSignedCurrentPledge } from "#app/domain/confidentiality/pledges.server";
import { transitionMission } from "#app/domain/missions/mission-transition.server";
import { currentPlatformFeeBps } from "#app/domain/moderation/platform-settings.server";
import {
  notifyContractToAccept,
  notifyProposalDecided,
} from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import type { ProposalActor } from "#app/domain/proposals/proposal-machine";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";
import { asWriteConflict } from "./contract-conflicts.server";
import { markProposalAccepted } from "./contract-proposal.server";
import { buildContractTerms } from "./contract-snapshot";
import { countHeldOpenings } from "./contract-transition.server";
import {
  findAgencyOwners,
  isOrganizationMember,
  loadProposalToAccept,
  type ProposalToAccept,
} from "./contract-creation.repo.server";
import { writeContract } from "./contract-writer.server";

export type AcceptResult = { contractId: string };

export const MISSION_FILLED_MESSAGE =
  "Cette mission est déjà pourvue : cette proposition ne peut plus être acceptée.";
export const MISSION_NOT_OPEN_MESSAGE =
  "Cette mission n’est plus ouverte : cette proposition ne peut plus être acceptée.";
export const OFFER_NEEDS_PLEDGE_MESSAGE =
  "Cette offre porte sur une mission soumise au secret médical : signez d’abord l’engagement de confidentialité pour l’accepter.";
const proposalNotFound = () => new DomainError("NOT_FOUND", "Cette proposition est introuvable.");

/** Who accepts, as the proposal machine sees them, and who signs for the provider side. */
type Signer = { actor: { id: string; as: ProposalActor }; provider: { userId: string; displayName: string } };
type Authorize = (tx: Tx, proposal: ProposalToAccept) => Promise<Signer>;

/** The business accepts a BID: one transaction creates the contract (see contracts/README.md). */
export async function acceptProposal({
  actorId,
  proposalId,
}: {
  actorId: string;
  proposalId: string;
}): Promise<AcceptResult> {
  return createFromProposal(proposalId, async (tx, proposal) => {
    if (!(await isOrganizationMember(tx, actorId, proposal.mission.organizationId))) throw proposalNotFound();
    return { actor: { id: actorId, as: "BUSINESS" }, provider: await bidProvider(tx, proposal) };
  });
}

/** The secretary (or the agency's owner) accepts a direct OFFER: same contract creation, other actor. */
export async function acceptOffer({
  actorId,
  proposalId,
}: {
  actorId: string;
  proposalId: string;
}): Promise<AcceptResult> {
  return createFromProposal(proposalId, async (tx, proposal) => {
    const owners = proposal.agencyId ? await findAgencyOwners(tx, proposal.agencyId) : [];
    const signer = proposal.agencyId
      ? owners.find((owner) => owner.userId === actorId)
      : proposal.bidderUserId === actorId
        ? { userId: actorId, displayName: proposal.bidder.displayName }
        : undefined;
    if (!signer) throw proposalNotFound();
    // Whoever accepts work under medical secrecy has signed the pledge, as a bidder must before bidding.
    if (proposal.mission.medicalSecrecy && !(await hasSignedCurrentPledge(actorId, tx)))
      throw new DomainError("FORBIDDEN", OFFER_NEEDS_PLEDGE_MESSAGE);
    return { actor: { id: actorId, as: "BIDDER" }, provider: signer };
  });
}

/** An agency's bid is signed by its owner: the bidder if she owns the agency, else its first owner. */
async function bidProvider(tx: Tx, proposal: ProposalToAccept) {
  if (!proposal.agencyId) return { userId: proposal.bidderUserId, displayName: proposal.bidder.displayName };
  const owners = await findAgencyOwners(tx, proposal.agencyId);
  const owner = owners.find((o) => o.userId === proposal.bidderUserId) ?? owners[0];
  if (!owner)
    throw new DomainError(
      "CONFLICT",
      "Cette agence n’a plus de responsable : la proposition ne peut pas être acceptée.",
    );
  return owner;
}

async function createFromProposal(proposalId: string, authorize: Authorize): Promise<AcceptResult> {
  const env = getEnv();
  try {
    const created = await db.$transaction(async (tx) => {
      const proposal = await loadProposalToAccept(tx, proposalId);
      if (!proposal) throw proposalNotFound();
      const signer = await authorize(tx, proposal);
      // A proposal already accepted is a double click: say so rather than "the mission is filled".
      if (proposal.status !== "ACCEPTED") await ensureOpening(tx, proposal.mission);
      await markProposalAccepted(tx, { proposalId: proposal.id, actor: signer.actor });
      // The rate in force now is frozen into the contract: a later change does not touch it.
      const platformFeeBps = await currentPlatformFeeBps(tx);
      const terms = buildContractTerms({
        mission: proposal.mission,
        proposal,
        business: { organizationId: proposal.mission.organizationId, ...proposal.mission.organization },
        provider: {
          ...signer.provider,
          agencyId: proposal.agency?.id ?? null,
          agencyName: proposal.agency?.name ?? null,
        },
        platformFeeBps,
        reviewWindowDays: env.WORK_REVIEW_WINDOW_DAYS,
      });
      const contractId = await writeContract(tx, { proposal, terms, actorId: signer.actor.id });
      await fillMissionIfFull(tx, proposal.mission);
      // Every party and assignee of the contract gets its conversation.
      const conversation = await openContractConversation(tx, { contractId });
      const notified = await notifyCreation(tx, proposal.id, contractId, signer);
      return { contractId, conversation, notified };
    });
    await announceConversation(created.conversation);
    await publishNotifications(created.notified);
    return { contractId: created.contractId };
  } catch (error) {
    throw asWriteConflict(error);
  }
}

/**
 * The bidder hears her bid was accepted; the other parties that a contract waits for them. The
 * actor is never told of her own action, and nobody gets both notices.
 */
async function notifyCreation(tx: Tx, proposalId: string, contractId: string, signer: Signer) {
  const actor = [signer.actor.id];
  const accepted =
    signer.actor.as === "BUSINESS"
      ? await notifyProposalDecided(tx, proposalId, "ACCEPTED", { except: actor })
      : [];
  const toAccept = await notifyContractToAccept(tx, contractId, { except: [...actor, ...accepted] });
  return [...accepted, ...toAccept];
}

async function ensureOpening(tx: Tx, mission: { id: string; status: string; openings: number }) {
  if (mission.status === "FILLED") throw new DomainError("CONFLICT", MISSION_FILLED_MESSAGE);
  if (mission.status !== "OPEN") throw new DomainError("CONFLICT", MISSION_NOT_OPEN_MESSAGE);
  if ((await countHeldOpenings(tx, mission.id)) >= mission.openings) {
    throw new DomainError("CONFLICT", MISSION_FILLED_MESSAGE);
  }
}

/** transitionMission is conditional on OPEN: a concurrent fill makes this transaction roll back. */
async function fillMissionIfFull(tx: Tx, mission: { id: string; openings: number }) {
  if ((await countHeldOpenings(tx, mission.id)) < mission.openings) return;
  await transitionMission(tx, { missionId: mission.id, event: "FILL", actor: { id: null, as: "SYSTEM" } });
}
