// Monthly statements: the use case on real rows (primary + replacement), the CSV, and who may read.
import { beforeAll, describe, expect, it } from "vitest";
import { buildMonthlyStatement, listStatementMonths } from "#app/domain/work/statement.server";
import { db } from "#app/lib/db.server";
import * as monthsPage from "#app/routes/contrats+/$contractId.releves._index";
import * as statementPage from "#app/routes/contrats+/$contractId.releves.$month";
import * as statementCsvRoute from "#app/routes/contrats+/$contractId.releves.$month[.csv]";
import { createContract } from "#tests/factories/contracts";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { addReplacement, createEntry } from "#tests/factories/work";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

let c: Awaited<ReturnType<typeof createContract>>;
let lea: Awaited<ReturnType<typeof addReplacement>>;

beforeAll(async () => {
  c = await createContract({ billingMode: "HOURLY", hourlyRateCents: 3000, platformFeeBps: 1000 });
  lea = await addReplacement(c.contract.id, {
    replacesId: c.primaryAssigneeId,
    startsOn: "2026-11-16",
    endsOn: "2026-11-20",
    createdById: c.business.id,
  });
  const primary = { contractId: c.contract.id, assigneeId: c.primaryAssigneeId };
  const replacement = { contractId: c.contract.id, assigneeId: lea.assigneeId };
  await createEntry({ ...primary, date: "2026-11-03", minutes: 90, status: "APPROVED" }); // 45 €
  await createEntry({ ...primary, date: "2026-11-30", minutes: 61, status: "APPROVED" }); // 30,50 €
  await createEntry({ ...primary, date: "2026-12-01", minutes: 60, status: "APPROVED" }); // December
  await createEntry({ ...primary, date: "2026-11-24", minutes: 60, status: "SUBMITTED" }); // pending
  await createEntry({ ...replacement, date: "2026-11-17", minutes: 125, status: "APPROVED" }); // 62,50 €
  await createEntry({ ...replacement, date: "2026-11-18", minutes: 60, status: "DISPUTED" });
});

describe("buildMonthlyStatement", () => {
  it("gives the primary and the replacement exactly their approved work of the month", async () => {
    const { statement } = await buildMonthlyStatement({
      actorId: c.business.id,
      contractId: c.contract.id,
      month: "2026-11",
    });
    const byUser = Object.fromEntries(statement.payees.map((p) => [p.userId, p]));
    expect(byUser[c.secretary.id]).toMatchObject({
      roles: ["PRIMARY"],
      subtotalCents: 7550,
      feeCents: 755,
      netCents: 6795,
    });
    expect(byUser[c.secretary.id]!.lines.map((l) => l.date)).toEqual(["2026-11-03", "2026-11-30"]);
    expect(byUser[lea.user.id]).toMatchObject({
      roles: ["REPLACEMENT"],
      subtotalCents: 6250,
      feeCents: 625,
      netCents: 5625,
    });
    expect(statement.totals).toEqual({ amountCents: 13800, feeCents: 1380, netCents: 12420, lineCount: 3 });
    expect(statement.pending).toEqual({ count: 1, amountCents: 3000 });
    expect(statement.disputed).toEqual({ count: 1, amountCents: 3000 });
  });

  it("puts a milestone approved on 1 December 00:30 in Paris on December's statement", async () => {
    const k = await createContract({ billingMode: "FIXED", business: c.business, secretary: c.secretary });
    await db.milestone.updateMany({
      where: { contractId: k.contract.id },
      data: {
        status: "APPROVED",
        submittedById: k.secretary.id,
        submittedAt: new Date("2026-11-25T09:00:00Z"),
        reviewedAt: new Date("2026-11-30T23:30:00Z"),
      },
    });
    const nov = await buildMonthlyStatement({
      actorId: c.business.id,
      contractId: k.contract.id,
      month: "2026-11",
    });
    const dec = await buildMonthlyStatement({
      actorId: c.business.id,
      contractId: k.contract.id,
      month: "2026-12",
    });
    expect(nov.statement.totals.amountCents).toBe(0);
    expect(dec.statement.payees[0]).toMatchObject({
      userId: k.secretary.id,
      subtotalCents: 60000,
      feeCents: 6000,
      netCents: 54000,
    });
    expect(
      (await listStatementMonths({ actorId: k.secretary.id, contractId: k.contract.id })).months.map(
        (m) => m.month,
      ),
    ).toEqual(["2026-12"]);
  });

  it("lists the months that have work, newest first", async () => {
    const { months } = await listStatementMonths({ actorId: lea.user.id, contractId: c.contract.id });
    expect(months).toEqual([
      { month: "2026-12", label: "décembre 2026" },
      { month: "2026-11", label: "novembre 2026" },
    ]);
  });
});

describe("statement routes", () => {
  const params = () => ({ contractId: c.contract.id, month: "2026-11" });
  const read = async (userId?: string) =>
    runRoute(
      statementPage.loader,
      await getRequest(`/contrats/${c.contract.id}/releves/2026-11`, { userId }),
      params(),
    );

  it("anonymous visitors are sent to the login page", async () => {
    const result = await read();
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/connexion/);
  });

  it("another business, another secretary: not found", async () => {
    expect((await read((await createBusiness()).id)).status).toBe(404);
    expect((await read((await createSecretary()).id)).status).toBe(404);
  });

  it("the business, the provider, the replacement and staff read it", async () => {
    for (const userId of [c.business.id, c.secretary.id, lea.user.id, (await createStaff()).id]) {
      const result = await read(userId);
      expect(result.status).toBe(200);
      expect(result.data.statement.totals.amountCents).toBe(13800);
    }
  });

  it("downloads as CSV with French separators", async () => {
    const request = await getRequest(`/contrats/${c.contract.id}/releves/2026-11.csv`, {
      userId: c.business.id,
    });
    const result = await runRoute(statementCsvRoute.loader, request, params());
    expect(result.headers.get("Content-Type")).toMatch(/text\/csv/);
    expect(result.headers.get("Content-Disposition")).toMatch(/releve-2026-11\.csv/);
    expect(result.data).toContain("Net dû;");
    expect(result.data).toContain("124,20");
    expect(result.data).toContain("Léa Roux;2026-11-17;Temps;");
    const stranger = await getRequest(`/contrats/${c.contract.id}/releves/2026-11.csv`, {
      userId: (await createBusiness()).id,
    });
    expect((await runRoute(statementCsvRoute.loader, stranger, params())).status).toBe(404);
  });

  it("a malformed month is not found", async () => {
    const request = await getRequest(`/contrats/${c.contract.id}/releves/novembre`, {
      userId: c.business.id,
    });
    expect(
      (await runRoute(statementPage.loader, request, { contractId: c.contract.id, month: "novembre" }))
        .status,
    ).toBe(404);
  });

  it("the months list follows the same rules", async () => {
    const list = async (userId?: string) =>
      runRoute(monthsPage.loader, await getRequest(`/contrats/${c.contract.id}/releves`, { userId }), {
        contractId: c.contract.id,
      });
    expect((await list()).status).toBe(302);
    expect((await list((await createBusiness()).id)).status).toBe(404);
    expect((await list(c.business.id)).data.months).toHaveLength(2);
  });
});
