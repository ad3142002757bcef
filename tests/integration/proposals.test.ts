import { describe, expect, it } from "vitest";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { termsMessages } from "#app/domain/proposals/proposal-terms";
import type { ProposalInput } from "#app/domain/proposals/proposals.schema";
import {
  ALREADY_LIVE_MESSAGE,
  editProposal,
  submitProposal,
  withdrawProposal,
} from "#app/domain/proposals/proposals.server";
import { AGENCY_MEMBER_MESSAGE, NOT_A_BIDDER_MESSAGE } from "#app/domain/proposals/proposals.policy";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { createMission, openMission } from "#tests/factories/mission-rows";
import { createBid, openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { createAgencyOwner, createSecretary } from "#tests/factories/users";

const day = (n: number) => addDays(parisToday(), n);
const hourly = (cents = 2800): ProposalInput => ({
  coverLetter: "Secrétaire médicale depuis dix ans, je connais Doctolib.",
  startDate: day(7),
  memberIds: [],
  terms: { hourlyRateCents: cents, taskPrices: [], fixedAmountCents: null, milestones: [] },
});

async function rejection(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
const countProposals = (missionId: string) => db.proposal.count({ where: { missionId } });

describe("submitProposal", () => {
  it("records an hourly bid of a published secretary, live and SUBMITTED", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const result = await submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly() });
    expect(result.ok).toBe(true);
    const row = await db.proposal.findFirstOrThrow({ where: { missionId: mission.id } });
    expect(row).toMatchObject({
      origin: "BID",
      status: "SUBMITTED",
      live: true,
      bidderKey: `user:${secretary.id}`,
      hourlyRateCents: 2800,
      availabilityConfirmed: true,
    });
  });

  it("allows one live proposal per bidder, and a new one after withdrawing", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const first = await submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly() });
    const second = await rejection(
      submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly(2900) }),
    );
    expect(second).toMatchObject({ code: "CONFLICT", message: ALREADY_LIVE_MESSAGE });
    expect(await countProposals(mission.id)).toBe(1);
    if (!first.ok) throw new Error("first proposal refused");
    await withdrawProposal({ actorId: secretary.id, proposalId: first.proposalId });
    expect(
      await withdrawProposal({ actorId: secretary.id, proposalId: first.proposalId }).catch((e) => e.code),
    ).toBe("INVALID_TRANSITION");
    const third = await submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly(2900) });
    expect(third.ok).toBe(true);
    const rows = await db.proposal.findMany({
      where: { missionId: mission.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.status, r.live])).toEqual([
      ["WITHDRAWN", null],
      ["SUBMITTED", true],
    ]);
    const history = await db.proposalStatusChange.findMany({ where: { proposalId: first.proposalId } });
    expect(history).toMatchObject([{ from: "SUBMITTED", to: "WITHDRAWN", actorId: secretary.id }]);
  });

  it("keeps one live proposal when the same bidder sends two at once", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const results = await Promise.allSettled([
      submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly(2800) }),
      submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly(2900) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", message: ALREADY_LIVE_MESSAGE });
    expect(await countProposals(mission.id)).toBe(1);
  });

  it.each(["DRAFT", "PENDING_REVIEW", "CLOSED", "EXPIRED", "FILLED", "CANCELLED"])(
    "refuses a proposal on a %s mission and writes nothing",
    async (status) => {
      const { business } = await openMissionWithBusiness();
      const mission = await createMission(business, { status });
      const secretary = await publishedSecretary();
      // Only OPEN public missions exist for a secretary who never answered them.
      const error = await rejection(
        submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly() }),
      );
      expect(error).toMatchObject({ code: "NOT_FOUND", message: "Cette mission est introuvable." });
      expect(await countProposals(mission.id)).toBe(0);
    },
  );

  it("tells a former bidder that a closed mission takes no more proposals", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    await createBid(mission.id, secretary, { status: "WITHDRAWN" });
    await db.mission.update({ where: { id: mission.id }, data: { status: "CLOSED" } });
    const error = await rejection(
      submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly() }),
    );
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "Cette mission ne reçoit plus de propositions (« fermée »).",
    });
    expect(await countProposals(mission.id)).toBe(1);
  });

  it("refuses after the proposal deadline, takes proposals on the deadline day itself", async () => {
    const { business } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const past = await openMission(business, { proposalDeadline: new Date(`${day(-1)}T00:00:00Z`) });
    const error = await rejection(
      submitProposal({ actorId: secretary.id, missionId: past.id, input: hourly() }),
    );
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("date limite des propositions est passée"),
    });
    const today = await openMission(business, { proposalDeadline: new Date(`${day(0)}T00:00:00Z`) });
    expect((await submitProposal({ actorId: secretary.id, missionId: today.id, input: hourly() })).ok).toBe(
      true,
    );
  });

  it("refuses businesses, unpublished secretaries and agency members", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const draft = await createSecretary({ status: "PENDING_REVIEW" });
    const agency = await createAgencyOwner();
    const member = await createSecretary({ status: "PUBLISHED", agencyId: agency.organization.id });
    for (const [actorId, message] of [
      [business.id, NOT_A_BIDDER_MESSAGE],
      [draft.id, NOT_A_BIDDER_MESSAGE],
      [member.id, AGENCY_MEMBER_MESSAGE],
    ] as const) {
      const error = await rejection(submitProposal({ actorId, missionId: mission.id, input: hourly() }));
      expect(error).toMatchObject({ code: "FORBIDDEN", message });
    }
    expect(await countProposals(mission.id)).toBe(0);
  });

  it("lets an agency owner bid for her agency, naming members of her agency only", async () => {
    const { mission } = await openMissionWithBusiness();
    const agency = await createAgencyOwner({ organizationName: "Agence Azur" });
    const member = await createSecretary({ status: "PUBLISHED", agencyId: agency.organization.id });
    const stranger = await publishedSecretary("Inès Étrangère");
    const refused = await submitProposal({
      actorId: agency.id,
      missionId: mission.id,
      input: { ...hourly(), memberIds: [stranger.id] },
    });
    expect(refused).toEqual({
      ok: false,
      fieldErrors: { memberIds: ["Cette personne ne fait pas partie de votre agence."] },
    });
    const none = await submitProposal({ actorId: agency.id, missionId: mission.id, input: hourly() });
    expect(none.ok).toBe(false);
    const ok = await submitProposal({
      actorId: agency.id,
      missionId: mission.id,
      input: { ...hourly(), memberIds: [member.id] },
    });
    expect(ok.ok).toBe(true);
    const row = await db.proposal.findFirstOrThrow({ where: { missionId: mission.id } });
    expect(row).toMatchObject({
      bidderKey: `agency:${agency.organization.id}`,
      agencyId: agency.organization.id,
      memberIds: [member.id],
    });
  });
});

describe("price terms", () => {
  const perTask = {
    billingMode: "PER_TASK",
    maxHourlyRateCents: null,
    taskLines: [
      { task: "CALL_ANSWERED", unitPriceCents: 80, monthlyVolume: 300 },
      { task: "APPOINTMENT_BOOKED", unitPriceCents: 150, monthlyVolume: 100 },
    ],
  };
  const fixed = {
    billingMode: "FIXED",
    maxHourlyRateCents: null,
    fixedAmountCents: 120000,
    deliverables: "Saisie",
  };
  const terms = (t: Partial<ProposalInput["terms"]>): ProposalInput => ({
    ...hourly(),
    terms: { hourlyRateCents: null, taskPrices: [], fixedAmountCents: null, milestones: [], ...t },
  });

  it.each([
    [
      "a negative hourly rate",
      {},
      terms({ hourlyRateCents: -100 }),
      { hourlyRate: [termsMessages.hourlyRange] },
    ],
    [
      "an absurd hourly rate",
      {},
      terms({ hourlyRateCents: 900_000 }),
      { hourlyRate: [termsMessages.hourlyRange] },
    ],
    ["no hourly rate", {}, terms({}), { hourlyRate: [termsMessages.hourlyRequired] }],
    [
      "a missing task line",
      perTask,
      terms({ taskPrices: [{ task: "CALL_ANSWERED", unitPriceCents: 90 }] }),
      { "taskPrices.APPOINTMENT_BOOKED": ["Indiquez votre prix pour « Rendez-vous pris »."] },
    ],
    [
      "a task the mission does not have",
      perTask,
      terms({
        taskPrices: [
          { task: "CALL_ANSWERED", unitPriceCents: 90 },
          { task: "APPOINTMENT_BOOKED", unitPriceCents: 160 },
          { task: "PAGE_TYPED", unitPriceCents: 200 },
        ],
      }),
      { "taskPrices.PAGE_TYPED": [termsMessages.taskUnknown] },
    ],
    [
      "milestones that do not sum to the package",
      fixed,
      terms({
        fixedAmountCents: 120000,
        milestones: [
          { title: "Premier mois", amountCents: 60000, dueDate: null },
          { title: "Second mois", amountCents: 50000, dueDate: null },
        ],
      }),
      { milestones: [termsMessages.milestonesSum(110000, 120000)] },
    ],
  ] as const)(
    "refuses %s with a French message and writes nothing",
    async (_name, spec, input, fieldErrors) => {
      const { mission } = await openMissionWithBusiness(spec as never);
      const secretary = await publishedSecretary();
      const result = await submitProposal({ actorId: secretary.id, missionId: mission.id, input });
      expect(result).toEqual({ ok: false, fieldErrors });
      expect(await countProposals(mission.id)).toBe(0);
    },
  );

  it("stores per-task prices, and a FIXED package without milestones as one « Livraison »", async () => {
    const secretary = await publishedSecretary();
    const { mission } = await openMissionWithBusiness(perTask as never);
    const prices = [
      { task: "CALL_ANSWERED", unitPriceCents: 90 },
      { task: "APPOINTMENT_BOOKED", unitPriceCents: 160 },
    ];
    expect(
      (
        await submitProposal({
          actorId: secretary.id,
          missionId: mission.id,
          input: terms({ taskPrices: prices, hourlyRateCents: 5000 }),
        })
      ).ok,
    ).toBe(true);
    expect(await db.proposal.findFirstOrThrow({ where: { missionId: mission.id } })).toMatchObject({
      taskPrices: prices,
      hourlyRateCents: null,
    });
    const { mission: package_ } = await openMissionWithBusiness(fixed as never);
    expect(
      (
        await submitProposal({
          actorId: secretary.id,
          missionId: package_.id,
          input: terms({ fixedAmountCents: 110000 }),
        })
      ).ok,
    ).toBe(true);
    expect(await db.proposal.findFirstOrThrow({ where: { missionId: package_.id } })).toMatchObject({
      fixedAmountCents: 110000,
      milestones: [{ title: "Livraison", amountCents: 110000, dueDate: null }],
    });
  });
});

describe("editProposal and withdrawProposal", () => {
  it("lets the bidder edit her live proposal; nobody else may touch it", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const other = await publishedSecretary("Léa Autre");
    const sent = await submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly() });
    if (!sent.ok) throw new Error("refused");
    expect(
      await editProposal({ actorId: secretary.id, proposalId: sent.proposalId, input: hourly(2500) }),
    ).toEqual(sent);
    expect(
      (await rejection(editProposal({ actorId: other.id, proposalId: sent.proposalId, input: hourly(100) })))
        .code,
    ).toBe("NOT_FOUND");
    expect((await rejection(withdrawProposal({ actorId: other.id, proposalId: sent.proposalId }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await db.proposal.findUniqueOrThrow({ where: { id: sent.proposalId } })).toMatchObject({
      hourlyRateCents: 2500,
      status: "SUBMITTED",
    });
  });

  it("refuses to edit a declined proposal", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const sent = await submitProposal({ actorId: secretary.id, missionId: mission.id, input: hourly() });
    if (!sent.ok) throw new Error("refused");
    await db.proposal.update({ where: { id: sent.proposalId }, data: { status: "DECLINED", live: null } });
    expect(
      (
        await rejection(
          editProposal({ actorId: secretary.id, proposalId: sent.proposalId, input: hourly(2500) }),
        )
      ).code,
    ).toBe("CONFLICT");
    expect(await db.proposal.findUniqueOrThrow({ where: { id: sent.proposalId } })).toMatchObject({
      hourlyRateCents: 2800,
    });
  });
});
