// Amounts of work records, in integer cents, computed on the server only. Pure.
// Prices always come from the contract (hourly rate, task prices), never from a form.

/** minutes × hourly rate / 60, rounded to the nearest cent, half up (all values are ≥ 0). */
export function timeAmountCents(minutes: number, hourlyRateCents: number): number {
  return Math.floor((minutes * hourlyRateCents + 30) / 60);
}

export function taskAmountCents(quantity: number, unitPriceCents: number): number {
  return quantity * unitPriceCents;
}

/** 90 → "1 h 30", 45 → "45 min", 120 → "2 h". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, "0")}`;
}

/**
 * A duration typed as "1:30", "01:30", "1h30", "1 h 30" or plain minutes ("90") → minutes;
 * null when it is none of these.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase();
  if (/^\d{1,4}$/.test(text)) return Number(text);
  const match = /^(\d{1,2})\s*(?::|h)\s*(\d{1,2})?$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[2] ?? "0");
  return minutes < 60 ? Number(match[1]) * 60 + minutes : null;
}

export type TaskPrice = { task: string; unitPriceCents: number };

/** The contract's price for a task type, or undefined when the contract does not list it. */
export const priceOf = (taskPrices: readonly TaskPrice[], task: string) =>
  taskPrices.find((price) => price.task === task);
