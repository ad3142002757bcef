// /contrats/:id/travail through its real loader and action, as browsers post without JavaScript.
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { db } from "#app/lib/db.server";
import * as workPage from "#app/routes/contrats+/$contractId.travail";
import { createContract } from "#tests/factories/contracts";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { addReplacement, createEntry } from "#tests/factories/work";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const today = parisToday();
// Léa replaces the primary yesterday only: today the primary logs, whatever today's date.
const leaDay = addDays(today, -1);
const start = addDays(today, -10);
let c: Awaited<ReturnType<typeof createContract>>;
let lea: Awaited<ReturnType<typeof addReplacement>>;
const path = () => `/contrats/${c.contract.id}/travail`;
const params = () => ({ contractId: c.contract.id });
const view = async (userId?: string, query = "") =>
  runRoute(workPage.loader, await getRequest(`${path()}${query}`, { userId }), params());
const post = async (userId: string, fields: Record<string, string | string[]>) =>
  runRoute(workPage.action, await formRequest(path(), fields, { userId }), params());

beforeAll(async () => {
  c = await createContract({ billingMode: "HOURLY", startDate: start });
  lea = await addReplacement(c.contract.id, {
    replacesId: c.primaryAssigneeId,
    startsOn: leaDay,
    endsOn: leaDay,
    createdById: c.business.id,
  });
});

describe("who sees the page", () => {
  it("anonymous → login; another business or secretary → 404", async () => {
    expect((await view()).location).toMatch(/^\/connexion/);
    expect((await view((await createBusiness()).id)).status).toBe(404);
    expect((await view((await createSecretary()).id)).status).toBe(404);
  });

  it("the assignee sees the log form; the business the review; staff reads only", async () => {
    expect((await view(c.secretary.id)).data.viewer).toMatchObject({ canLog: true, reviews: false });
    expect((await view(c.business.id)).data.viewer).toMatchObject({
      canLog: false,
      reviews: true,
      seesEveryone: true,
    });
    expect((await view((await createStaff()).id)).data.viewer).toMatchObject({
      canLog: false,
      reviews: false,
      role: "STAFF",
    });
  });
});

describe("logging without JavaScript", () => {
  it("a valid time entry redirects with a notice", async () => {
    const result = await post(c.secretary.id, {
      intent: "log-time",
      date: today,
      hours: "1",
      minutes: "30",
      description: "Appels",
    });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/enregistre=1/);
  });

  it("bad input comes back as 400 with the French message, nothing written", async () => {
    const before = await db.workEntry.count();
    const result = await post(c.secretary.id, {
      intent: "log-time",
      date: today,
      hours: "",
      minutes: "0",
      description: "",
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toMatchObject({
      minutes: expect.stringMatching(/durée/),
      description: "Décrivez le travail effectué.",
    });
    const future = await post(c.secretary.id, {
      intent: "log-time",
      date: "2099-01-01",
      hours: "1",
      description: "x",
    });
    expect(future.status).toBe(400);
    expect(future.data.errors.form).toMatch(/futur/);
    expect(await db.workEntry.count()).toBe(before);
  });

  it("the business cannot log (403), another secretary gets 404", async () => {
    expect(
      (await post(c.business.id, { intent: "log-time", date: today, hours: "1", description: "x" })).status,
    ).toBe(403);
    expect(
      (
        await post((await createSecretary()).id, {
          intent: "log-time",
          date: today,
          hours: "1",
          description: "x",
        })
      ).status,
    ).toBe(404);
  });
});

describe("reviewing", () => {
  it("the business sees the primary's and the replacement's entries, each tagged", async () => {
    await createEntry({ contractId: c.contract.id, assigneeId: lea.assigneeId, date: leaDay });
    await createEntry({
      contractId: c.contract.id,
      assigneeId: c.primaryAssigneeId,
      date: addDays(leaDay, -1),
    });
    const inMonth = `?mois=${leaDay.slice(0, 7)}`;
    const page = (await view(c.business.id, inMonth)).data;
    const names = page.entries.map(
      (e: { who: { name: string; role: string } }) => `${e.who.name} (${e.who.role})`,
    );
    expect(names).toContain("Léa Roux (Remplaçante)");
    expect(names).toContain("Claire Morel (Titulaire)");
    expect(page.entries.every((e: { autoApprovesAt: string | null }) => e.autoApprovesAt !== null)).toBe(
      true,
    );
    const onlyLea = (await view(c.business.id, `${inMonth}&personne=${lea.user.id}`)).data.entries;
    expect(onlyLea.every((e: { who: { name: string } }) => e.who.name === "Léa Roux")).toBe(true);
    // The replacement sees only her own work.
    const own = (await view(lea.user.id, inMonth)).data.entries;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e: { who: { name: string } }) => e.who.name === "Léa Roux")).toBe(true);
  });

  it("approves a selection, disputes with a reason; the secretary cannot approve", async () => {
    const a = await createEntry({ contractId: c.contract.id, assigneeId: c.primaryAssigneeId, date: today });
    const b = await createEntry({ contractId: c.contract.id, assigneeId: c.primaryAssigneeId, date: today });
    expect((await post(c.secretary.id, { intent: "approve", target: `entry:${a.id}` })).status).toBe(403);
    const noReason = await post(c.business.id, { intent: "dispute", target: `entry:${b.id}`, reason: " " });
    expect(noReason.status).toBe(400);
    expect(
      (await post(c.business.id, { intent: "dispute", target: `entry:${b.id}`, reason: "Pas ce jour-là" }))
        .location,
    ).toMatch(/conteste=1/);
    expect((await post(c.business.id, { intent: "approve-selection", entry: [a.id] })).location).toMatch(
      /valide=1/,
    );
    const again = await post(c.business.id, { intent: "approve-selection", entry: [a.id] });
    expect(again.status).toBe(409);
    const rows = await db.workEntry.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [a.id]: "APPROVED",
      [b.id]: "DISPUTED",
    });
  });

  it("shows one week on request, with links to the weeks around it", async () => {
    const old = await createEntry({
      contractId: c.contract.id,
      assigneeId: c.primaryAssigneeId,
      date: addDays(today, -8),
    });
    const page = (await view(c.business.id, `?semaine=${today}`)).data;
    expect(page.periodLabel).toMatch(/^semaine du /);
    expect(page.week.next).toBe(addDays(page.week.previous, 14));
    expect(page.entries.map((e: { id: string }) => e.id)).not.toContain(old.id);
    expect(page.entries.every((e: { date: string }) => e.date >= addDays(page.week.previous, 7))).toBe(true);
  });

  it("the author edits through ?modifier and deletes her own entry", async () => {
    const e = await createEntry({ contractId: c.contract.id, assigneeId: c.primaryAssigneeId, date: today });
    const page = (await view(c.secretary.id, `?modifier=${e.id}`)).data;
    expect(page.editing).toMatchObject({ id: e.id, minutes: 60 });
    expect((await view(c.business.id, `?modifier=${e.id}`)).data.editing).toBeNull();
    const edited = await post(c.secretary.id, {
      intent: "edit-time",
      entryId: e.id,
      date: today,
      hours: "2",
      minutes: "",
      description: "Corrigé",
    });
    expect(edited.location).toMatch(/modifie=1/);
    expect((await db.workEntry.findUniqueOrThrow({ where: { id: e.id } })).amountCents).toBe(6000);
    expect((await post(c.business.id, { intent: "delete", entryId: e.id })).status).toBe(403);
    expect((await post(c.secretary.id, { intent: "delete", entryId: e.id })).location).toMatch(/supprime=1/);
  });
});

describe("per-task and fixed contracts", () => {
  it("one quantity field per task type; blank fields are skipped; an unknown type is refused", async () => {
    const k = await createContract({ billingMode: "PER_TASK", startDate: start });
    const p = { contractId: k.contract.id };
    const send = async (fields: Record<string, string>) =>
      runRoute(
        workPage.action,
        await formRequest(
          `/contrats/${k.contract.id}/travail`,
          { intent: "log-tasks", date: today, ...fields },
          { userId: k.secretary.id },
        ),
        p,
      );
    expect((await send({ "quantity.CALL_ANSWERED": "12", "quantity.APPOINTMENT_BOOKED": "" })).status).toBe(
      302,
    );
    expect(
      await db.workEntry.findMany({
        where: { contractId: k.contract.id },
        select: { taskType: true, amountCents: true },
      }),
    ).toEqual([{ taskType: "CALL_ANSWERED", amountCents: 1800 }]);
    expect((await send({ "quantity.CALL_ANSWERED": "-3" })).status).toBe(400);
    expect((await send({ "quantity.PAGE_TYPED": "3" })).data.errors.form).toMatch(
      /ne fait pas partie du contrat/,
    );
    expect((await send({ "quantity.CALL_ANSWERED": "" })).data.errors.lines).toMatch(/au moins une quantité/);
    const page = await runRoute(
      workPage.loader,
      await getRequest(`/contrats/${k.contract.id}/travail`, { userId: k.secretary.id }),
      p,
    );
    expect(page.data.contract.taskPrices.map((t: { label: string }) => t.label)).toEqual([
      "Appel traité",
      "Rendez-vous pris",
    ]);
  });

  it("a milestone is marked as delivered, then approved by the business", async () => {
    const k = await createContract({ billingMode: "FIXED" });
    const m = await db.milestone.findFirstOrThrow({ where: { contractId: k.contract.id } });
    const p = { contractId: k.contract.id };
    const act = async (userId: string, fields: Record<string, string>) =>
      runRoute(
        workPage.action,
        await formRequest(`/contrats/${k.contract.id}/travail`, fields, { userId }),
        p,
      );
    expect(
      (await act(k.secretary.id, { intent: "deliver", milestoneId: m.id, deliveryNote: "Envoyé" })).location,
    ).toMatch(/livre=1/);
    expect((await act(k.business.id, { intent: "approve", target: `milestone:${m.id}` })).location).toMatch(
      /valide=1/,
    );
    expect((await act(k.business.id, { intent: "approve", target: `milestone:${m.id}` })).status).toBe(409);
  });
});
