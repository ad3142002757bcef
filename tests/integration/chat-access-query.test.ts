// The socket path checks participation with one SQL query (chat-access.repo.server.ts). It must
// name exactly the participants chat-participants.ts derives from the same records, and mask
// exactly when isMasking does, for every shape of conversation.
import { describe, expect, it } from "vitest";
import {
  isMasking,
  loadAccess,
  loadWithParticipants,
  requireAccess,
} from "#app/domain/chat/chat-access.server";
import { db } from "#app/lib/db.server";
import {
  addBusinessMember,
  addReplacementAssignee,
  agencyMissionConversation,
  contractConversation,
  contractFromBid,
  activateContract,
  missionConversation,
} from "#tests/factories/chat";
import { createAgencyOwner, createSecretary } from "#tests/factories/users";

/** Both derivations of one conversation, side by side (ids sorted). */
async function bothWays(conversationId: string) {
  const [access, loaded] = await Promise.all([
    loadAccess(conversationId),
    loadWithParticipants(conversationId),
  ]);
  if (!access || !loaded) throw new Error("conversation not found");
  const sorted = (people: { id: string; name: string }[]) =>
    people.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.id.localeCompare(b.id));
  return {
    query: { participants: sorted(access.participants), masking: access.masking, lastSeq: access.lastSeq },
    derived: {
      participants: sorted(loaded.participants),
      masking: await isMasking(loaded),
      lastSeq: loaded.lastSeq,
    },
  };
}

describe("the one-query access check", () => {
  it("a secretary's bid: the business's members and her, masked until a contract", async () => {
    const parties = await missionConversation();
    await addBusinessMember(parties.business.organization.id);
    const before = await bothWays(parties.conversationId);
    expect(before.query).toEqual(before.derived);
    expect(before.query.participants).toHaveLength(3);
    expect(before.query.masking).toBe(true);

    const contract = await contractFromBid(parties);
    const pending = await bothWays(parties.conversationId);
    expect(pending.query).toEqual(pending.derived);
    expect(pending.query.masking).toBe(true);

    await activateContract(contract);
    const after = await bothWays(parties.conversationId);
    expect(after.query).toEqual(after.derived);
    expect(after.query.masking).toBe(false);
  });

  it("an agency's bid: every member of the agency", async () => {
    const { conversationId, owner, member } = await agencyMissionConversation();
    const { query, derived } = await bothWays(conversationId);
    expect(query).toEqual(derived);
    expect(query.participants.map((p) => p.id)).toEqual(expect.arrayContaining([owner.id, member.id]));
  });

  it("a contract: the signer, the agency's members and the assignees not cancelled", async () => {
    const { contract, primaryAssigneeId, business, conversationId } = await contractConversation();
    const agency = await createAgencyOwner({ displayName: "Agathe Agence", organizationName: "Agence Nord" });
    const agencyMember = await createSecretary({ status: "PUBLISHED", agencyId: agency.organization.id });
    await db.contract.update({ where: { id: contract.id }, data: { agencyId: agency.organization.id } });
    const stand = await addReplacementAssignee(contract, primaryAssigneeId, business.id);
    const gone = await addReplacementAssignee(contract, primaryAssigneeId, business.id, true);

    const { query, derived } = await bothWays(conversationId);
    expect(query).toEqual(derived);
    const ids = query.participants.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([agency.id, agencyMember.id, stand.id]));
    expect(ids).not.toContain(gone.id);
    expect(query.masking).toBe(false);
  });

  it("a contract not yet activated: its thread masks", async () => {
    const { conversationId, contract } = await contractConversation({ status: "PENDING" });
    const before = await bothWays(conversationId);
    expect(before.query).toEqual(before.derived);
    expect(before.query.masking).toBe(true);
    await activateContract(contract);
    const after = await bothWays(conversationId);
    expect(after.query).toEqual(after.derived);
    expect(after.query.masking).toBe(false);
  });

  it("refuses a stranger and an unknown conversation alike", async () => {
    const { conversationId } = await missionConversation();
    const stranger = await createSecretary({ status: "PUBLISHED" });
    await expect(requireAccess(stranger.id, conversationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireAccess(stranger.id, "c".repeat(25))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await loadAccess("c".repeat(25))).toBeNull();
  });
});
