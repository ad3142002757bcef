// Conversations for the chat tests, built from the existing factories: a mission thread between a
// business and one bidder (independent or agency) and a contract thread among all its parties.
import crypto from "node:crypto";
import { openContractConversation, openMissionConversation } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import { createContract, type ContractSpec } from "#tests/factories/contracts";
import type { MissionSpec } from "#tests/factories/mission-rows";
import { createBid, openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { createAgencyOwner, createBusiness, createSecretary } from "#tests/factories/users";

export const newClientId = () => crypto.randomUUID();

/** A second member of the business (she takes part in all its conversations). */
export async function addBusinessMember(organizationId: string, displayName = "Julie Collègue") {
  const other = await createBusiness({ displayName, organizationName: "Autre cabinet" });
  await db.membership.create({ data: { userId: other.id, organizationId, role: "MEMBER" } });
  return other;
}

/** An OPEN mission, a published secretary's live bid and their conversation. */
export async function missionConversation(spec: MissionSpec = {}) {
  const { business, mission } = await openMissionWithBusiness(spec);
  const secretary = await publishedSecretary();
  const proposal = await createBid(mission.id, secretary);
  const { id: conversationId } = await openMissionConversation(db, {
    missionId: mission.id,
    bidderKey: `user:${secretary.id}`,
  });
  return { business, mission, secretary, proposal, conversationId };
}

/** The same with an agency bidding: its owner and a member secretary are both on the thread. */
export async function agencyMissionConversation(spec: MissionSpec = {}) {
  const { business, mission } = await openMissionWithBusiness(spec);
  const owner = await createAgencyOwner({ displayName: "Agathe Agence", organizationName: "Agence Soleil" });
  const member = await createSecretary({
    status: "PUBLISHED",
    displayName: "Maud Membre",
    agencyId: owner.organization.id,
  });
  const bidderKey = `agency:${owner.organization.id}`;
  await db.proposal.create({
    data: {
      missionId: mission.id,
      bidderKey,
      bidderUserId: owner.id,
      agencyId: owner.organization.id,
      memberIds: [member.id],
      createdById: owner.id,
      coverLetter: "Notre agence couvre vos matinées.",
      hourlyRateCents: 3000,
      startDate: new Date("2027-01-04T00:00:00Z"),
      availabilityConfirmed: true,
    },
  });
  const { id: conversationId } = await openMissionConversation(db, { missionId: mission.id, bidderKey });
  return { business, mission, owner, member, conversationId };
}

/** A contract (see factories/contracts) and its conversation. */
export async function contractConversation(spec: ContractSpec = {}) {
  const made = await createContract(spec);
  const { id: conversationId } = await openContractConversation(db, { contractId: made.contract.id });
  return { ...made, conversationId };
}

/** A REPLACEMENT assignee on the contract, covering for the primary one. */
export async function addReplacementAssignee(
  contract: { id: string },
  replacesId: string,
  createdById: string,
  cancelled = false,
) {
  const stand = await createSecretary({ status: "PUBLISHED", displayName: "Inès Roux" });
  await db.contractAssignee.create({
    data: {
      contractId: contract.id,
      userId: stand.id,
      role: "REPLACEMENT",
      replacesId,
      startsOn: new Date("2026-12-01T00:00:00Z"),
      endsOn: new Date("2026-12-10T00:00:00Z"),
      createdById,
      cancelledAt: cancelled ? new Date() : null,
    },
  });
  return stand;
}

/** The conversation thread of a contract created from this mission's bid: masking ends. */
/** Both sides accepted: the contract is ACTIVE (contact details show from then on). */
export async function activateContract(contract: { id: string }) {
  const now = new Date();
  await db.contract.update({
    where: { id: contract.id },
    data: { status: "ACTIVE", businessAcceptedAt: now, providerAcceptedAt: now, activatedAt: now },
  });
}

export async function contractFromBid(missionConversationParties: {
  business: { id: string; organization: { id: string; name: string }; displayName: string };
  secretary: { id: string; displayName: string };
  mission: { id: string };
  proposal: { id: string };
}) {
  const { business, secretary, mission, proposal } = missionConversationParties;
  await db.proposal.update({ where: { id: proposal.id }, data: { status: "ACCEPTED", live: null } });
  return db.contract.create({
    data: {
      missionId: mission.id,
      proposalId: proposal.id,
      organizationId: business.organization.id,
      providerUserId: secretary.id,
      status: "PENDING",
      billingMode: "HOURLY",
      terms: {},
      hourlyRateCents: 3000,
      platformFeeBps: 1000,
      startDate: new Date("2027-01-04T00:00:00Z"),
    },
    select: { id: true },
  });
}
