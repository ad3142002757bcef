// Logging time and tasks, editing and deleting them: real SQLite, the real use cases, a fixed clock.
import { beforeAll, describe, expect, it } from "vitest";
import { deleteWorkEntry, editTaskEntry, editTimeEntry } from "#app/domain/work/work-entry-edits.server";
import { logTaskEntries, logTimeEntry } from "#app/domain/work/work-entries.server";
import { workMessages } from "#app/domain/work/work-rules";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { createContract } from "#tests/factories/contracts";
import { createSecretary } from "#tests/factories/users";
import { addReplacement, createEntry, entryRow } from "#tests/factories/work";

// 13:00 in Paris on Sunday 29 November 2026.
const NOW = new Date("2026-11-29T12:00:00Z");

async function refused(promise: Promise<unknown>, code: string, message?: string | RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (message) expect((error as DomainError).message).toMatch(message);
}
const entriesOf = (contractId: string) => db.workEntry.count({ where: { contractId } });

type Hourly = Awaited<ReturnType<typeof createContract>>;
let hourly: Hourly;
let perTask: Hourly;
let lea: Awaited<ReturnType<typeof addReplacement>>;

beforeAll(async () => {
  hourly = await createContract({ billingMode: "HOURLY", hourlyRateCents: 3000, startDate: "2026-11-02" });
  perTask = await createContract({ billingMode: "PER_TASK", startDate: "2026-11-02" });
  lea = await addReplacement(hourly.contract.id, {
    replacesId: hourly.primaryAssigneeId,
    startsOn: "2026-11-16",
    endsOn: "2026-11-20",
    createdById: hourly.business.id,
  });
});

const logTime = (
  actorId: string,
  input: Record<string, unknown>,
  contractId = hourly.contract.id,
  now = NOW,
) =>
  logTimeEntry({
    actorId,
    contractId,
    input: { date: "2026-11-27", description: "Standard", ...input } as never,
    now,
  });

describe("logging time (HOURLY)", () => {
  it("prices the minutes at the contract's rate and starts SUBMITTED", async () => {
    const { entryId } = await logTime(hourly.secretary.id, {
      minutes: 90,
      description: "  Appels du matin ",
    });
    expect(await entryRow(entryId)).toMatchObject({
      status: "SUBMITTED",
      minutes: 90,
      unitPriceCents: 3000,
      amountCents: 4500,
      submittedAt: NOW,
      description: "Appels du matin",
      assigneeId: hourly.primaryAssigneeId,
    });
  });

  it("accepts hours + minutes and a typed duration", async () => {
    const a = await logTime(hourly.secretary.id, { hours: 2, minutes: 15, date: "2026-11-10" });
    const b = await logTime(hourly.secretary.id, { duration: "0:45", date: "2026-11-10" });
    expect((await entryRow(a.entryId)).amountCents).toBe(6750);
    expect((await entryRow(b.entryId)).minutes).toBe(45);
  });

  it("rounds to the cent, half up", async () => {
    const odd = await createContract({ hourlyRateCents: 3330 });
    const { entryId } = await logTime(odd.secretary.id, { minutes: 1 }, odd.contract.id);
    expect((await entryRow(entryId)).amountCents).toBe(56); // 55.5 c
  });

  it("takes the day in Paris: at 00:30 on the 30th in Paris, the 30th is today", async () => {
    const late = new Date("2026-11-29T23:30:00Z");
    await expect(
      logTime(hourly.secretary.id, { minutes: 30, date: "2026-11-30" }, hourly.contract.id, late),
    ).resolves.toBeDefined();
  });

  it.each([
    ["a future day", { minutes: 60, date: "2026-11-30" }, workMessages.future],
    ["a day before the contract", { minutes: 60, date: "2026-11-01" }, /commence le 2 novembre 2026/],
    ["no duration", { minutes: 0 }, workMessages.minutes],
    ["more than a day", { minutes: 1441 }, workMessages.minutes],
    ["a negative duration", { minutes: -30 }, workMessages.minutes],
    ["a broken duration", { duration: "demain" }, workMessages.duration],
    ["no description", { minutes: 30, description: "   " }, workMessages.description],
    [
      "a description over 1 000 characters",
      { minutes: 30, description: "x".repeat(1001) },
      workMessages.descriptionLength,
    ],
    ["an impossible date", { minutes: 30, date: "2026-02-30" }, workMessages.date],
  ])("refuses %s (400, nothing written)", async (_name, input, message) => {
    const before = await entriesOf(hourly.contract.id);
    await refused(logTime(hourly.secretary.id, input), "VALIDATION", message);
    expect(await entriesOf(hourly.contract.id)).toBe(before);
  });

  it("refuses a day after the contract's end", async () => {
    const ended = await createContract({ startDate: "2026-11-02", endDate: "2026-11-15" });
    await refused(
      logTime(ended.secretary.id, { minutes: 60, date: "2026-11-16" }, ended.contract.id),
      "VALIDATION",
      /terminé le 15 novembre 2026/,
    );
  });

  it("keeps one person's day at 24 hours, every contract together", async () => {
    const other = await createContract({ secretary: hourly.secretary, business: hourly.business });
    await logTime(hourly.secretary.id, { minutes: 1000, date: "2026-11-05" });
    await refused(
      logTime(hourly.secretary.id, { minutes: 441, date: "2026-11-05" }, other.contract.id),
      "VALIDATION",
      /24 heures/,
    );
    await expect(
      logTime(hourly.secretary.id, { minutes: 440, date: "2026-11-05" }, other.contract.id),
    ).resolves.toBeDefined();
  });

  it.each(["PAUSED", "COMPLETED", "DISPUTED", "PENDING", "CANCELLED"] as const)(
    "refuses a %s contract",
    async (status) => {
      const c = await createContract({ status });
      await refused(
        logTime(c.secretary.id, { minutes: 60 }, c.contract.id),
        "INVALID_TRANSITION",
        /saisie de travail n’est possible/,
      );
      expect(await entriesOf(c.contract.id)).toBe(0);
    },
  );

  it("refuses the business (403) and another contract's secretary (404)", async () => {
    await refused(
      logTime(hourly.business.id, { minutes: 60 }),
      "FORBIDDEN",
      /Seules les secrétaires affectées/,
    );
    const stranger = await createSecretary({ status: "PUBLISHED" });
    await refused(logTime(stranger.id, { minutes: 60 }), "NOT_FOUND");
    await refused(logTime(perTask.secretary.id, { minutes: 60 }), "NOT_FOUND");
  });

  it("refuses time on a per-task contract", async () => {
    await refused(
      logTime(perTask.secretary.id, { minutes: 60 }, perTask.contract.id),
      "VALIDATION",
      /à la tâche/,
    );
  });
});

describe("replacement periods", () => {
  it("the replacement logs inside her period, on her own assignee row", async () => {
    const { entryId } = await logTime(lea.user.id, { minutes: 120, date: "2026-11-18" });
    expect(await entryRow(entryId)).toMatchObject({ assigneeId: lea.assigneeId, amountCents: 6000 });
  });

  it("the replacement cannot log outside her period", async () => {
    await refused(
      logTime(lea.user.id, { minutes: 60, date: "2026-11-21" }),
      "VALIDATION",
      /Votre remplacement couvre du 16 novembre 2026 au 20 novembre 2026/,
    );
    await refused(logTime(lea.user.id, { minutes: 60, date: "2026-11-15" }), "VALIDATION");
  });

  it("the replaced secretary cannot log inside the period, but can around it", async () => {
    await refused(
      logTime(hourly.secretary.id, { minutes: 60, date: "2026-11-16" }),
      "VALIDATION",
      /vous êtes remplacée/,
    );
    await expect(logTime(hourly.secretary.id, { minutes: 60, date: "2026-11-21" })).resolves.toBeDefined();
  });

  it("a cancelled replacement logs nothing", async () => {
    const gone = await addReplacement(hourly.contract.id, {
      replacesId: hourly.primaryAssigneeId,
      startsOn: "2026-11-23",
      endsOn: "2026-11-24",
      createdById: hourly.business.id,
      displayName: "Nina Petit",
    });
    await db.contractAssignee.update({ where: { id: gone.assigneeId }, data: { cancelledAt: new Date() } });
    await refused(logTime(gone.user.id, { minutes: 60, date: "2026-11-23" }), "NOT_FOUND");
  });
});

const logTasks = (
  actorId: string,
  lines: { taskType: string; quantity: number }[],
  contractId = perTask.contract.id,
) =>
  logTaskEntries({
    actorId,
    contractId,
    input: { date: "2026-11-26", lines, note: "Lundi chargé" },
    now: NOW,
  });

describe("logging tasks (PER_TASK)", () => {
  it("one entry per line, priced from the contract", async () => {
    const { entryIds } = await logTasks(perTask.secretary.id, [
      { taskType: "CALL_ANSWERED", quantity: 12 },
      { taskType: "APPOINTMENT_BOOKED", quantity: 3 },
    ]);
    const rows = await Promise.all(entryIds.map(entryRow));
    expect(rows).toMatchObject([
      {
        status: "SUBMITTED",
        quantity: 12,
        unitPriceCents: 150,
        amountCents: 1800,
        description: "Lundi chargé",
      },
      { status: "SUBMITTED", quantity: 3, unitPriceCents: 250, amountCents: 750 },
    ]);
  });

  it.each([
    ["an unknown task type", [{ taskType: "PAGE_TYPED", quantity: 2 }], workMessages.unknownTask],
    ["a negative quantity", [{ taskType: "CALL_ANSWERED", quantity: -5 }], workMessages.quantity],
    ["a zero quantity", [{ taskType: "CALL_ANSWERED", quantity: 0 }], workMessages.quantity],
    ["an absurd quantity", [{ taskType: "CALL_ANSWERED", quantity: 10_001 }], workMessages.quantity],
    ["a fractional quantity", [{ taskType: "CALL_ANSWERED", quantity: 1.5 }], workMessages.quantity],
    ["no line", [], workMessages.noLine],
    [
      "a task twice",
      [
        { taskType: "CALL_ANSWERED", quantity: 1 },
        { taskType: "CALL_ANSWERED", quantity: 2 },
      ],
      workMessages.duplicateTask,
    ],
  ])("refuses %s and writes no line at all", async (_name, lines, message) => {
    const before = await entriesOf(perTask.contract.id);
    const withGood = [{ taskType: "APPOINTMENT_BOOKED", quantity: 1 }, ...lines];
    await refused(logTasks(perTask.secretary.id, lines.length ? withGood : []), "VALIDATION", message);
    expect(await entriesOf(perTask.contract.id)).toBe(before);
  });

  it("accepts the maximum quantity", async () => {
    const { entryIds } = await logTasks(perTask.secretary.id, [
      { taskType: "CALL_ANSWERED", quantity: 10_000 },
    ]);
    expect((await entryRow(entryIds[0]!)).amountCents).toBe(1_500_000);
  });
});

describe("editing and deleting", () => {
  it("an edit re-prices, keeps SUBMITTED and starts a new review window", async () => {
    const { entryId } = await logTime(hourly.secretary.id, { minutes: 60, date: "2026-11-24" });
    const later = new Date("2026-11-29T15:00:00Z");
    await editTimeEntry({
      actorId: hourly.secretary.id,
      entryId,
      input: { date: "2026-11-25", minutes: 30, description: "Corrigé" },
      now: later,
    });
    expect(await entryRow(entryId)).toMatchObject({
      status: "SUBMITTED",
      minutes: 30,
      amountCents: 1500,
      submittedAt: later,
      description: "Corrigé",
    });
  });

  it("editing a DISPUTED entry resubmits it", async () => {
    const e = await createEntry({
      contractId: perTask.contract.id,
      assigneeId: perTask.primaryAssigneeId,
      kind: "TASK",
      date: "2026-11-20",
      quantity: 40,
      status: "DISPUTED",
    });
    const result = await editTaskEntry({
      actorId: perTask.secretary.id,
      entryId: e.id,
      input: { date: "2026-11-20", quantity: 4, note: "Oups : 4, pas 40" },
      now: NOW,
    });
    expect(result.resubmitted).toBe(true);
    expect(await entryRow(e.id)).toMatchObject({
      status: "SUBMITTED",
      quantity: 4,
      amountCents: 600,
      submittedAt: NOW,
    });
  });

  it("an edit follows the logging rules", async () => {
    const { entryId } = await logTime(hourly.secretary.id, { minutes: 60, date: "2026-11-24" });
    await refused(
      editTimeEntry({
        actorId: hourly.secretary.id,
        entryId,
        input: { date: "2026-12-01", minutes: 60, description: "x" },
        now: NOW,
      }),
      "VALIDATION",
      workMessages.future,
    );
    await refused(
      editTimeEntry({
        actorId: hourly.secretary.id,
        entryId,
        input: { date: "2026-11-17", minutes: 60, description: "x" },
        now: NOW,
      }),
      "VALIDATION",
      /remplacée/,
    );
    expect((await entryRow(entryId)).minutes).toBe(60);
  });

  it("approved work is frozen; other people’s work is not yours", async () => {
    const approved = await createEntry({
      contractId: hourly.contract.id,
      assigneeId: hourly.primaryAssigneeId,
      date: "2026-11-09",
      status: "APPROVED",
    });
    const input = { date: "2026-11-09", minutes: 10, description: "x" };
    await refused(
      editTimeEntry({ actorId: hourly.secretary.id, entryId: approved.id, input, now: NOW }),
      "INVALID_TRANSITION",
    );
    await refused(
      deleteWorkEntry({ actorId: hourly.secretary.id, entryId: approved.id }),
      "INVALID_TRANSITION",
    );
    const mine = await createEntry({
      contractId: hourly.contract.id,
      assigneeId: hourly.primaryAssigneeId,
      date: "2026-11-09",
    });
    await refused(editTimeEntry({ actorId: lea.user.id, entryId: mine.id, input, now: NOW }), "FORBIDDEN");
    await refused(deleteWorkEntry({ actorId: hourly.business.id, entryId: mine.id }), "FORBIDDEN");
    await refused(deleteWorkEntry({ actorId: perTask.secretary.id, entryId: mine.id }), "NOT_FOUND");
    expect(await entryRow(mine.id)).toMatchObject({ status: "SUBMITTED" });
  });

  it("deletes her own entry once; the second click finds nothing", async () => {
    const e = await createEntry({
      contractId: hourly.contract.id,
      assigneeId: hourly.primaryAssigneeId,
      date: "2026-11-12",
    });
    await deleteWorkEntry({ actorId: hourly.secretary.id, entryId: e.id });
    await refused(deleteWorkEntry({ actorId: hourly.secretary.id, entryId: e.id }), "NOT_FOUND");
  });
});
