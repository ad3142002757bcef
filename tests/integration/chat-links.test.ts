// The "Messages" links of a contract and of a proposal: /messages/contrat/:contractId and
// /messages/proposition/:proposalId take the parties to their conversation (opening it for a record
// older than the chat) and answer 404 to anyone else, without opening anything for them.
import { describe, expect, it } from "vitest";
import { conversationIdForProposal, findContractConversationId } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import * as contractLink from "#app/routes/messages+/contrat.$contractId";
import * as proposalLink from "#app/routes/messages+/proposition.$proposalId";
import { addBusinessMember, agencyMissionConversation, missionConversation } from "#tests/factories/chat";
import { createContract } from "#tests/factories/contracts";
import { createBid, openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const proposalPath = (proposalId: string) => `/messages/proposition/${proposalId}`;
const openProposalLink = async (proposalId: string, userId?: string) =>
  runRoute(proposalLink.loader, await getRequest(proposalPath(proposalId), userId ? { userId } : {}), {
    proposalId,
  });
const openContractLink = async (contractId: string, userId?: string) =>
  runRoute(
    contractLink.loader,
    await getRequest(`/messages/contrat/${contractId}`, userId ? { userId } : {}),
    { contractId },
  );

describe("/messages/proposition/:proposalId", () => {
  it("sends visitors to the login page, strangers to a 404, and both sides to the thread", async () => {
    const { business, mission, secretary, proposal, conversationId } = await missionConversation();
    const anonymous = await openProposalLink(proposal.id);
    expect(anonymous).toMatchObject({
      status: 302,
      location: `/connexion?redirectTo=${encodeURIComponent(proposalPath(proposal.id))}`,
    });
    const otherBidder = await publishedSecretary("Nina Autre");
    await createBid(mission.id, otherBidder);
    for (const stranger of [await createBusiness(), await createStaff(), otherBidder]) {
      expect((await openProposalLink(proposal.id, stranger.id)).status).toBe(404);
    }
    const colleague = await addBusinessMember(business.organization.id);
    for (const userId of [business.id, colleague.id, secretary.id]) {
      expect(await openProposalLink(proposal.id, userId)).toMatchObject({
        status: 302,
        location: `/messages/${conversationId}`,
      });
    }
    expect((await openProposalLink("inconnue", business.id)).status).toBe(404);
  });

  it("takes every member of a bidding agency to its thread", async () => {
    const { business, owner, member, mission, conversationId } = await agencyMissionConversation();
    const proposal = await db.proposal.findFirstOrThrow({ where: { missionId: mission.id } });
    for (const userId of [business.id, owner.id, member.id]) {
      expect((await openProposalLink(proposal.id, userId)).location).toBe(`/messages/${conversationId}`);
    }
    const freelancer = await createSecretary({ status: "PUBLISHED", displayName: "Léa Seule" });
    expect((await openProposalLink(proposal.id, freelancer.id)).status).toBe(404);
  });

  it("opens the thread of a bid older than the chat for its parties only", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const proposal = await createBid(mission.id, secretary);
    const conversations = () => db.conversation.count({ where: { missionId: mission.id } });
    expect((await openProposalLink(proposal.id, (await createBusiness()).id)).status).toBe(404);
    expect(await conversations()).toBe(0);
    const first = await conversationIdForProposal({ actorId: secretary.id, proposalId: proposal.id });
    expect(await conversationIdForProposal({ actorId: business.id, proposalId: proposal.id })).toBe(first);
    expect(await conversations()).toBe(1);
  });
});

describe("/messages/contrat/:contractId", () => {
  it("opens the conversation of a contract older than the chat for its parties only", async () => {
    const { contract, business, secretary } = await createContract();
    const conversations = () => db.conversation.count({ where: { contractId: contract.id } });
    expect((await openContractLink(contract.id)).status).toBe(302);
    for (const stranger of [await createBusiness(), await createStaff()]) {
      expect((await openContractLink(contract.id, stranger.id)).status).toBe(404);
    }
    expect(await conversations()).toBe(0);
    const opened = await openContractLink(contract.id, secretary.id);
    const id = await findContractConversationId({ actorId: business.id, contractId: contract.id });
    expect(opened).toMatchObject({ status: 302, location: `/messages/${id}` });
    expect(await conversations()).toBe(1);
    expect((await openContractLink("inconnu", business.id)).status).toBe(404);
  });

  it("opens one conversation when both parties follow the link at once", async () => {
    const { contract, business, secretary } = await createContract();
    const ids = await Promise.all(
      [business.id, secretary.id].map((actorId) =>
        findContractConversationId({ actorId, contractId: contract.id }),
      ),
    );
    expect(ids[0]).toBe(ids[1]);
    expect(await db.conversation.count({ where: { contractId: contract.id } })).toBe(1);
  });
});
