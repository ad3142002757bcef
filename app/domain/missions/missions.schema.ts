// The mission posting form (/missions/nouvelle and /missions/:id/modifier). Client-safe: the same
// schema validates in the browser (conform) and on the server. It depends on "today" (a start in
// the past is refused), so it is built by `missionFormSchema(today)`.
//
// Without JavaScript every section of the form is posted, whatever billing mode or schedule type
// is chosen; the fields of the other modes are dropped before validation so a leftover in a
// hidden section can neither block nor pollute the mission.
import { z } from "zod";
import { postcodeSchema } from "#app/domain/geo/postcode";
import { isKnown, TIME_PATTERN } from "#app/domain/profiles/profile-columns";
import {
  languageLabels,
  sectorLabels,
  skillLabels,
  taskTypeLabels,
  type Language,
  type Skill,
  type TaskType,
} from "#app/domain/profiles/taxonomy";
import { eurosField } from "#app/lib/money";
import { missionLimits, missionMessages } from "./mission-form-messages";
import { addDays, buildWeeklyRule, hasOccurrence, ruleWeekdayLabels, ruleWeekdays } from "./schedule";

export { missionLimits, missionMessages } from "./mission-form-messages";

/** Checkbox codes: an unknown code is a forged post and refused; duplicates are dropped. */
function codeList<T extends string>(labels: Record<T, string>, unknown: string, min: string) {
  return z
    .array(z.string(), { invalid_type_error: unknown })
    .default([])
    .superRefine((values, ctx) => {
      if (values.some((value) => !isKnown(labels, value))) ctx.addIssue({ code: "custom", message: unknown });
      else if (values.length === 0) ctx.addIssue({ code: "custom", message: min });
    })
    .transform((values) => [...new Set(values)] as T[]);
}

/** "2027-01-05" from a date input, or "05/01/2027" typed where the browser has no date picker. */
export function toIsoDay(value: string): string | null {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  // Past 2100 the calendar code (RRULE, .ics) leaves its range: such a date is a typo anyway.
  if (iso < "2000-01-01" || iso > "2100-12-31") return null;
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

const dateField = z.string({ invalid_type_error: missionMessages.date }).transform((value, ctx) => {
  const iso = toIsoDay(value);
  if (iso) return iso;
  // Fatal: the cross-field checks (end after start, RRULE occurrences) must not run on a bad date.
  ctx.addIssue({ code: "custom", message: missionMessages.date, fatal: true });
  return z.NEVER;
});

// No .pipe(): conform would turn an empty string coming out of it back into "missing".
const text = (max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim())
    .refine((value) => value.length <= max, message);

const intField = (range: { min: number; max: number }, message: string) =>
  z.number({ invalid_type_error: message }).int(message).min(range.min, message).max(range.max, message);

const timeField = z
  .string({ invalid_type_error: missionMessages.time })
  .regex(TIME_PATTERN, missionMessages.time);
const windowSchema = z.object({ start: timeField.optional(), end: timeField.optional() }).optional();

const taskTypeCodes = Object.keys(taskTypeLabels) as TaskType[];
const taskLineSchema = z
  .object({
    unitPrice: eurosField(missionLimits.taskPriceCents).optional(),
    monthlyVolume: intField(missionLimits.monthlyVolume, missionMessages.volume).optional(),
  })
  .optional();

const missionFields = z.object({
  intent: z.enum(["save", "submit"]).default("save"),
  title: z
    .string({ required_error: missionMessages.titleRequired })
    .trim()
    .min(1, missionMessages.titleRequired)
    .max(missionLimits.titleMax, missionMessages.titleTooLong),
  description: text(missionLimits.descriptionMax, missionMessages.descriptionTooLong).refine(
    (value) => value.length >= missionLimits.descriptionMin,
    missionMessages.descriptionTooShort,
  ),
  skills: codeList<Skill>(skillLabels, missionMessages.skillUnknown, missionMessages.skillsMin),
  sector: z
    .string()
    .optional()
    .refine((value) => value === undefined || isKnown(sectorLabels, value), missionMessages.sectorUnknown),
  languages: codeList<Language>(
    languageLabels,
    missionMessages.languageUnknown,
    missionMessages.languagesMin,
  ),
  billingMode: z.enum(["PER_TASK", "HOURLY", "FIXED"], {
    errorMap: () => ({ message: missionMessages.billingMode }),
  }),
  taskLines: z.object(Object.fromEntries(taskTypeCodes.map((t) => [t, taskLineSchema]))).optional(),
  maxHourlyRate: eurosField(missionLimits.hourlyRateCents).optional(),
  expectedHours: intField(missionLimits.expectedHours, missionMessages.expectedHours).optional(),
  expectedHoursPer: z
    .enum(["WEEK", "MONTH"], { errorMap: () => ({ message: missionMessages.expectedHoursPer }) })
    .optional(),
  fixedAmount: eurosField(missionLimits.fixedAmountCents).optional(),
  deliverables: text(missionLimits.textMax, missionMessages.textTooLong),
  scheduleType: z.enum(["ONE_OFF", "RECURRING", "REPLACEMENT"], {
    errorMap: () => ({ message: missionMessages.scheduleType }),
  }),
  startDate: dateField.optional(),
  endDate: dateField.optional(),
  weekdays: z
    .array(z.enum(ruleWeekdays, { errorMap: () => ({ message: missionMessages.weekdayUnknown }) }))
    .default([]),
  window1: windowSchema,
  window2: windowSchema,
  weeks: intField(missionLimits.weeks, missionMessages.weeks).optional(),
  handoverNotes: text(missionLimits.textMax, missionMessages.textTooLong),
  callScript: text(missionLimits.textMax, missionMessages.textTooLong),
  urgentRouting: text(missionLimits.textMax, missionMessages.textTooLong),
  toolsToUse: text(missionLimits.textMax, missionMessages.textTooLong),
  workMode: z.enum(["REMOTE", "ON_SITE", "HYBRID"], {
    errorMap: () => ({ message: missionMessages.workMode }),
  }),
  postcode: postcodeSchema.optional(),
  commune: z.string().trim().max(100, missionMessages.communeTooLong).optional(),
  medicalSecrecy: z.boolean().default(false),
  visibility: z.enum(["PUBLIC", "INVITE_ONLY"], {
    errorMap: () => ({ message: missionMessages.visibility }),
  }),
  proposalDeadline: dateField.optional(),
});

type Fields = z.output<typeof missionFields>;

const fieldsOf = {
  billing: {
    PER_TASK: ["taskLines"],
    HOURLY: ["maxHourlyRate", "expectedHours", "expectedHoursPer"],
    FIXED: ["fixedAmount", "deliverables"],
  },
  schedule: {
    ONE_OFF: [],
    RECURRING: ["weekdays", "window1", "window2", "weeks"],
    REPLACEMENT: ["handoverNotes", "callScript", "urgentRouting", "toolsToUse"],
  },
} as const;
const allBilling = Object.values(fieldsOf.billing).flat() as string[];
const allSchedule = Object.values(fieldsOf.schedule).flat() as string[];

/** Drops the posted fields that belong to another billing mode, schedule type or work mode. */
function dropOtherModes(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const value = { ...(raw as Record<string, unknown>) };
  const keep = new Set<string>([
    ...((fieldsOf.billing as Record<string, readonly string[]>)[String(value.billingMode)] ?? []),
    ...((fieldsOf.schedule as Record<string, readonly string[]>)[String(value.scheduleType)] ?? []),
  ]);
  for (const key of [...allBilling, ...allSchedule]) if (!keep.has(key)) delete value[key];
  if (value.workMode === "REMOTE") {
    delete value.postcode;
    delete value.commune;
  }
  return value;
}

type Issue = (path: (string | number)[], message: string) => void;

function checkBilling(value: Fields, issue: Issue) {
  if (value.billingMode === "PER_TASK") {
    let complete = 0;
    for (const [task, line] of Object.entries(value.taskLines ?? {})) {
      if (line?.unitPrice !== undefined && line.monthlyVolume === undefined)
        issue(["taskLines", task, "monthlyVolume"], missionMessages.volumeMissing);
      else if (line?.unitPrice === undefined && line?.monthlyVolume !== undefined)
        issue(["taskLines", task, "unitPrice"], missionMessages.priceMissing);
      else if (line?.unitPrice !== undefined) complete += 1;
    }
    if (complete === 0) issue(["taskLines"], missionMessages.taskLinesMin);
  }
  if (value.billingMode === "HOURLY") {
    if (value.maxHourlyRate === undefined) issue(["maxHourlyRate"], missionMessages.hourlyRateRequired);
    if (value.expectedHours === undefined) issue(["expectedHours"], missionMessages.expectedHours);
    if (value.expectedHoursPer === undefined) issue(["expectedHoursPer"], missionMessages.expectedHoursPer);
  }
  if (value.billingMode === "FIXED") {
    if (value.fixedAmount === undefined) issue(["fixedAmount"], missionMessages.fixedAmountRequired);
    if (!value.deliverables) issue(["deliverables"], missionMessages.deliverablesRequired);
  }
}

function checkWindows(value: Fields, issue: Issue) {
  const windows = [value.window1, value.window2];
  windows.forEach((w, index) => {
    const name = `window${index + 1}`;
    if (w?.start && !w.end) issue([name, "end"], missionMessages.endTimeMissing);
    if (w?.end && !w.start) issue([name, "start"], missionMessages.startTimeMissing);
    if (w?.start && w.end && w.end <= w.start) issue([name, "end"], missionMessages.endTimeBeforeStart);
  });
  if (!value.window1?.start && !value.window1?.end)
    issue(["window1", "start"], missionMessages.windowRequired);
  const [first, second] = windows;
  if (first?.end && second?.start && second.start < first.end)
    issue(["window2", "start"], missionMessages.windowsOverlap);
}

function checkSchedule(value: Fields, today: string, issue: Issue) {
  const { startDate, endDate, scheduleType } = value;
  if (!startDate) issue(["startDate"], missionMessages.startRequired);
  else if (startDate < today) issue(["startDate"], missionMessages.startInPast);
  if (scheduleType !== "RECURRING" && !endDate) issue(["endDate"], missionMessages.endRequired);
  if (startDate && endDate && endDate < startDate) issue(["endDate"], missionMessages.endBeforeStart);
  if (scheduleType === "REPLACEMENT") {
    if (startDate && endDate && endDate > addDays(startDate, missionLimits.replacementMaxDays))
      issue(["endDate"], missionMessages.replacementTooLong);
    if (!value.handoverNotes) issue(["handoverNotes"], missionMessages.handoverRequired);
  }
  if (scheduleType === "RECURRING") {
    if (value.weekdays.length === 0) issue(["weekdays"], missionMessages.weekdaysMin);
    if (endDate && value.weeks !== undefined) issue(["weeks"], missionMessages.endAndWeeks);
    checkWindows(value, issue);
  }
}

/** The RECURRING rule's last day: the end date, or the day before the Nth week starts. */
function recurringEnd(value: Fields): string | null {
  if (value.endDate) return value.endDate;
  return value.weeks !== undefined && value.startDate ? addDays(value.startDate, value.weeks * 7 - 1) : null;
}

function checkCoherence(value: Fields, today: string, ctx: z.RefinementCtx) {
  let issues = 0;
  const issue: Issue = (path, message) => {
    issues += 1;
    ctx.addIssue({ code: "custom", path, message });
  };
  checkBilling(value, issue);
  checkSchedule(value, today, issue);
  if (value.workMode !== "REMOTE" && !value.postcode) issue(["postcode"], missionMessages.postcodeRequired);
  if (value.proposalDeadline && value.proposalDeadline <= today)
    issue(["proposalDeadline"], missionMessages.deadlineNotFuture);
  // Last, once everything else holds: a rule that never produces a session.
  if (value.scheduleType === "RECURRING" && value.startDate && value.weekdays.length > 0 && issues === 0) {
    const rule = buildWeeklyRule({ weekdays: value.weekdays, endDate: recurringEnd(value) });
    if (!hasOccurrence(rule, value.startDate)) issue(["weekdays"], missionMessages.noOccurrence);
  }
}

function toMissionInput(value: Fields) {
  const recurring = value.scheduleType === "RECURRING";
  const endDate = recurring ? recurringEnd(value) : (value.endDate ?? null);
  const taskLines = taskTypeCodes.flatMap((task) => {
    const line = value.taskLines?.[task];
    return line?.unitPrice !== undefined && line.monthlyVolume !== undefined
      ? [{ task, unitPriceCents: line.unitPrice, monthlyVolume: line.monthlyVolume }]
      : [];
  });
  const windows = [value.window1, value.window2].flatMap((w) =>
    w?.start && w.end ? [{ start: w.start, end: w.end }] : [],
  );
  const orNull = (text: string) => text || null;
  return {
    intent: value.intent,
    title: value.title,
    description: value.description,
    skills: value.skills,
    sector: value.sector ?? null,
    languages: value.languages,
    billingMode: value.billingMode,
    taskLines,
    maxHourlyRateCents: value.maxHourlyRate ?? null,
    expectedHours: value.expectedHours ?? null,
    expectedHoursPer: value.expectedHoursPer ?? null,
    fixedAmountCents: value.fixedAmount ?? null,
    deliverables: orNull(value.deliverables),
    scheduleType: value.scheduleType,
    startDate: value.startDate!,
    endDate,
    rrule: recurring ? buildWeeklyRule({ weekdays: value.weekdays, endDate }) : null,
    timeWindows: recurring ? windows : [],
    handoverNotes: orNull(value.handoverNotes),
    callScript: orNull(value.callScript),
    urgentRouting: orNull(value.urgentRouting),
    toolsToUse: orNull(value.toolsToUse),
    workMode: value.workMode,
    postcode: value.postcode ?? null,
    commune: value.commune || null,
    medicalSecrecy: value.medicalSecrecy,
    visibility: value.visibility,
    proposalDeadline: value.proposalDeadline ?? null,
  };
}

export function missionFormSchema(today: string) {
  return z
    .preprocess(dropOtherModes, missionFields)
    .superRefine((value, ctx) => checkCoherence(value, today, ctx))
    .transform(toMissionInput);
}

export type MissionFormSchema = ReturnType<typeof missionFormSchema>;
export type MissionFormInput = z.input<typeof missionFields>;
export type MissionInput = z.output<MissionFormSchema>;

export const weekdayOptions = ruleWeekdays.map((value) => ({ value, label: ruleWeekdayLabels[value] }));
