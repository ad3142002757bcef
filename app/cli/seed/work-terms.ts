// How a secretary works: prices, billing modes, on-site reach and weekly hours, with the spread
// one sees on real listings (most between 25 and 35 € an hour, mostly remote, office hours).
import type { BillingMode, Skill, TaskType } from "#app/domain/profiles/taxonomy";
import type { Archetype } from "./archetypes";
import type { AvailabilitySlot, TaskPrice } from "./plan-types";
import type { Random } from "./random";

/** The per-task item that goes with a skill, and its usual price range in cents. */
const taskBySkill: Partial<Record<Skill, { task: TaskType; min: number; max: number }>> = {
  PHONE_ANSWERING: { task: "CALL_ANSWERED", min: 120, max: 250 },
  APPOINTMENT_BOOKING: { task: "APPOINTMENT_BOOKED", min: 150, max: 300 },
  TYPING: { task: "PAGE_TYPED", min: 300, max: 600 },
  MINUTES: { task: "MINUTES_HOUR", min: 3500, max: 6000 },
  PROOFREADING: { task: "DOCUMENT_PROOFREAD", min: 1500, max: 3000 },
  MAIL: { task: "MAIL_PROCESSED", min: 100, max: 300 },
  CLIENT_REMINDERS: { task: "REMINDER_SENT", min: 200, max: 500 },
  BOOKKEEPING_ENTRY: { task: "ENTRY_BOOKED", min: 50, max: 150 },
};

/** Specialised profiles charge a little more. */
const rateBonus: Record<string, number> = { medical: 1.5, legal: 3, executive: 4, accounting: 2 };

export type Pricing = {
  billingModes: BillingMode[];
  hourlyRateCents: number | null;
  taskPrices: TaskPrice[];
};

/** 20–45 € an hour, most between 25 and 32 €, rounded to 50 cents; more experience costs a little more. */
export function hourlyRateCents(random: Random, archetype: Archetype, years: number): number {
  const euros = random.triangular(20, 23, 38) + (rateBonus[archetype.key] ?? 0) + Math.min(years, 20) * 0.1;
  return Math.round(Math.min(45, Math.max(20, euros)) * 2) * 50;
}

function taskPrices(random: Random, skills: readonly Skill[]): TaskPrice[] {
  return skills.flatMap((skill) => {
    const item = taskBySkill[skill];
    if (!item) return [];
    const cents = Math.round(random.int(item.min, item.max) / 10) * 10;
    return [{ task: item.task, unitPriceCents: cents }];
  });
}

export function pricing(
  random: Random,
  archetype: Archetype,
  skills: readonly Skill[],
  years: number,
): Pricing {
  const prices = random.chance(0.4) ? taskPrices(random, skills) : [];
  const hourly = prices.length === 0 || random.chance(0.85);
  const fixed = random.chance(0.25);
  const billingModes: BillingMode[] = [
    ...(prices.length > 0 ? (["PER_TASK"] as const) : []),
    ...(hourly ? (["HOURLY"] as const) : []),
    ...(fixed ? (["FIXED"] as const) : []),
  ];
  return {
    billingModes,
    hourlyRateCents: hourly ? hourlyRateCents(random, archetype, years) : null,
    taskPrices: prices,
  };
}

const radiusChoices = [
  [5, 1],
  [10, 3],
  [15, 3],
  [20, 4],
  [25, 2],
  [30, 3],
  [40, 2],
  [50, 1],
  [60, 1],
] as const;

/** Most work remotely; about one in three also comes on site, a few only on site. */
export function mobility(random: Random): { remote: boolean; onSite: boolean; radiusKm: number | null } {
  if (!random.chance(0.3)) return { remote: true, onSite: false, radiusKm: null };
  return { remote: random.chance(0.8), onSite: true, radiusKm: random.weighted(radiusChoices) };
}

const WEEKDAYS = [1, 2, 3, 4, 5];

/**
 * One window a day, as the profile form edits them: whole days, mornings, afternoons, a mix
 * (mornings some days, afternoons others) or part time; a Saturday morning now and then.
 */
export function weeklyAvailability(random: Random): AvailabilitySlot[] {
  const morning = {
    start: random.pick(["08:00", "08:30", "09:00"]),
    end: random.pick(["12:00", "12:30", "13:00"]),
  };
  const afternoonEnd = random.weighted([
    ["17:00", 3],
    ["17:30", 3],
    ["18:00", 4],
    ["18:30", 2],
    ["19:00", 1],
  ] as const);
  const afternoon = { start: random.pick(["13:30", "14:00"]), end: afternoonEnd };
  const fullDay = { start: morning.start, end: afternoonEnd };
  const partTimeDays = random
    .shuffle(WEEKDAYS)
    .slice(0, random.int(2, 4))
    .sort((a, b) => a - b);
  const pattern = random.weighted<(day: number) => { start: string; end: string } | null>([
    [() => fullDay, 5],
    [() => morning, 2],
    [() => afternoon, 1],
    [(day) => (day % 2 === 1 ? morning : afternoon), 1],
    [(day) => (partTimeDays.includes(day) ? fullDay : null), 3],
  ]);
  const slots = WEEKDAYS.flatMap((day) => {
    const window = pattern(day);
    return window ? [{ day, ...window }] : [];
  });
  if (random.chance(0.15)) slots.push({ day: 6, start: "09:00", end: random.pick(["12:00", "13:00"]) });
  return slots;
}
