// Generated missions: about two per business, every billing mode × schedule × work mode present,
// mostly open, with budgets, dates and history in line with what real posts look like.
import type { ScheduleType, TaskLine, WorkMode } from "#app/domain/missions/mission-columns";
import type { BillingMode, Language } from "#app/domain/profiles/taxonomy";
import { addHours, dayFrom, type SeedContext } from "./context";
import { leaveReasons, needsFor, taskRanges, type Need } from "./mission-catalog";
import { addCalendarDays, firstMatchingDay, weeklyHours, weeklyRule } from "./mission-schedule";
import {
  missionDescription,
  missionTitle,
  replacementSheet,
  type ScheduleFacts,
  type TextFacts,
} from "./mission-text";
import { missionHistory, type MissionHistory } from "./mission-timeline";
import { townName } from "./places";
import type {
  MissionRow,
  MissionStatusChangeRow,
  OrganizationRow,
  SeededMissionStatus,
  SeedPlan,
} from "./plan-types";
import type { Random, Weighted } from "./random";

export type MissionOwner = { organization: OrganizationRow; ownerId: string };
type Combo = { billingMode: BillingMode; scheduleType: ScheduleType; workMode: WorkMode };

const billingModes: Weighted<BillingMode> = [
  ["HOURLY", 4],
  ["PER_TASK", 3],
  ["FIXED", 3],
];
const scheduleTypes: Weighted<ScheduleType> = [
  ["RECURRING", 5],
  ["ONE_OFF", 3],
  ["REPLACEMENT", 2],
];
const workModes: Weighted<WorkMode> = [
  ["REMOTE", 6],
  ["HYBRID", 2],
  ["ON_SITE", 2],
];
const statusWeights: Weighted<SeededMissionStatus> = [
  ["OPEN", 62],
  ["DRAFT", 8],
  ["PENDING_REVIEW", 5],
  ["CLOSED", 9],
  ["CANCELLED", 7],
  ["EXPIRED", 9],
];
const weekPatterns: Weighted<number[]> = [
  [[1, 4], 4],
  [[1, 3, 5], 3],
  [[2, 4], 3],
  [[1, 2, 3, 4, 5], 3],
  [[5], 2],
  [[2], 1],
];
const windowPatterns: Weighted<{ start: string; end: string }[]> = [
  [[{ start: "09:00", end: "12:00" }], 4],
  [[{ start: "08:30", end: "12:30" }], 2],
  [[{ start: "14:00", end: "17:00" }], 2],
  [
    [
      { start: "08:30", end: "12:00" },
      { start: "13:30", end: "17:30" },
    ],
    2,
  ],
];

const allCombos: Combo[] = (["PER_TASK", "HOURLY", "FIXED"] as const).flatMap((billingMode) =>
  (["ONE_OFF", "RECURRING", "REPLACEMENT"] as const).flatMap((scheduleType) =>
    (["REMOTE", "ON_SITE", "HYBRID"] as const).map((workMode) => ({ billingMode, scheduleType, workMode })),
  ),
);

const dayOf = (date: Date) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((date) => date.getTime())));

/** Start between last month and three months ahead, never before the post was written. */
function startDay(
  ctx: SeedContext,
  type: ScheduleType,
  status: SeededMissionStatus,
  history: MissionHistory,
): Date {
  const { random, now } = ctx;
  const offset =
    type === "RECURRING"
      ? random.int(-30, 90)
      : status === "OPEN"
        ? random.int(3, 90)
        : status === "DRAFT" || status === "PENDING_REVIEW"
          ? random.int(7, 90)
          : random.int(-30, 60);
  const bounds = [dayFrom(now, offset), dayOf(addCalendarDays(history.createdAt, 4))];
  if (history.proposalDeadline) bounds.push(dayOf(addCalendarDays(history.proposalDeadline, 2)));
  return latest(...bounds);
}

function schedule(ctx: SeedContext, type: ScheduleType, start: Date): ScheduleFacts {
  const { random } = ctx;
  const base = { scheduleType: type, days: [] as number[], windows: [], leave: null, weeks: 0 };
  if (type === "RECURRING") {
    const days = random.weighted(weekPatterns);
    const startDate = firstMatchingDay(start, days);
    const weeks = random.int(12, 52);
    const endDate = addCalendarDays(startDate, weeks * 7 - 1);
    return { ...base, days, windows: random.weighted(windowPatterns), startDate, endDate, weeks };
  }
  if (type === "REPLACEMENT") {
    // Summer holidays only start in summer.
    const summer = start.getUTCMonth() >= 5 && start.getUTCMonth() <= 7;
    const leave = random.pick(leaveReasons.filter((candidate) => summer || candidate.weeks > 4));
    const weeks = leave.weeks + random.pick([0, 0, 2, 4]);
    return { ...base, leave, weeks, startDate: start, endDate: addCalendarDays(start, weeks * 7 - 1) };
  }
  return { ...base, startDate: start, endDate: addCalendarDays(start, random.int(1, 25)) };
}

const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

function taskLines(random: Random, need: Need): TaskLine[] {
  const tasks = need.tasks.length > 1 && random.chance(0.5) ? need.tasks : need.tasks.slice(0, 1);
  return tasks.map((task) => {
    const { price, volume } = taskRanges[task];
    const monthlyVolume = random.int(volume[0], volume[1]);
    return {
      task,
      unitPriceCents: roundTo(random.int(price[0], price[1]), 10),
      monthlyVolume:
        monthlyVolume >= 100
          ? roundTo(monthlyVolume, 10)
          : monthlyVolume >= 20
            ? roundTo(monthlyVolume, 5)
            : monthlyVolume,
    };
  });
}

const noBilling = {
  taskLines: [] as TaskLine[],
  maxHourlyRateCents: null,
  expectedHours: null,
  expectedHoursPer: null,
  fixedAmountCents: null,
  deliverables: null,
} as const;

/** Hourly 20–40 €, packages 200–5 000 €, per-task lines at the usual unit prices. */
function billing(random: Random, mode: BillingMode, need: Need, facts: ScheduleFacts) {
  if (mode === "PER_TASK") return { ...noBilling, taskLines: taskLines(random, need) };
  if (mode === "HOURLY") {
    const rate = Math.round(random.triangular(20, 27, 40) * 2) * 50;
    const hours =
      facts.scheduleType === "RECURRING"
        ? { expectedHours: weeklyHours(facts.days, facts.windows), expectedHoursPer: "WEEK" as const }
        : facts.scheduleType === "REPLACEMENT"
          ? { expectedHours: random.pick([20, 24, 28, 30, 35]), expectedHoursPer: "WEEK" as const }
          : random.chance(0.5)
            ? { expectedHours: random.int(8, 35), expectedHoursPer: "WEEK" as const }
            : { expectedHours: random.int(10, 60), expectedHoursPer: "MONTH" as const };
    return { ...noBilling, maxHourlyRateCents: rate, ...hours };
  }
  const oneOff = facts.scheduleType === "ONE_OFF";
  return {
    ...noBilling,
    fixedAmountCents: roundTo(oneOff ? random.int(200, 2500) : random.int(1000, 5000), 50) * 100,
    deliverables: oneOff
      ? random.pick(need.deliverables)
      : "Prestation assurée sur toute la période, avec un compte rendu d’activité écrit à la fin de chaque mois.",
  };
}

function placeOf(organization: OrganizationRow, workMode: WorkMode) {
  if (workMode === "REMOTE")
    return { postcode: null, commune: null, inseeCode: null, latitude: null, longitude: null };
  const { postcode, commune, inseeCode, latitude, longitude } = organization;
  return { postcode, commune, inseeCode, latitude, longitude };
}

/** Mostly French only; English now and then, more often for agencies and service firms. */
function languagesFor(random: Random, sector: string): Language[] {
  const share = sector === "REAL_ESTATE" || sector === "SERVICES" ? 0.3 : 0.08;
  return random.chance(share) ? ["fr", "en"] : ["fr"];
}

/** Open calls usually give a deadline, before the start unless the need is ongoing. */
function deadlineFor(
  ctx: SeedContext,
  status: SeededMissionStatus,
  facts: ScheduleFacts,
  history: MissionHistory,
) {
  if (history.proposalDeadline) return history.proposalDeadline;
  if (!["OPEN", "DRAFT", "PENDING_REVIEW"].includes(status) || ctx.random.chance(0.25)) return null;
  const drawn = addHours(dayFrom(ctx.now, ctx.random.int(5, 30)), 22);
  const dayBeforeStart = addHours(addCalendarDays(facts.startDate, -1), 22);
  return facts.scheduleType !== "RECURRING" && drawn >= dayBeforeStart ? dayBeforeStart : drawn;
}

export function buildMission(
  ctx: SeedContext,
  owner: MissionOwner,
  combo: Combo,
  status: SeededMissionStatus,
): { mission: MissionRow; changes: MissionStatusChangeRow[] } {
  const { random } = ctx;
  const { organization } = owner;
  const need = random.pick(needsFor(organization.sector));
  const id = random.uuid();
  const history = missionHistory(ctx, status, { missionId: id, ownerId: owner.ownerId });
  const facts = schedule(ctx, combo.scheduleType, startDay(ctx, combo.scheduleType, status, history));
  const text: TextFacts = {
    need,
    sector: organization.sector,
    businessName: organization.name,
    town: townName({ name: organization.commune }),
    workMode: combo.workMode,
    schedule: facts,
  };
  const sheet = combo.scheduleType === "REPLACEMENT" ? replacementSheet(text) : null;
  const mission: MissionRow = {
    id,
    organizationId: organization.id,
    createdById: owner.ownerId,
    status,
    title: missionTitle(random, text),
    description: missionDescription(random, text),
    skills: need.skills.slice(0, random.int(2, need.skills.length)),
    sector: organization.sector,
    languages: languagesFor(random, organization.sector),
    billingMode: combo.billingMode,
    ...billing(random, combo.billingMode, need, facts),
    scheduleType: combo.scheduleType,
    startDate: facts.startDate,
    endDate: facts.endDate,
    rrule:
      combo.scheduleType === "RECURRING" ? weeklyRule(facts.days, facts.startDate, facts.endDate!) : null,
    timeWindows: combo.scheduleType === "RECURRING" ? [...facts.windows] : [],
    handoverNotes: sheet?.handoverNotes ?? null,
    callScript: sheet?.callScript ?? null,
    urgentRouting: sheet?.urgentRouting ?? null,
    toolsToUse: sheet?.toolsToUse ?? null,
    workMode: combo.workMode,
    ...placeOf(organization, combo.workMode),
    medicalSecrecy: organization.sector === "MEDICAL",
    visibility: "PUBLIC",
    proposalDeadline: deadlineFor(ctx, status, facts, history),
    submittedAt: history.submittedAt,
    publishedAt: history.publishedAt,
    createdAt: history.createdAt,
    updatedAt: history.updatedAt,
  };
  return { mission, changes: history.changes };
}

/** Every status shows up at least once (for the staff queue and the business dashboards), the rest by weight. */
function statusList(random: Random, total: number): SeededMissionStatus[] {
  const required: SeededMissionStatus[] = [
    "OPEN",
    "DRAFT",
    "PENDING_REVIEW",
    "CLOSED",
    "CANCELLED",
    "EXPIRED",
  ];
  const drawn = Array.from({ length: Math.max(0, total - required.length) }, () =>
    random.weighted(statusWeights),
  );
  return random.shuffle([...required, ...drawn]).slice(0, total);
}

/** One to three missions a business; the first 27 cover every combination once, in random order. */
export function addGeneratedMissions(
  ctx: SeedContext,
  plan: SeedPlan,
  owners: readonly MissionOwner[],
): void {
  const { random } = ctx;
  const counts = owners.map(() =>
    random.weighted([
      [1, 3],
      [2, 5],
      [3, 2],
    ] as const),
  );
  const statuses = statusList(
    random,
    counts.reduce((sum, count) => sum + count, 0),
  );
  const combos = random.shuffle(allCombos);
  let next = 0;
  owners.forEach((owner, index) => {
    for (let i = 0; i < counts[index]!; i++, next++) {
      const combo = combos[next] ?? {
        billingMode: random.weighted(billingModes),
        scheduleType: random.weighted(scheduleTypes),
        workMode: random.weighted(workModes),
      };
      const rows = buildMission(ctx, owner, combo, statuses[next]!);
      plan.missions.push(rows.mission);
      plan.missionStatusChanges.push(...rows.changes);
    }
  });
}
