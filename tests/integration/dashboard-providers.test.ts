import { describe, expect, it } from "vitest";
import { splitFee } from "#app/domain/contracts/contract-terms";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { loadDashboard } from "#app/domain/dashboards/dashboards.server";
import { parisWeek } from "#app/domain/dashboards/dashboard-week";
import { db } from "#app/lib/db.server";
import { createContract } from "#tests/factories/contracts";
import { createMission } from "#tests/factories/mission-rows";
import { createAgencyOwner, createBusiness, createSecretary } from "#tests/factories/users";
import { bid, day, workEntry } from "./dashboard-helpers";

// Wednesday 2 December 2026: the Paris week runs from Monday 30 November to Sunday 6 December.
const NOW = new Date("2026-12-02T10:00:00Z");

/** Turns the factory's one-off snapshot into "every Monday and Thursday, 9 h – 12 h" from 2 November. */
async function makeRecurring(contractId: string) {
  const row = await db.contract.findUniqueOrThrow({ where: { id: contractId }, select: { terms: true } });
  const terms = row.terms as Prisma.InputJsonObject & { mission: Prisma.InputJsonObject };
  terms.mission = {
    ...terms.mission,
    scheduleType: "RECURRING",
    rrule: "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270331T235959Z",
    timeWindows: [{ start: "09:00", end: "12:00" }],
    endDate: "2027-03-31",
  };
  await db.contract.update({ where: { id: contractId }, data: { terms } });
}

const ids = (made: { contract: { id: string }; primaryAssigneeId: string }) => ({
  contractId: made.contract.id,
  assigneeId: made.primaryAssigneeId,
});

describe("secretary dashboard", () => {
  it("lists her bids, offers, contracts, this week's sessions and what she is owed — hers only", async () => {
    const business = await createBusiness({ organizationName: "Cabinet des Tilleuls" });
    const claire = await createSecretary({ status: "PUBLISHED", displayName: "Claire Morel" });
    const ines = await createSecretary({ status: "PUBLISHED", displayName: "Inès Benali" });
    const open = await createMission(business, { status: "OPEN", title: "Accueil du cabinet" });
    const other = await createMission(business, { status: "OPEN", title: "Standard du samedi" });
    await bid(open.id, claire, "SUBMITTED");
    await bid(other.id, claire, "WITHDRAWN");
    await bid(other.id, ines, "SHORTLISTED");
    const offer = await createMission(business, {
      status: "OPEN",
      visibility: "INVITE_ONLY",
      title: "Offre directe",
    });
    await bid(offer.id, claire, "SUBMITTED", { origin: "OFFER", createdById: business.id });
    const pending = await createContract({ business, secretary: claire, status: "PENDING" });

    const active = await createContract({
      business,
      secretary: claire,
      status: "ACTIVE",
      startDate: "2026-11-02",
    });
    await makeRecurring(active.contract.id);
    // Inès replaces Claire from Thursday to Saturday: Thursday's session is hers.
    const replacement = await db.contractAssignee.create({
      data: {
        contractId: active.contract.id,
        userId: ines.id,
        role: "REPLACEMENT",
        startsOn: day("2026-12-03"),
        endsOn: day("2026-12-05"),
        replacesId: active.primaryAssigneeId,
        createdById: claire.id,
      },
      select: { id: true },
    });
    const rate = 3000;
    await workEntry({
      ...ids(active),
      workDate: "2026-11-30",
      status: "SUBMITTED",
      minutes: 170,
      unitPriceCents: rate,
    });
    await workEntry({
      ...ids(active),
      workDate: "2026-11-26",
      status: "APPROVED",
      minutes: 180,
      unitPriceCents: rate,
    });
    await workEntry({
      ...ids(active),
      workDate: "2026-11-23",
      status: "APPROVED",
      minutes: 95,
      unitPriceCents: rate,
    });
    await workEntry({
      ...ids(active),
      workDate: "2026-11-19",
      status: "DISPUTED",
      minutes: 60,
      unitPriceCents: rate,
    });
    await workEntry({
      contractId: active.contract.id,
      assigneeId: replacement.id,
      workDate: "2026-12-03",
      status: "APPROVED",
      minutes: 180,
      unitPriceCents: rate,
    });
    const fixed = await createContract({
      business,
      secretary: claire,
      status: "COMPLETED",
      billingMode: "FIXED",
      platformFeeBps: 1250,
    });
    await db.milestone.updateMany({ where: { contractId: fixed.contract.id }, data: { status: "APPROVED" } });

    const page = (await loadDashboard({ actorId: claire.id, now: NOW })).secretary!;
    expect(page.proposalCounts).toEqual([
      { status: "SUBMITTED", label: "Envoyée", count: 1 },
      { status: "ACCEPTED", label: "Acceptée", count: 3 }, // her three contracts’ proposals
      { status: "WITHDRAWN", label: "Retirée", count: 1 },
    ]);
    expect(page.liveProposals).toMatchObject([{ missionId: open.id, counterpart: "Cabinet des Tilleuls" }]);
    expect(page.offers).toMatchObject([{ missionId: offer.id, status: "SUBMITTED" }]);
    expect(page.contractsToAccept.map((c) => c.id)).toEqual([pending.contract.id]);
    expect(page.activeContracts.map((c) => c.id)).toEqual([active.contract.id]);

    expect(page.week).toMatchObject({ monday: "2026-11-30", sunday: "2026-12-06" });
    expect(page.week.plans).toEqual([
      {
        contractId: active.contract.id,
        title: "Accueil téléphonique du cabinet",
        business: "Cabinet des Tilleuls",
        billingMode: "HOURLY",
        sessions: [{ day: "2026-11-30", start: "09:00", end: "12:00" }],
        loggedMinutes: 170,
        loggedTasks: 0,
        loggedCents: 8500,
      },
    ]);

    // 180 + 95 minutes at 30 €/h approved = 137,50 €; 10 % fee. The replacement's hours are hers.
    const approved = 9000 + 4750;
    expect(page.owed.lines).toHaveLength(2);
    expect(page.owed.lines).toEqual(
      expect.arrayContaining([
        {
          contractId: active.contract.id,
          title: "Accueil téléphonique du cabinet",
          business: "Cabinet des Tilleuls",
          approvedCents: approved,
          feeCents: 1375,
          netCents: approved - 1375,
          pendingNetCents: splitFee(8500, 1000).payeeCents,
        },
        {
          contractId: fixed.contract.id,
          title: "Accueil téléphonique du cabinet",
          business: "Cabinet des Tilleuls",
          approvedCents: 60000,
          feeCents: 7500,
          netCents: 52500,
          pendingNetCents: 0,
        },
      ]),
    );
    expect(page.owed.totalNetCents).toBe(approved - 1375 + 52500);
    expect(page.owed.totalPendingNetCents).toBe(7650);

    // The replacement sees Thursday's session, and only her own hours as owed.
    const inesPage = (await loadDashboard({ actorId: ines.id, now: NOW })).secretary!;
    expect(inesPage.week.plans).toMatchObject([
      {
        contractId: active.contract.id,
        sessions: [{ day: "2026-12-03", start: "09:00", end: "12:00" }],
        loggedMinutes: 180,
      },
    ]);
    expect(inesPage.owed.lines).toMatchObject([{ approvedCents: 9000, feeCents: 900, netCents: 8100 }]);
    expect(inesPage.liveProposals.map((p) => p.missionId)).toEqual([other.id]);
    expect(inesPage.contractsToAccept).toEqual([]);
    expect(JSON.stringify(inesPage)).not.toContain(pending.contract.id);
  });

  it("shows one-off and replacement periods on weekdays inside the contract's dates only", async () => {
    const claire = await createSecretary({ status: "PUBLISHED" });
    const made = await createContract({ secretary: claire, startDate: "2026-12-02", endDate: "2026-12-10" });
    const page = (await loadDashboard({ actorId: claire.id, now: NOW })).secretary!;
    expect(page.week.plans[0]!.sessions).toEqual(
      ["2026-12-02", "2026-12-03", "2026-12-04"].map((d) => ({ day: d, start: null, end: null })),
    );
    await db.contract.update({ where: { id: made.contract.id }, data: { status: "PAUSED" } });
    const paused = (await loadDashboard({ actorId: claire.id, now: NOW })).secretary!;
    expect(paused.week.plans).toEqual([]);
    expect(paused.activeContracts.map((c) => c.statusLabel)).toEqual(["En pause"]);
  });

  it("finds the Paris week around midnight and Sunday", () => {
    // 23 h 30 UTC on Sunday is already Monday 0 h 30 in Paris (winter, UTC+1).
    expect(parisWeek(new Date("2026-11-29T23:30:00Z"))).toMatchObject({ monday: "2026-11-30" });
    expect(parisWeek(new Date("2026-11-29T23:30:00Z")).days).toHaveLength(7);
    expect(parisWeek(new Date("2026-11-29T22:30:00Z"))).toMatchObject({
      monday: "2026-11-23",
      sunday: "2026-11-29",
    });
  });
});

describe("agency owner dashboard", () => {
  it("shows the agency's bids, contracts, members' work and what the agency is owed", async () => {
    const owner = await createAgencyOwner({ organizationName: "Télésecrétariat Provence" });
    const agencyId = owner.organization.id;
    const laura = await createSecretary({ status: "PUBLISHED", agencyId, displayName: "Laura Fabre" });
    const sandrine = await createSecretary({ status: "PUBLISHED", agencyId, displayName: "Sandrine Giraud" });
    const business = await createBusiness({ organizationName: "Plomberie Guérin" });
    const open = await createMission(business, { status: "OPEN" });
    await bid(open.id, owner, "SHORTLISTED", { agencyId });
    const made = await createContract({ business, secretary: owner, billingMode: "PER_TASK" });
    await db.contract.update({ where: { id: made.contract.id }, data: { agencyId } });
    const member = (userId: string) =>
      db.contractAssignee.create({
        data: { contractId: made.contract.id, userId, role: "MEMBER", createdById: owner.id },
        select: { id: true },
      });
    const [lauraRow, sandrineRow] = [await member(laura.id), await member(sandrine.id)];
    const contractId = made.contract.id;
    await workEntry({
      contractId,
      assigneeId: lauraRow.id,
      workDate: "2026-11-30",
      status: "APPROVED",
      quantity: 40,
      unitPriceCents: 150,
    });
    await workEntry({
      contractId,
      assigneeId: sandrineRow.id,
      workDate: "2026-12-01",
      status: "SUBMITTED",
      quantity: 10,
      unitPriceCents: 250,
    });
    // Another agency's contract never shows.
    const rival = await createAgencyOwner({ organizationName: "Agence Rivale" });
    const rivalContract = await createContract({ business, secretary: rival });
    await db.contract.update({
      where: { id: rivalContract.contract.id },
      data: { agencyId: rival.organization.id },
    });
    await workEntry({
      contractId: rivalContract.contract.id,
      assigneeId: rivalContract.primaryAssigneeId,
      workDate: "2026-11-30",
      status: "APPROVED",
      minutes: 60,
      unitPriceCents: 3000,
    });

    const page = await loadDashboard({ actorId: owner.id, now: NOW });
    const agency = page.agency!;
    expect(page.secretary).toBeNull();
    expect(agency.agency).toEqual({ id: agencyId, name: "Télésecrétariat Provence" });
    expect(agency.proposalCounts).toEqual([{ status: "SHORTLISTED", label: "Présélectionnée", count: 1 }]);
    expect(agency.activeContracts.map((c) => c.id)).toEqual([contractId]);
    expect(agency.members).toEqual([
      { userId: laura.id, name: "Laura Fabre", submittedCents: 0, approvedCents: 6000, entries: 1 },
      { userId: sandrine.id, name: "Sandrine Giraud", submittedCents: 2500, approvedCents: 0, entries: 1 },
    ]);
    expect(agency.owed).toMatchObject({ totalNetCents: 5400, totalPendingNetCents: 2250 });
    expect(JSON.stringify(agency)).not.toContain(rivalContract.contract.id);
    const rivalPage = (await loadDashboard({ actorId: rival.id, now: NOW })).agency!;
    expect(rivalPage.activeContracts.map((c) => c.id)).toEqual([rivalContract.contract.id]);
    expect(rivalPage.members.map((m) => m.userId)).toEqual([rival.id]);
    expect(rivalPage.owed.totalNetCents).toBe(2700);

    // The members see their own week on the agency's contract, and no agency figures.
    const lauraPage = await loadDashboard({ actorId: laura.id, now: NOW });
    expect(lauraPage.agency).toBeNull();
    expect(lauraPage.secretary!.activeContracts.map((c) => c.id)).toEqual([contractId]);
    expect(lauraPage.secretary!.week.plans[0]).toMatchObject({ loggedTasks: 40, loggedCents: 6000 });
    // Paid to the agency, not to her.
    expect(lauraPage.secretary!.owed.lines).toEqual([]);
  });
});
