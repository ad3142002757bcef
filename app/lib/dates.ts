// Dates shown to users, always in Paris time whatever the server's or browser's zone, so the
// server render and the hydrated page agree. Pure and client-safe.
const TIME_ZONE = "Europe/Paris";

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A Date, or what JSON and the database give back: an ISO string or epoch milliseconds. */
export type DateInput = Date | string | number;

function toDate(input: DateInput): Date {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(input)}`);
  return date;
}

function partsOf(format: Intl.DateTimeFormat, date: Date) {
  const parts = format.formatToParts(date);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value;
}

/**
 * "26 novembre 2026", and "1er mars 2026" as French writes the first of the month. Built
 * from parts rather than format() because ICU versions differ in separators.
 */
export function formatDate(input: DateInput): string {
  const part = partsOf(dateFormat, toDate(input));
  const day = part("day") === "1" ? "1er" : part("day");
  return `${day} ${part("month")} ${part("year")}`;
}

/** "26 novembre 2026 à 14:05" (24-hour clock, Paris time). */
export function formatDateTime(input: DateInput): string {
  const date = toDate(input);
  const part = partsOf(timeFormat, date);
  return `${formatDate(date)} à ${part("hour")}:${part("minute")}`;
}

/** A wall-clock time the French way: "09:00" → "9 h", "14:30" → "14 h 30". */
export function formatHour(time: string): string {
  const [hours = "0", minutes = "00"] = time.split(":");
  return minutes === "00" ? `${Number(hours)} h` : `${Number(hours)} h ${minutes}`;
}
