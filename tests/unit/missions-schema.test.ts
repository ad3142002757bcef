import { describe, expect, it } from "vitest";
import { missionFormSchema, missionMessages } from "#app/domain/missions/missions.schema";
import { AMOUNT_INVALID_MESSAGE } from "#app/lib/money";
import { POSTCODE_MESSAGE } from "#app/domain/geo/postcode";

const today = "2026-11-26";
const schema = missionFormSchema(today);
type Fields = Record<string, unknown>;

const common: Fields = {
  intent: "save",
  title: "Accueil téléphonique du cabinet",
  description: "Répondre aux appels des patients et prendre les rendez-vous sur Doctolib.",
  skills: ["PHONE_ANSWERING"],
  languages: ["fr"],
  workMode: "REMOTE",
  visibility: "PUBLIC",
};
const hourly: Fields = {
  billingMode: "HOURLY",
  maxHourlyRate: "35",
  expectedHours: 20,
  expectedHoursPer: "MONTH",
};
const oneOff: Fields = { scheduleType: "ONE_OFF", startDate: "2027-01-05", endDate: "2027-01-09" };
const recurring: Fields = {
  scheduleType: "RECURRING",
  startDate: "2027-01-05",
  weekdays: ["MO", "TH"],
  window1: { start: "09:00", end: "12:00" },
};
const replacement: Fields = {
  scheduleType: "REPLACEMENT",
  startDate: "2027-02-01",
  endDate: "2027-02-28",
  handoverNotes: "Voir le classeur bleu.",
};

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const parse = (fields: Fields) => schema.safeParse(fields);
/** The messages of a failed parse, by dotted path. */
function errors(fields: Fields): Record<string, string[]> {
  const result = parse(fields);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("billing modes", () => {
  it("accepts an hourly mission", () => {
    const result = parse({ ...common, ...hourly, ...oneOff });
    expect(result.success && result.data).toMatchObject({
      maxHourlyRateCents: 3500,
      expectedHours: 20,
      expectedHoursPer: "MONTH",
      fixedAmountCents: null,
      taskLines: [],
    });
  });

  it("accepts per-task lines and keeps only complete ones", () => {
    const result = parse({
      ...common,
      ...oneOff,
      billingMode: "PER_TASK",
      taskLines: { CALL_ANSWERED: { unitPrice: "0,80", monthlyVolume: 300 }, PAGE_TYPED: {} },
    });
    expect(result.success && result.data.taskLines).toEqual([
      { task: "CALL_ANSWERED", unitPriceCents: 80, monthlyVolume: 300 },
    ]);
  });

  it("accepts a fixed package", () => {
    const result = parse({
      ...common,
      ...oneOff,
      billingMode: "FIXED",
      fixedAmount: "1 200",
      deliverables: "Dix comptes rendus",
    });
    expect(result.success && result.data).toMatchObject({
      fixedAmountCents: 120000,
      deliverables: "Dix comptes rendus",
    });
  });

  it("ignores the fields of another billing mode", () => {
    const result = parse({
      ...common,
      ...hourly,
      ...oneOff,
      fixedAmount: "n’importe quoi",
      taskLines: { CALL_ANSWERED: { unitPrice: "x" } },
    });
    expect(result.success && result.data.fixedAmountCents).toBe(null);
  });

  const bad: [string, Fields, string, string][] = [
    ["no billing mode", { ...oneOff }, "billingMode", missionMessages.billingMode],
    ["per task, no line", { ...oneOff, billingMode: "PER_TASK" }, "taskLines", missionMessages.taskLinesMin],
    [
      "per task, price without volume",
      { ...oneOff, billingMode: "PER_TASK", taskLines: { CALL_ANSWERED: { unitPrice: "1" } } },
      "taskLines.CALL_ANSWERED.monthlyVolume",
      missionMessages.volumeMissing,
    ],
    [
      "per task, volume without price",
      { ...oneOff, billingMode: "PER_TASK", taskLines: { CALL_ANSWERED: { monthlyVolume: 3 } } },
      "taskLines.CALL_ANSWERED.unitPrice",
      missionMessages.priceMissing,
    ],
    [
      "per task, bad volume",
      {
        ...oneOff,
        billingMode: "PER_TASK",
        taskLines: { CALL_ANSWERED: { unitPrice: "1", monthlyVolume: 0 } },
      },
      "taskLines.CALL_ANSWERED.monthlyVolume",
      missionMessages.volume,
    ],
    [
      "per task, bad price",
      {
        ...oneOff,
        billingMode: "PER_TASK",
        taskLines: { CALL_ANSWERED: { unitPrice: "abc", monthlyVolume: 3 } },
      },
      "taskLines.CALL_ANSWERED.unitPrice",
      AMOUNT_INVALID_MESSAGE,
    ],
    [
      "hourly, no rate",
      { ...oneOff, ...hourly, maxHourlyRate: undefined },
      "maxHourlyRate",
      missionMessages.hourlyRateRequired,
    ],
    [
      "hourly, rate too low",
      { ...oneOff, ...hourly, maxHourlyRate: "11" },
      "maxHourlyRate",
      "Le montant doit être compris entre 12 € et 150 €",
    ],
    [
      "hourly, rate too high",
      { ...oneOff, ...hourly, maxHourlyRate: "151" },
      "maxHourlyRate",
      "Le montant doit être compris entre 12 € et 150 €",
    ],
    [
      "hourly, hours 0",
      { ...oneOff, ...hourly, expectedHours: 0 },
      "expectedHours",
      missionMessages.expectedHours,
    ],
    [
      "hourly, hours 201",
      { ...oneOff, ...hourly, expectedHours: 201 },
      "expectedHours",
      missionMessages.expectedHours,
    ],
    [
      "hourly, no period",
      { ...oneOff, ...hourly, expectedHoursPer: undefined },
      "expectedHoursPer",
      missionMessages.expectedHoursPer,
    ],
    [
      "fixed, no amount",
      { ...oneOff, billingMode: "FIXED", deliverables: "x" },
      "fixedAmount",
      missionMessages.fixedAmountRequired,
    ],
    [
      "fixed, amount too low",
      { ...oneOff, billingMode: "FIXED", fixedAmount: "19", deliverables: "x" },
      "fixedAmount",
      "Le montant doit être compris entre 20 € et 50 000 €",
    ],
    [
      "fixed, amount too high",
      { ...oneOff, billingMode: "FIXED", fixedAmount: "50 001", deliverables: "x" },
      "fixedAmount",
      "Le montant doit être compris entre 20 € et 50 000 €",
    ],
    [
      "fixed, no deliverables",
      { ...oneOff, billingMode: "FIXED", fixedAmount: "100" },
      "deliverables",
      missionMessages.deliverablesRequired,
    ],
  ];
  it.each(bad)("refuses %s", (_name, fields, path, message) => {
    expect(errors({ ...common, ...fields })[path]?.map(plain)).toContain(message);
  });
});

describe("schedule types", () => {
  it("builds the RRULE of a recurring mission from its weekdays and number of weeks", () => {
    const result = parse({
      ...common,
      ...hourly,
      ...recurring,
      weeks: 4,
      window2: { start: "14:00", end: "17:30" },
    });
    expect(result.success && result.data).toMatchObject({
      rrule: "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270201T235959Z",
      endDate: "2027-02-01",
      timeWindows: [
        { start: "09:00", end: "12:00" },
        { start: "14:00", end: "17:30" },
      ],
    });
  });

  it("leaves a recurring mission without end open-ended", () => {
    const result = parse({ ...common, ...hourly, ...recurring });
    expect(result.success && result.data).toMatchObject({ rrule: "FREQ=WEEKLY;BYDAY=MO,TH", endDate: null });
  });

  it("accepts a replacement of up to a year and keeps its instructions", () => {
    const result = parse({
      ...common,
      ...hourly,
      ...replacement,
      endDate: "2028-02-01",
      callScript: "Bonjour, cabinet…",
    });
    expect(result.success && result.data).toMatchObject({
      handoverNotes: "Voir le classeur bleu.",
      callScript: "Bonjour, cabinet…",
      rrule: null,
    });
  });

  it("drops recurring and replacement fields from a one-off mission", () => {
    const result = parse({ ...common, ...hourly, ...oneOff, weekdays: ["XX"], handoverNotes: "secret" });
    expect(result.success && result.data).toMatchObject({
      rrule: null,
      timeWindows: [],
      handoverNotes: null,
    });
  });

  const bad: [string, Fields, string, string][] = [
    ["no schedule type", { startDate: "2027-01-05" }, "scheduleType", missionMessages.scheduleType],
    ["no start", { ...oneOff, startDate: undefined }, "startDate", missionMessages.startRequired],
    ["a start in the past", { ...oneOff, startDate: "2026-11-25" }, "startDate", missionMessages.startInPast],
    ["a malformed date", { ...oneOff, startDate: "2027-02-31" }, "startDate", missionMessages.date],
    ["one-off without end", { ...oneOff, endDate: undefined }, "endDate", missionMessages.endRequired],
    [
      "an end before the start",
      { ...oneOff, endDate: "2027-01-04" },
      "endDate",
      missionMessages.endBeforeStart,
    ],
    [
      "a replacement over a year",
      { ...replacement, endDate: "2028-02-02" },
      "endDate",
      missionMessages.replacementTooLong,
    ],
    [
      "a replacement without handover",
      { ...replacement, handoverNotes: "" },
      "handoverNotes",
      missionMessages.handoverRequired,
    ],
    [
      "a replacement without end",
      { ...replacement, endDate: undefined },
      "endDate",
      missionMessages.endRequired,
    ],
    ["recurring without weekday", { ...recurring, weekdays: [] }, "weekdays", missionMessages.weekdaysMin],
    [
      "recurring with an unknown weekday",
      { ...recurring, weekdays: ["XX"] },
      "weekdays.0",
      missionMessages.weekdayUnknown,
    ],
    [
      "recurring without window",
      { ...recurring, window1: undefined },
      "window1.start",
      missionMessages.windowRequired,
    ],
    [
      "a window ending before it starts",
      { ...recurring, window1: { start: "12:00", end: "09:00" } },
      "window1.end",
      missionMessages.endTimeBeforeStart,
    ],
    [
      "a window without end",
      { ...recurring, window1: { start: "09:00" } },
      "window1.end",
      missionMessages.endTimeMissing,
    ],
    [
      "a second window without start",
      { ...recurring, window2: { end: "17:00" } },
      "window2.start",
      missionMessages.startTimeMissing,
    ],
    [
      "overlapping windows",
      { ...recurring, window2: { start: "11:00", end: "13:00" } },
      "window2.start",
      missionMessages.windowsOverlap,
    ],
    [
      "a malformed time",
      { ...recurring, window1: { start: "9h", end: "12:00" } },
      "window1.start",
      missionMessages.time,
    ],
    [
      "both an end date and weeks",
      { ...recurring, endDate: "2027-02-01", weeks: 3 },
      "weeks",
      missionMessages.endAndWeeks,
    ],
    ["0 weeks", { ...recurring, weeks: 0 }, "weeks", missionMessages.weeks],
    [
      "a rule with no occurrence",
      { ...recurring, startDate: "2027-01-05", endDate: "2027-01-06", weekdays: ["MO"] },
      "weekdays",
      missionMessages.noOccurrence,
    ],
  ];
  it.each(bad)("refuses %s", (_name, fields, path, message) => {
    expect(errors({ ...common, ...hourly, ...fields })[path]).toContain(message);
  });
});

describe("common fields", () => {
  const valid = { ...common, ...hourly, ...oneOff };

  it("resolves nothing itself but requires a postcode when not remote", () => {
    expect(errors({ ...valid, workMode: "ON_SITE" }).postcode).toContain(missionMessages.postcodeRequired);
    const result = parse({ ...valid, workMode: "HYBRID", postcode: "69 003", commune: "Lyon" });
    expect(result.success && result.data).toMatchObject({ postcode: "69003", commune: "Lyon" });
    const remote = parse({ ...valid, postcode: "69003" });
    expect(remote.success && remote.data.postcode).toBe(null);
  });

  const bad: [string, Fields, string, string][] = [
    ["no title", { title: "" }, "title", missionMessages.titleRequired],
    ["a title over 120 characters", { title: "a".repeat(121) }, "title", missionMessages.titleTooLong],
    [
      "a description under 20 characters",
      { description: "Trop court" },
      "description",
      missionMessages.descriptionTooShort,
    ],
    [
      "a description over 5000 characters",
      { description: "a".repeat(5001) },
      "description",
      missionMessages.descriptionTooLong,
    ],
    ["no skill", { skills: [] }, "skills", missionMessages.skillsMin],
    ["an unknown skill", { skills: ["HACKING"] }, "skills", missionMessages.skillUnknown],
    ["an unknown sector", { sector: "SPACE" }, "sector", missionMessages.sectorUnknown],
    ["no language", { languages: [] }, "languages", missionMessages.languagesMin],
    ["an unknown language", { languages: ["xx"] }, "languages", missionMessages.languageUnknown],
    ["no work mode", { workMode: undefined }, "workMode", missionMessages.workMode],
    ["a malformed postcode", { workMode: "ON_SITE", postcode: "123" }, "postcode", POSTCODE_MESSAGE],
    ["no visibility", { visibility: "SECRET" }, "visibility", missionMessages.visibility],
    ["a deadline today", { proposalDeadline: today }, "proposalDeadline", missionMessages.deadlineNotFuture],
    [
      "an instruction text over 5000 characters",
      { ...replacement, callScript: "a".repeat(5001) },
      "callScript",
      missionMessages.textTooLong,
    ],
  ];
  it.each(bad)("refuses %s", (_name, fields, path, message) => {
    expect(errors({ ...valid, ...fields })[path]).toContain(message);
  });
});

describe("dates out of the calendar's range", () => {
  it("refuses a start in year 9999 with the date message instead of crashing the rule builder", () => {
    expect(errors({ ...common, ...hourly, ...recurring, startDate: "9999-12-27", weeks: 3 }).startDate).toEqual([
      missionMessages.date,
    ]);
  });

  it("refuses a one-off end in year 9999", () => {
    expect(errors({ ...common, ...hourly, ...oneOff, endDate: "9999-12-31" }).endDate).toEqual([missionMessages.date]);
  });
});
