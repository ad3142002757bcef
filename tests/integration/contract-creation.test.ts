import { describe, expect, it, vi } from "vitest";

// The fee and review window come from the environment: set before any app module reads it.
vi.hoisted(() => {
  process.env.PLATFORM_FEE_BPS = "1250";
  process.env.WORK_REVIEW_WINDOW_DAYS = "5";
});

import {
  acceptOffer,
  acceptProposal,
  MISSION_FILLED_MESSAGE,
  OFFER_NEEDS_PLEDGE_MESSAGE,
} from "#app/domain/contracts/contract-creation.server";
import { contractTermsSchema } from "#app/domain/contracts/contract-terms";
import { CONTRACT_CREATED_FROM } from "#app/domain/contracts/contract-writer.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { createLiveProposal, openMissionFor } from "#tests/factories/contract-proposals";
import { signPledgeFor } from "#tests/factories/proposals";
import { createAgencyOwner, createBusiness, createSecretary } from "#tests/factories/users";

async function hourlySetup(openings = 1) {
  const business = await createBusiness({ organizationName: "Cabinet Lefèvre", displayName: "Anne Lefèvre" });
  const mission = await openMissionFor(business, { openings, endDate: new Date("2027-03-31T00:00:00Z") });
  const secretary = await createSecretary({ status: "PUBLISHED", displayName: "Julie Perrin" });
  const proposal = await createLiveProposal({
    missionId: mission.id,
    bidder: secretary,
    hourlyRateCents: 2800,
  });
  return { business, mission, secretary, proposal };
}

async function rejected(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("acceptProposal", () => {
  it("creates the contract, its snapshot, assignee and history, fills the mission, in one go", async () => {
    const { business, mission, secretary, proposal } = await hourlySetup();
    const { contractId } = await acceptProposal({ actorId: business.id, proposalId: proposal.id });

    const contract = await db.contract.findUniqueOrThrow({
      where: { id: contractId },
      include: { assignees: true, statusChanges: true, milestones: true },
    });
    expect(contract).toMatchObject({
      status: "PENDING",
      missionId: mission.id,
      organizationId: business.organization.id,
      providerUserId: secretary.id,
      agencyId: null,
      billingMode: "HOURLY",
      hourlyRateCents: 2800,
      platformFeeBps: 1250,
      reviewWindowDays: 5,
      startDate: new Date("2027-01-04T00:00:00Z"),
      endDate: new Date("2027-03-31T00:00:00Z"),
    });
    expect(contract.assignees).toMatchObject([
      { userId: secretary.id, role: "PRIMARY", startsOn: null, replacesId: null },
    ]);
    expect(contract.milestones).toEqual([]);
    expect(contract.statusChanges).toMatchObject([
      { from: CONTRACT_CREATED_FROM, to: "PENDING", actorId: business.id },
    ]);
    const terms = contractTermsSchema.parse(contract.terms);
    expect(terms).toMatchObject({
      billingMode: "HOURLY",
      hourlyRateCents: 2800,
      platformFeeBps: 1250,
      reviewWindowDays: 5,
      business: { organizationId: business.organization.id, name: "Cabinet Lefèvre" },
      provider: { userId: secretary.id, displayName: "Julie Perrin", agencyId: null },
      mission: { id: mission.id, title: "Accueil téléphonique du cabinet", endDate: "2027-03-31" },
    });

    const accepted = await db.proposal.findUniqueOrThrow({
      where: { id: proposal.id },
      include: { statusChanges: true },
    });
    expect(accepted).toMatchObject({ status: "ACCEPTED", live: null });
    expect(accepted.decidedAt).toBeInstanceOf(Date);
    expect(accepted.statusChanges).toMatchObject([
      { from: "SUBMITTED", to: "ACCEPTED", actorId: business.id },
    ]);
    const filled = await db.mission.findUniqueOrThrow({
      where: { id: mission.id },
      include: { statusChanges: true },
    });
    expect(filled.status).toBe("FILLED");
    expect(filled.statusChanges.at(-1)).toMatchObject({ from: "OPEN", to: "FILLED", actorId: null });
  });

  it("freezes the terms: editing the mission afterwards changes nothing on the contract", async () => {
    const { business, mission, proposal } = await hourlySetup();
    const { contractId } = await acceptProposal({ actorId: business.id, proposalId: proposal.id });
    const before = await db.contract.findUniqueOrThrow({
      where: { id: contractId },
      select: { terms: true },
    });
    await db.mission.update({
      where: { id: mission.id },
      data: { title: "Tout autre chose", description: "Changé", maxHourlyRateCents: 9900 },
    });
    await db.proposal.update({ where: { id: proposal.id }, data: { hourlyRateCents: 9900 } });
    const after = await db.contract.findUniqueOrThrow({
      where: { id: contractId },
      select: { terms: true, hourlyRateCents: true },
    });
    expect(after.terms).toEqual(before.terms);
    expect(after.hourlyRateCents).toBe(2800);
    expect(contractTermsSchema.parse(after.terms).mission.title).toBe("Accueil téléphonique du cabinet");
  });

  it("writes one PLANNED milestone per proposed milestone for a FIXED mission", async () => {
    const business = await createBusiness();
    const mission = await openMissionFor(business, {
      billingMode: "FIXED",
      fixedAmountCents: 100000,
      maxHourlyRateCents: null,
    });
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const proposal = await createLiveProposal({
      missionId: mission.id,
      bidder: secretary,
      hourlyRateCents: null,
      fixedAmountCents: 90000,
      milestones: [
        { title: "Reprise du standard", amountCents: 40000, dueDate: "2027-01-15" },
        { title: "Bilan", amountCents: 50000 },
      ],
    });
    const { contractId } = await acceptProposal({ actorId: business.id, proposalId: proposal.id });
    const contract = await db.contract.findUniqueOrThrow({
      where: { id: contractId },
      include: { milestones: { orderBy: { position: "asc" } } },
    });
    expect(contract).toMatchObject({ billingMode: "FIXED", fixedAmountCents: 90000, hourlyRateCents: null });
    expect(contract.milestones).toMatchObject([
      {
        position: 0,
        title: "Reprise du standard",
        amountCents: 40000,
        dueDate: new Date("2027-01-15T00:00:00Z"),
        status: "PLANNED",
      },
      { position: 1, title: "Bilan", amountCents: 50000, dueDate: null, status: "PLANNED" },
    ]);
    expect(contractTermsSchema.parse(contract.terms).milestones).toEqual([
      { title: "Reprise du standard", amountCents: 40000, dueDate: "2027-01-15" },
      { title: "Bilan", amountCents: 50000, dueDate: null },
    ]);
  });

  it("keeps the mission open until every opening is held", async () => {
    const { business, mission, proposal } = await hourlySetup(2);
    await acceptProposal({ actorId: business.id, proposalId: proposal.id });
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("OPEN");
    const second = await createSecretary({ status: "PUBLISHED" });
    const other = await createLiveProposal({ missionId: mission.id, bidder: second });
    await acceptProposal({ actorId: business.id, proposalId: other.id });
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("FILLED");
  });

  it("hides the proposal from anyone outside the business and refuses incomplete prices", async () => {
    const { secretary, proposal, business, mission } = await hourlySetup();
    const stranger = await createBusiness();
    expect((await rejected(acceptProposal({ actorId: stranger.id, proposalId: proposal.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await rejected(acceptProposal({ actorId: secretary.id, proposalId: proposal.id }))).code).toBe(
      "NOT_FOUND",
    );
    const priceless = await createLiveProposal({
      missionId: mission.id,
      bidder: await createSecretary(),
      hourlyRateCents: null,
    });
    expect((await rejected(acceptProposal({ actorId: business.id, proposalId: priceless.id }))).code).toBe(
      "VALIDATION",
    );
    expect(await db.contract.count({ where: { missionId: mission.id } })).toBe(0);
  });

  it("refuses an OFFER (the secretary accepts those) and a proposal on a mission no longer open", async () => {
    const { business, mission, secretary } = await hourlySetup();
    const offer = await createLiveProposal({
      missionId: mission.id,
      bidder: await createSecretary(),
      origin: "OFFER",
      createdById: business.id,
    });
    expect((await rejected(acceptProposal({ actorId: business.id, proposalId: offer.id }))).code).toBe(
      "FORBIDDEN",
    );
    const closed = await openMissionFor(business);
    await db.mission.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
    const late = await createLiveProposal({ missionId: closed.id, bidder: secretary });
    const error = await rejected(acceptProposal({ actorId: business.id, proposalId: late.id }));
    expect(error.code).toBe("CONFLICT");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: late.id } })).status).toBe("SUBMITTED");
  });
});

describe("races", () => {
  it("a double-clicked accept makes exactly one contract; the loser gets a French CONFLICT", async () => {
    const { business, proposal, mission } = await hourlySetup();
    const results = await Promise.allSettled([
      acceptProposal({ actorId: business.id, proposalId: proposal.id }),
      acceptProposal({ actorId: business.id, proposalId: proposal.id }),
    ]);
    const lost = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = (lost[0] as PromiseRejectedResult).reason as DomainError;
    expect(reason).toBeInstanceOf(DomainError);
    expect(reason.code).toBe("CONFLICT");
    expect(reason.message).toMatch(/rechargez la page/i);
    expect(await db.contract.count({ where: { missionId: mission.id } })).toBe(1);
    expect(await db.proposalStatusChange.count({ where: { proposalId: proposal.id } })).toBe(1);
  });

  it("two proposals accepted at once on a one-opening mission: one contract, the other proposal untouched", async () => {
    const { business, proposal, mission } = await hourlySetup();
    const rival = await createLiveProposal({
      missionId: mission.id,
      bidder: await createSecretary({ status: "PUBLISHED" }),
    });
    const results = await Promise.allSettled([
      acceptProposal({ actorId: business.id, proposalId: proposal.id }),
      acceptProposal({ actorId: business.id, proposalId: rival.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const reason = (results.find((r) => r.status === "rejected") as PromiseRejectedResult)
      .reason as DomainError;
    expect(reason.code).toBe("CONFLICT");
    expect(await db.contract.count({ where: { missionId: mission.id } })).toBe(1);
    const statuses = (await db.proposal.findMany({ where: { missionId: mission.id } }))
      .map((p) => p.status)
      .sort();
    expect(statuses.filter((s) => s === "ACCEPTED")).toHaveLength(1);
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("FILLED");
  });

  it("accepting after the mission filled says so", async () => {
    const { business, proposal, mission } = await hourlySetup();
    const rival = await createLiveProposal({
      missionId: mission.id,
      bidder: await createSecretary({ status: "PUBLISHED" }),
    });
    await acceptProposal({ actorId: business.id, proposalId: proposal.id });
    const error = await rejected(acceptProposal({ actorId: business.id, proposalId: rival.id }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(MISSION_FILLED_MESSAGE);
    // Filling the mission expired the live proposals it still had.
    expect((await db.proposal.findUniqueOrThrow({ where: { id: rival.id } })).status).toBe("EXPIRED");
    expect(await db.contract.count({ where: { missionId: mission.id } })).toBe(1);
  });
});

describe("acceptOffer", () => {
  it("the addressed secretary accepts; anyone else gets NOT_FOUND", async () => {
    const business = await createBusiness();
    const mission = await openMissionFor(business, { visibility: "INVITE_ONLY" });
    const secretary = await createSecretary({ status: "PUBLISHED", displayName: "Inès Roux" });
    const offer = await createLiveProposal({
      missionId: mission.id,
      bidder: secretary,
      origin: "OFFER",
      createdById: business.id,
    });
    const other = await createSecretary({ status: "PUBLISHED" });
    expect((await rejected(acceptOffer({ actorId: other.id, proposalId: offer.id }))).code).toBe("NOT_FOUND");
    expect((await rejected(acceptOffer({ actorId: business.id, proposalId: offer.id }))).code).toBe(
      "NOT_FOUND",
    );
    const { contractId } = await acceptOffer({ actorId: secretary.id, proposalId: offer.id });
    const contract = await db.contract.findUniqueOrThrow({
      where: { id: contractId },
      include: { statusChanges: true },
    });
    expect(contract).toMatchObject({ providerUserId: secretary.id, status: "PENDING" });
    expect(contract.statusChanges[0]).toMatchObject({ actorId: secretary.id, to: "PENDING" });
    const history = await db.proposalStatusChange.findMany({ where: { proposalId: offer.id } });
    expect(history).toMatchObject([{ from: "SUBMITTED", to: "ACCEPTED", actorId: secretary.id }]);
  });

  it("under medical secrecy, the secretary signs the confidentiality pledge before she can accept", async () => {
    const business = await createBusiness();
    const mission = await openMissionFor(business, { visibility: "INVITE_ONLY", medicalSecrecy: true });
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const offer = await createLiveProposal({ missionId: mission.id, bidder: secretary, origin: "OFFER", createdById: business.id });
    const refusal = await rejected(acceptOffer({ actorId: secretary.id, proposalId: offer.id }));
    expect(refusal).toMatchObject({ code: "FORBIDDEN", message: OFFER_NEEDS_PLEDGE_MESSAGE });
    expect(await db.contract.count({ where: { missionId: mission.id } })).toBe(0);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: "SUBMITTED" });
    await signPledgeFor(secretary.id);
    const { contractId } = await acceptOffer({ actorId: secretary.id, proposalId: offer.id });
    expect(await db.contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({ status: "PENDING" });
  });

  it("an agency's offer is accepted by its owner: named members of the agency become PRIMARY then MEMBER", async () => {
    const business = await createBusiness();
    const mission = await openMissionFor(business, { visibility: "INVITE_ONLY" });
    const owner = await createAgencyOwner({ organizationName: "Agence Azur", displayName: "Marc Azur" });
    const first = await createSecretary({ status: "PUBLISHED", agencyId: owner.organization.id });
    const second = await createSecretary({ status: "PUBLISHED", agencyId: owner.organization.id });
    const offer = await createLiveProposal({
      missionId: mission.id,
      bidder: owner,
      origin: "OFFER",
      agencyId: owner.organization.id,
      // Someone named who is no longer in the agency is not assigned.
      memberIds: [first.id, (await createSecretary({ status: "PUBLISHED" })).id, second.id],
      createdById: business.id,
    });
    expect((await rejected(acceptOffer({ actorId: first.id, proposalId: offer.id }))).code).toBe("NOT_FOUND");
    const { contractId } = await acceptOffer({ actorId: owner.id, proposalId: offer.id });
    const contract = await db.contract.findUniqueOrThrow({
      where: { id: contractId },
      include: { assignees: { orderBy: { role: "desc" } } },
    });
    expect(contract).toMatchObject({ providerUserId: owner.id, agencyId: owner.organization.id });
    expect(contract.assignees.map((a) => [a.userId, a.role])).toEqual([
      [first.id, "PRIMARY"],
      [second.id, "MEMBER"],
    ]);
    expect(contractTermsSchema.parse(contract.terms).provider).toEqual({
      userId: owner.id,
      displayName: "Marc Azur",
      agencyId: owner.organization.id,
      agencyName: "Agence Azur",
    });
  });

  it("an agency member's BID is signed by the agency's owner", async () => {
    const business = await createBusiness();
    const mission = await openMissionFor(business);
    const owner = await createAgencyOwner();
    const member = await createSecretary({ status: "PUBLISHED", agencyId: owner.organization.id });
    const bid = await createLiveProposal({
      missionId: mission.id,
      bidder: member,
      agencyId: owner.organization.id,
      memberIds: [member.id],
    });
    const { contractId } = await acceptProposal({ actorId: business.id, proposalId: bid.id });
    const contract = await db.contract.findUniqueOrThrow({
      where: { id: contractId },
      include: { assignees: true },
    });
    expect(contract.providerUserId).toBe(owner.id);
    expect(contract.assignees).toMatchObject([{ userId: member.id, role: "PRIMARY" }]);
  });
});
