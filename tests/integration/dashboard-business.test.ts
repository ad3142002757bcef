import { describe, expect, it } from "vitest";
import { loadDashboard } from "#app/domain/dashboards/dashboards.server";
import { db } from "#app/lib/db.server";
import * as dashboardRoute from "#app/routes/tableau-de-bord+/_index";
import * as dashboardLayout from "#app/routes/tableau-de-bord+/_layout";
import { createContract } from "#tests/factories/contracts";
import { createMission } from "#tests/factories/mission-rows";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";
import { bid, workEntry } from "./dashboard-helpers";

const NOW = new Date("2026-12-02T10:00:00Z");
const DAY = 86_400_000;

/** A business with an open mission and bids, an offer, a contract to accept and work to approve. */
async function busyBusiness(name: string) {
  const business = await createBusiness({ organizationName: name, displayName: `Dr ${name}` });
  const [claire, ines] = await Promise.all([
    createSecretary({ status: "PUBLISHED", displayName: `Claire ${name}` }),
    createSecretary({ status: "PUBLISHED", displayName: `Inès ${name}` }),
  ]);
  const open = await createMission(business, { status: "OPEN", title: `Accueil ${name}` });
  await bid(open.id, claire, "SUBMITTED");
  await bid(open.id, ines, "SHORTLISTED");
  await bid(open.id, ines, "DECLINED");
  await createMission(business, { status: "DRAFT", title: `Brouillon ${name}` });
  const offerMission = await createMission(business, {
    status: "OPEN",
    visibility: "INVITE_ONLY",
    title: `Offre ${name}`,
  });
  await bid(offerMission.id, claire, "SUBMITTED", { origin: "OFFER", createdById: business.id });
  const pending = await createContract({ business, secretary: claire, status: "PENDING" });
  const active = await createContract({ business, secretary: claire, status: "ACTIVE" });
  const first = new Date("2026-11-27T08:00:00Z");
  await workEntry({
    ...ids(active),
    workDate: "2026-11-26",
    status: "SUBMITTED",
    minutes: 90,
    unitPriceCents: 3000,
    submittedAt: first,
  });
  await workEntry({
    ...ids(active),
    workDate: "2026-11-30",
    status: "SUBMITTED",
    minutes: 45,
    unitPriceCents: 3000,
    submittedAt: NOW,
  });
  await workEntry({
    ...ids(active),
    workDate: "2026-11-25",
    status: "APPROVED",
    minutes: 60,
    unitPriceCents: 3000,
  });
  const fixed = await createContract({ business, secretary: ines, status: "ACTIVE", billingMode: "FIXED" });
  await db.milestone.updateMany({
    where: { contractId: fixed.contract.id },
    data: { status: "SUBMITTED", submittedAt: new Date("2026-11-29T09:00:00Z"), submittedById: ines.id },
  });
  return { business, open, offerMission, pending, active, fixed, first };
}

const ids = (made: { contract: { id: string }; primaryAssigneeId: string }) => ({
  contractId: made.contract.id,
  assigneeId: made.primaryAssigneeId,
});

describe("business dashboard", () => {
  it("shows missions, bids to review, offers, contracts to accept and work to approve — its own only", async () => {
    const mine = await busyBusiness("Tilleuls");
    const other = await busyBusiness("Guérin");
    const page = await loadDashboard({ actorId: mine.business.id, now: NOW });
    const business = page.business!;
    expect(page.secretary).toBeNull();
    expect(page.agency).toBeNull();
    expect(business.organizations).toEqual([mine.business.organization]);

    // createContract writes a FILLED mission (PENDING, ACTIVE) or OPEN one per contract.
    expect(business.missionCounts).toEqual([
      { status: "DRAFT", label: "Brouillon", count: 1 },
      { status: "OPEN", label: "Ouverte aux propositions", count: 2 },
      { status: "FILLED", label: "Pourvue", count: 3 },
    ]);
    expect(business.currentMissions.map((m) => m.title).sort()).toEqual([
      "Accueil Tilleuls",
      "Brouillon Tilleuls",
      "Offre Tilleuls",
    ]);
    expect(business.proposalsToReview).toEqual([
      { missionId: mine.open.id, missionTitle: "Accueil Tilleuls", submitted: 1, shortlisted: 1 },
    ]);
    expect(business.offersAwaiting).toMatchObject([
      { missionId: mine.offerMission.id, counterpart: "Claire Tilleuls", status: "SUBMITTED" },
    ]);
    expect(business.contractsToAccept.map((c) => c.id)).toEqual([mine.pending.contract.id]);
    expect(business.activeContracts.map((c) => c.id).sort()).toEqual(
      [mine.active.contract.id, mine.fixed.contract.id].sort(),
    );
    expect(business.activeContracts.find((c) => c.id === mine.active.contract.id)).toMatchObject({
      counterpart: "Claire Tilleuls",
      statusLabel: "En cours",
      billingMode: "HOURLY",
    });

    const hourly = business.workToApprove.find((w) => w.contractId === mine.active.contract.id)!;
    // 90 min and 45 min at 30 €/h; the approved hour is not waiting.
    expect(hourly).toMatchObject({ entries: 2, milestones: 0, amountCents: 4500 + 2250 });
    expect(hourly.autoApprovalAt).toBe(new Date(mine.first.getTime() + 7 * DAY).toISOString());
    const fixed = business.workToApprove.find((w) => w.contractId === mine.fixed.contract.id)!;
    expect(fixed).toMatchObject({ entries: 0, milestones: 1, amountCents: 60000 });
    expect(fixed.autoApprovalAt).toBe("2026-12-06T09:00:00.000Z");
    expect(business.workToApprove).toHaveLength(2);

    // Nothing of the other business leaks in.
    const text = JSON.stringify(page);
    expect(text).not.toContain("Guérin");
    for (const id of [other.open.id, other.pending.contract.id, other.active.contract.id])
      expect(text).not.toContain(id);
  });

  it("counts the review window of each contract for the automatic approval date", async () => {
    const business = await createBusiness();
    const made = await createContract({ business, reviewWindowDays: 3 });
    const submittedAt = new Date("2026-12-01T15:30:00Z");
    await workEntry({
      ...ids(made),
      workDate: "2026-12-01",
      status: "SUBMITTED",
      quantity: 4,
      unitPriceCents: 150,
      submittedAt,
    });
    const [work] = (await loadDashboard({ actorId: business.id, now: NOW })).business!.workToApprove;
    expect(work).toMatchObject({ entries: 1, amountCents: 600, autoApprovalAt: "2026-12-04T15:30:00.000Z" });
  });

  it("shows an empty business what to do first", async () => {
    const business = await createBusiness();
    const page = (await loadDashboard({ actorId: business.id, now: NOW })).business!;
    expect(page).toMatchObject({
      missionCounts: [],
      proposalsToReview: [],
      offersAwaiting: [],
      contractsToAccept: [],
      activeContracts: [],
      workToApprove: [],
    });
  });
});

describe("/tableau-de-bord route", () => {
  it("sends anonymous visitors to the login page and back", async () => {
    for (const loader of [dashboardLayout.loader, dashboardRoute.loader]) {
      const result = await runRoute(loader, await getRequest("/tableau-de-bord"));
      expect(result.status).toBe(302);
      expect(result.location).toBe("/connexion?redirectTo=%2Ftableau-de-bord");
    }
  });

  it("serves the signed-in business its own dashboard", async () => {
    const { business } = await busyBusiness("Cabinet Route");
    const result = await runRoute(
      dashboardRoute.loader,
      await getRequest("/tableau-de-bord", { userId: business.id }),
    );
    expect(result.status).toBe(200);
    expect(result.data.business.proposalsToReview).toHaveLength(1);
    expect(result.data.secretary).toBeNull();
  });

  it("gives staff a line to the moderation queues and no business figures", async () => {
    const staff = await createStaff("MODERATOR");
    const result = await runRoute(
      dashboardRoute.loader,
      await getRequest("/tableau-de-bord", { userId: staff.id }),
    );
    expect(result.data).toMatchObject({ staff: true, business: null, secretary: null, agency: null });
  });
});
