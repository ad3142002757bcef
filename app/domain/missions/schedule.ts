// A mission's schedule: the weekly RRULE built from plain choices, its French wording and its next
// sessions as real instants (Europe/Paris). Pure and client-safe.
//
// The stored rule follows rrule.js's "floating" convention: its dates are Paris calendar days
// written as UTC (DTSTART is the mission's start day at 00:00, UNTIL its last day at 23:59:59).
// Times of day live in the time windows, and each session is converted to a real instant only at
// the end, with the Paris offset of *that* day, so 9 h stays 9 h across a DST change.
import { RRule, type Weekday as RRuleWeekday } from "#app/lib/rrule";
import { formatDate, formatHour } from "#app/lib/dates";

export const ruleWeekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type RuleWeekday = (typeof ruleWeekdays)[number];
export const ruleWeekdayLabels: Record<RuleWeekday, string> = {
  MO: "lundi",
  TU: "mardi",
  WE: "mercredi",
  TH: "jeudi",
  FR: "vendredi",
  SA: "samedi",
  SU: "dimanche",
};

export type TimeWindow = { start: string; end: string };
export type Session = { start: Date; end: Date };

const rruleDay: Record<RuleWeekday, RRuleWeekday> = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
};

/** "2027-01-05" → a floating Date (that calendar day at 00:00 "UTC"). */
const floatingDay = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);
const isoDayOf = (date: Date) => date.toISOString().slice(0, 10);

/** "FREQ=WEEKLY;BYDAY=MO,TH" and, with a last day, ";UNTIL=20270330T235959Z" (floating). */
export function buildWeeklyRule(input: {
  weekdays: readonly RuleWeekday[];
  endDate?: string | null;
}): string {
  const days = ruleWeekdays.filter((day) => input.weekdays.includes(day));
  const text = RRule.optionsToString({
    freq: RRule.WEEKLY,
    byweekday: days.map((day) => rruleDay[day]),
    until: input.endDate ? new Date(`${input.endDate}T23:59:59Z`) : null,
  });
  return text.replace(/^RRULE:/, "");
}

function ruleOf(rule: string, startDate: string): RRule {
  const options = RRule.parseString(rule);
  return new RRule({ ...options, dtstart: floatingDay(startDate) });
}

/** The calendar days (ISO) the rule falls on, from `fromDay` on, at most `limit` of them. */
export function occurrenceDays(rule: string, startDate: string, fromDay: string, limit: number): string[] {
  const from = floatingDay(fromDay < startDate ? startDate : fromDay);
  const days: string[] = [];
  // Start the walk at `from` (inclusive): a mission running for years still has its next dates,
  // and the walk is bounded by `limit`, never by the rule's length.
  const rrule = ruleOf(rule, startDate);
  let next = rrule.after(from, true);
  while (next && days.length < limit) {
    days.push(isoDayOf(next));
    next = rrule.after(next, false);
  }
  return days;
}

export function hasOccurrence(rule: string, startDate: string): boolean {
  return occurrenceDays(rule, startDate, startDate, 1).length > 0;
}

/** The RRULE's weekdays back as codes, in week order. */
export function weekdaysOfRule(rule: string): RuleWeekday[] {
  const byday = /BYDAY=([A-Z,]+)/.exec(rule)?.[1]?.split(",") ?? [];
  return ruleWeekdays.filter((day) => byday.includes(day));
}

// ——— Paris wall time → instant ———

const parisParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Paris offset from UTC at `instant`, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffset(instant: number): number {
  const parts = Object.fromEntries(parisParts.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant it is `time` ("HH:MM") in Paris on `isoDay`. */
export function parisInstant(isoDay: string, time: string): Date {
  const wall = Date.parse(`${isoDay}T${time}:00Z`);
  const first = wall - parisOffset(wall);
  // Re-check with the offset at the result: differs only on the night of a DST change.
  return new Date(wall - parisOffset(first));
}

/** Today's calendar day in Paris ("2026-11-26"). */
export function parisToday(now: Date = new Date()): string {
  return new Date(now.getTime() + parisOffset(now.getTime())).toISOString().slice(0, 10);
}

/** The next sessions of a weekly rule at or after `now`: each occurrence day × each window. */
export function nextSessions(
  schedule: { rrule: string; startDate: string; timeWindows: readonly TimeWindow[] },
  now: Date,
  limit: number,
): Session[] {
  const windows = [...schedule.timeWindows].sort((a, b) => a.start.localeCompare(b.start));
  if (windows.length === 0) return [];
  const days = occurrenceDays(schedule.rrule, schedule.startDate, parisToday(now), limit + 1);
  const sessions = days.flatMap((day) =>
    windows.map((w) => ({ start: parisInstant(day, w.start), end: parisInstant(day, w.end) })),
  );
  return sessions.filter((s) => s.end > now).slice(0, limit);
}

// ——— French wording ———

/** "9 h", "17 h 30". */

/** "a", "a et b", "a, b et c". */
export function joinFrench(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

const frenchDay = (isoDay: string) => formatDate(`${isoDay}T12:00:00Z`);

/** "tous les lundis et jeudis, 9 h – 12 h, à partir du 5 janvier 2027" (or "du … au …"). */
export function describeWeekly(input: {
  rrule: string;
  startDate: string;
  endDate?: string | null;
  timeWindows: readonly TimeWindow[];
}): string {
  const days = weekdaysOfRule(input.rrule).map((day) => `${ruleWeekdayLabels[day]}s`);
  const windows = input.timeWindows.map((w) => `${formatHour(w.start)} – ${formatHour(w.end)}`);
  const period = input.endDate
    ? `du ${frenchDay(input.startDate)} au ${frenchDay(input.endDate)}`
    : `à partir du ${frenchDay(input.startDate)}`;
  return `tous les ${joinFrench(days)}, ${joinFrench(windows)}, ${period}`;
}

/** "le 5 janvier 2027" or "du 5 janvier 2027 au 9 janvier 2027". */
export function describePeriod(startDate: string, endDate: string | null): string {
  if (!endDate || endDate === startDate) return `le ${frenchDay(startDate)}`;
  return `du ${frenchDay(startDate)} au ${frenchDay(endDate)}`;
}

export function addDays(isoDay: string, days: number): string {
  return isoDayOf(new Date(floatingDay(isoDay).getTime() + days * 86_400_000));
}
