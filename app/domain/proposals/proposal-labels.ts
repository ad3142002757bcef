// A proposal's price and distance in French, for the comparison table and the bidder's list. Client-safe.
import { taskTypeLabels, type TaskType } from "#app/domain/profiles/taxonomy";
import { formatEuros, formatRate } from "#app/lib/money";
import type { PriceTerms } from "./proposal-terms";

/** One line per price item: "35,00 €/h"; "Appel traité : 0,80 €" per task; the package and its milestones. */
export function priceLines(mode: string, terms: PriceTerms): string[] {
  if (mode === "HOURLY") return terms.hourlyRateCents === null ? [] : [formatRate(terms.hourlyRateCents)];
  if (mode === "FIXED") {
    if (terms.fixedAmountCents === null) return [];
    const steps = terms.milestones.map((m) => `${m.title} : ${formatEuros(m.amountCents)}`);
    return [
      `Forfait : ${formatEuros(terms.fixedAmountCents)}`,
      ...(terms.milestones.length > 1 ? steps : []),
    ];
  }
  return terms.taskPrices.map(
    (p) => `${taskTypeLabels[p.task as TaskType] ?? p.task} : ${formatEuros(p.unitPriceCents)}`,
  );
}

/** "12 km", "< 1 km"; null when a position is missing. */
export function distanceLabel(km: number | null): string | null {
  if (km === null) return null;
  return km < 1 ? "moins de 1 km" : `${Math.round(km)} km`;
}

/** "4,6 / 5 (12 avis)" or "Pas encore d’avis". */
export function ratingLabel(average: number | null, count: number): string {
  if (!average || count === 0) return "Pas encore d’avis";
  const value = average.toLocaleString("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${value} / 5 (${count} avis)`;
}
