// Calendar helpers for seeded missions: weekly RRULEs built with the `rrule` package (never by hand),
// calendar-day arithmetic and the French phrase a description uses ("les lundis et jeudis, de 9 h à 12 h").
import { RRule, type Weekday } from "#app/lib/rrule";
import type { TimeWindow } from "#app/domain/missions/mission-columns";
import { weekdayLabels } from "#app/domain/profiles/taxonomy";

const DAY = 24 * 3_600_000;
const rruleDays: readonly Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

/** 1 = lundi … 7 = dimanche, as in availability slots. */
export const isoWeekday = (date: Date) => ((date.getUTCDay() + 6) % 7) + 1;

export const addCalendarDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** First day on or after `date` that falls on one of `days` (so DTSTART is itself an occurrence). */
export function firstMatchingDay(date: Date, days: readonly number[]): Date {
  let day = date;
  while (!days.includes(isoWeekday(day))) day = addCalendarDays(day, 1);
  return day;
}

/** Midnight UTC of the first day of the month `months` after `now`'s month. */
export function firstOfMonth(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
}

/** Same day `months` later, minus one day: a 4-month leave from 1 December ends on 31 March. */
export function monthsLater(start: Date, months: number): Date {
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()));
  return addCalendarDays(end, -1);
}

const endOfDay = (day: Date) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 23, 59, 59));

/**
 * "DTSTART:20261207T000000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20271205T235959Z". Same floating
 * convention as app/domain/missions/schedule.ts (Paris calendar days written as UTC: DTSTART the
 * start day at 00:00, UNTIL the last day at 23:59:59; the hours live in timeWindows), plus the
 * DTSTART line so the rule also reads on its own. Every seeded rule ends.
 */
export function weeklyRule(days: readonly number[], start: Date, end: Date): string {
  return new RRule({
    freq: RRule.WEEKLY,
    byweekday: days.map((day) => rruleDays[day - 1]!),
    dtstart: start,
    until: endOfDay(end),
  }).toString();
}

/** Hours a week the windows cover on `days`, rounded to the hour. */
export function weeklyHours(days: readonly number[], windows: readonly TimeWindow[]): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const perDay = windows.reduce((sum, window) => sum + minutes(window.end) - minutes(window.start), 0);
  return Math.round((perDay * days.length) / 60);
}

/** "9 h", "8 h 30". */
export const frenchTime = (time: string) =>
  `${Number(time.slice(0, 2))} h${time.slice(3) === "00" ? "" : ` ${time.slice(3)}`}`;

const joinFrench = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;

/** "du lundi au vendredi", "les lundis et jeudis", "le vendredi". */
export function frenchDays(days: readonly number[]): string {
  const names = days.map((day) => weekdayLabels[day - 1]!);
  if (days.length === 5 && days.every((day, i) => day === i + 1)) return "du lundi au vendredi";
  if (days.length === 1) return `tous les ${names[0]}s`;
  return `les ${joinFrench(names.map((name) => `${name}s`))}`;
}

/** "les lundis et jeudis, de 9 h à 12 h". */
export function frenchSchedule(days: readonly number[], windows: readonly TimeWindow[]): string {
  const hours = joinFrench(
    windows.map((window) => `de ${frenchTime(window.start)} à ${frenchTime(window.end)}`),
  );
  return `${frenchDays(days)}, ${hours}`;
}
