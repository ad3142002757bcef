import { describe, expect, it } from "vitest";
import { expireMissions } from "#app/domain/missions/mission-expiry.server";
import { transitionMission } from "#app/domain/missions/mission-transition.server";
import { changeMissionStatus } from "#app/domain/missions/missions.server";
import { db } from "#app/lib/db.server";
import { createBid, openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";

async function missionWithProposals() {
  const { business, mission } = await openMissionWithBusiness();
  const [a, b, c, d] = await Promise.all(
    ["Alice", "Berthe", "Chloé", "Diane"].map((n) => publishedSecretary(`${n} Test`)),
  );
  const submitted = await createBid(mission.id, a!);
  const shortlisted = await createBid(mission.id, b!, { status: "SHORTLISTED" });
  const withdrawn = await createBid(mission.id, c!, { status: "WITHDRAWN" });
  const offer = await createBid(mission.id, d!, { origin: "OFFER", createdById: business.id });
  return { business, mission, live: [submitted.id, shortlisted.id, offer.id], withdrawn: withdrawn.id };
}

async function expectExpired(live: string[], withdrawn: string, reason: string) {
  const rows = await db.proposal.findMany({
    where: { id: { in: live } },
    select: { status: true, live: true, decidedAt: true },
  });
  expect(rows).toHaveLength(3);
  for (const row of rows)
    expect(row).toMatchObject({ status: "EXPIRED", live: null, decidedAt: expect.any(Date) });
  const history = await db.proposalStatusChange.findMany({ where: { proposalId: { in: live } } });
  expect(history).toHaveLength(3);
  for (const row of history) expect(row).toMatchObject({ to: "EXPIRED", actorId: null, reason });
  expect(await db.proposal.findUniqueOrThrow({ where: { id: withdrawn } })).toMatchObject({
    status: "WITHDRAWN",
  });
  expect(await db.proposalStatusChange.count({ where: { proposalId: withdrawn } })).toBe(0);
}

describe("live proposals expire when their mission leaves OPEN", () => {
  it("when the business closes the mission", async () => {
    const { business, mission, live, withdrawn } = await missionWithProposals();
    await changeMissionStatus({ actorId: business.id, missionId: mission.id, event: "CLOSE" });
    await expectExpired(live, withdrawn, "Mission fermée aux propositions.");
  });

  it("when the business cancels it", async () => {
    const { business, mission, live, withdrawn } = await missionWithProposals();
    await changeMissionStatus({ actorId: business.id, missionId: mission.id, event: "CANCEL" });
    await expectExpired(live, withdrawn, "Mission annulée.");
  });

  it("when the worker expires it after its deadline", async () => {
    const { mission, live, withdrawn } = await missionWithProposals();
    await db.mission.update({
      where: { id: mission.id },
      data: { proposalDeadline: new Date("2026-01-10T00:00:00Z") },
    });
    expect(await expireMissions({ now: new Date("2026-01-12T10:00:00Z") })).toBeGreaterThanOrEqual(1);
    await expectExpired(live, withdrawn, "Date limite des propositions passée.");
  });

  it("when a contract fills it, after its own proposal was accepted", async () => {
    const { mission, live, withdrawn } = await missionWithProposals();
    await db.$transaction((tx) =>
      transitionMission(tx, { missionId: mission.id, event: "FILL", actor: { id: null, as: "SYSTEM" } }),
    );
    await expectExpired(live, withdrawn, "Mission pourvue.");
  });

  it("rolls the mission change back if a proposal cannot expire", async () => {
    const { business, mission } = await missionWithProposals();
    const before = await db.proposal.findMany({
      where: { missionId: mission.id },
      select: { id: true, status: true },
    });
    // A proposal marked live in an impossible state: the machine refuses, so nothing is written.
    await db.proposal.updateMany({
      where: { missionId: mission.id, status: "SUBMITTED" },
      data: { status: "ACCEPTED" },
    });
    const error = await changeMissionStatus({
      actorId: business.id,
      missionId: mission.id,
      event: "CLOSE",
    }).catch((e) => e);
    expect(error.code).toBe("INVALID_TRANSITION");
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({
      status: "OPEN",
    });
    expect(
      await db.proposalStatusChange.count({ where: { proposalId: { in: before.map((p) => p.id) } } }),
    ).toBe(0);
  });
});
