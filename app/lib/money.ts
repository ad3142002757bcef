// Amounts live as integer cents everywhere (database, domain, Stripe); these helpers are the
// only way in from a form and out to the screen. Pure and client-safe.
import { z } from "zod";

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const wholeEuros = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});

/**
 * 123450 → "1 234,50 €", exactly as Intl writes it: U+202F (narrow no-break space) between
 * thousands and U+00A0 (no-break space) before "€", so an amount never wraps across lines.
 * `dropZeroCents` gives "10 €" instead of "10,00 €" for whole amounts, for running text.
 */
export function formatEuros(cents: number, options: { dropZeroCents?: boolean } = {}): string {
  // A fractional cent means a float slipped into money arithmetic: fail loudly, not round.
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const formatter = options.dropZeroCents && cents % 100 === 0 ? wholeEuros : euros;
  return formatter.format((cents || 0) / 100); // || 0 turns -0 into 0: no "-0,00 €"
}

/** 3500 → "35,00 €/h". */
export function formatRate(cents: number): string {
  return `${formatEuros(cents)}/h`;
}

// Whole part plain ("1234") or grouped by 3 with spaces ("1 234"); "," or "." before at most
// 2 decimals; an optional "€". Groups are strict so that "12 34" is a typo, not 1 234.
const AMOUNT_PATTERN = /^(\d{1,3}(?: \d{3})+|\d+)(?:[,.](\d{1,2}))?(?: ?€)?$/;

/**
 * "35", "35,5", "35.50", "1 234,50", "35 €" → cents; anything else (negative, 3 decimals,
 * letters, empty) → null. Digits are read as integers, never as a float: "0,29" is 29.
 */
export function parseEurosToCents(input: string): number | null {
  // \s also matches the no-break spaces that copy-paste and Intl output bring in.
  const match = AMOUNT_PATTERN.exec(input.replace(/\s+/g, " ").trim());
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  const cents = Number(whole.replace(/ /g, "")) * 100 + Number(fraction.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

export const AMOUNT_REQUIRED_MESSAGE = "Indiquez un montant.";
export const AMOUNT_INVALID_MESSAGE = "Montant invalide";

/**
 * A form field typed in euros, parsed to cents and kept within [min, max] (both in cents):
 * `eurosField({ min: 1000, max: 20000 })` says "Le montant doit être compris entre 10 € et 200 €".
 */
export function eurosField({ min, max }: { min: number; max: number }) {
  const range = (cents: number) => formatEuros(cents, { dropZeroCents: true });
  const rangeMessage = `Le montant doit être compris entre ${range(min)} et ${range(max)}`;
  return z
    .string({ required_error: AMOUNT_REQUIRED_MESSAGE, invalid_type_error: AMOUNT_INVALID_MESSAGE })
    .transform((value, ctx) => {
      const cents = parseEurosToCents(value);
      if (cents !== null) return cents;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: AMOUNT_INVALID_MESSAGE });
      return z.NEVER;
    })
    .pipe(z.number().int().min(min, rangeMessage).max(max, rangeMessage));
}
