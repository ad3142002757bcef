// Invoice arithmetic, pure: French VAT on the total HT per rate (one rate per invoice here),
// rounded half up to the cent, and the VAT-inclusive platform fee split back into HT + TVA.
import type { InvoiceLine } from "./invoice.schema";

/** 20 % — the standard French rate, the only one secretarial services and the commission use. */
export const STANDARD_VAT_BPS = 2000;

/** round(amount × bps / 10 000), half away from zero, in integers only. */
export function vatOf(amountCents: number, vatRateBps: number): number {
  const sign = amountCents < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(amountCents) * vatRateBps + 5000) / 10000);
}

export type InvoiceTotals = { totalExclTaxCents: number; vatCents: number; totalInclTaxCents: number };

export function totalsOf(lines: readonly InvoiceLine[]): InvoiceTotals {
  const byRate = new Map<number, number>();
  for (const line of lines) byRate.set(line.vatRateBps, (byRate.get(line.vatRateBps) ?? 0) + line.totalCents);
  const totalExclTaxCents = [...byRate.values()].reduce((sum, v) => sum + v, 0);
  const vatCents = [...byRate.entries()].reduce((sum, [rate, base]) => sum + vatOf(base, rate), 0);
  return { totalExclTaxCents, vatCents, totalInclTaxCents: totalExclTaxCents + vatCents };
}

/**
 * An amount TTC split into HT and TVA with HT + TVA = TTC exactly. HT is chosen so that
 * TVA = vatOf(HT) whenever such an HT exists (the usual case); for the few amounts no HT reaches
 * (at 20 %, 3 or 9 cents…), TVA is the rest and differs from the exact rate by one cent.
 */
export function splitInclusive(inclTaxCents: number, vatRateBps: number) {
  const guess = Math.round((inclTaxCents * 10000) / (10000 + vatRateBps));
  for (const exclTaxCents of [guess, guess - 1, guess + 1]) {
    if (exclTaxCents + vatOf(exclTaxCents, vatRateBps) === inclTaxCents)
      return { exclTaxCents, vatCents: inclTaxCents - exclTaxCents };
  }
  return { exclTaxCents: guess, vatCents: inclTaxCents - guess };
}

/** 90 minutes → 1.5 (hours, 2 decimals) for the "quantité" column. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
