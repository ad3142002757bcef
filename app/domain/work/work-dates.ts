// Days and months of work records, in Paris. Client-safe and pure.
// A work day is stored as that Paris calendar day at 00:00 UTC (like every "day" column in the app);
// a review instant (reviewedAt) is a real instant, whose month is read on Paris's calendar.
import { parisInstant, parisToday } from "#app/domain/missions/schedule";

export const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const monthNames = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** "2026-11-30" → that day at 00:00 UTC, or null when it is not a real calendar day. */
export function storedDay(isoDay: string): Date | null {
  if (!ISO_DAY.test(isoDay)) return null;
  const date = new Date(`${isoDay}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === isoDay ? date : null;
}

export const isoDayOf = (day: Date) => day.toISOString().slice(0, 10);

/** The month of a stored day: "2026-11". */
export const monthOfDay = (day: Date) => isoDayOf(day).slice(0, 7);

/** The Paris month of an instant: 1 December 00:30 in Paris (30 November 23:30 UTC) is "2026-12". */
export const parisMonthOf = (instant: Date) => parisToday(instant).slice(0, 7);

export function nextMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}

/** Stored days of the month: [first, next month's first). */
export function monthDays(month: string) {
  return { from: new Date(`${month}-01T00:00:00Z`), until: new Date(`${nextMonth(month)}-01T00:00:00Z`) };
}

/** Real instants of the Paris month: [1st 00:00 Paris, next 1st 00:00 Paris). */
export function parisMonthInstants(month: string) {
  return {
    from: parisInstant(`${month}-01`, "00:00"),
    until: parisInstant(`${nextMonth(month)}-01`, "00:00"),
  };
}

/** "novembre 2026" */
export function formatMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return `${monthNames[m - 1]} ${year}`;
}

/** When something submitted at `submittedAt` is approved automatically (whole 24-hour days). */
export function autoApprovalAt(submittedAt: Date, reviewWindowDays: number): Date {
  return new Date(submittedAt.getTime() + reviewWindowDays * 86_400_000);
}

/** The Monday (ISO day) of the week holding `isoDay`. */
export function mondayOf(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  return isoDayOf(new Date(date.getTime() - back * 86_400_000));
}

/** Stored days of the week starting on `monday`: [monday, next monday). */
export function weekDays(monday: string) {
  const from = new Date(`${monday}T00:00:00Z`);
  return { from, until: new Date(from.getTime() + 7 * 86_400_000) };
}
