// One search result as the page shows it, and the French phrases built from it. Client-safe.
import { weekdayLabels, type Skill } from "#app/domain/profiles/taxonomy";

export type SecretarySearchCard = {
  slug: string;
  displayName: string;
  initials: string;
  headline: string;
  skills: Skill[];
  hourlyRateCents: number | null;
  remote: boolean;
  onSite: boolean;
  baseCommune: string | null;
  radiusKm: number | null;
  /** From the searched address; null without one. */
  distanceKm: number | null;
  ratingAverage: number | null;
  ratingCount: number;
  /** Epoch ms of the day she becomes available; null when she already is (decided by the server). */
  availableFrom: number | null;
  /** Weekdays (1 = lundi) with at least one covered half-day. */
  availabilityDays: number[];
  verified: boolean;
  agencyName: string | null;
};

/** "Claire Morel" → "CM"; "Anne-Sophie de La Tour" → "AT". */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word));
  const picked = words.length >= 2 ? [words[0], words.at(-1)] : [name.trim()];
  return (
    picked
      .map((word) => word?.charAt(0) ?? "")
      .join("")
      .toUpperCase() || "?"
  );
}

export function reachSummary(
  card: Pick<SecretarySearchCard, "onSite" | "radiusKm" | "baseCommune">,
): string | null {
  if (!card.onSite || !card.radiusKm || !card.baseCommune) return null;
  return `Se déplace jusqu’à ${card.radiusKm} km autour de ${card.baseCommune}`;
}

const oneDecimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "à 12 km"; under a kilometre the rounded grid (≈ 500 m) makes a finer figure meaningless. */
export function formatDistance(km: number): string {
  return km < 1 ? "à moins de 1 km" : `à ${Math.round(km)} km`;
}

/** "4,8 ★ (23 avis)", or null before the first review. */
export function formatRating(average: number | null, count: number): string | null {
  if (average === null || count <= 0) return null;
  return `${oneDecimal.format(average)} ★ (${count} avis)`;
}

/** [1,2,3,4,5] → "du lundi au vendredi"; [1,3] → "lundi et mercredi". */
export function formatWeekdays(days: number[]): string | null {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  if (sorted.length === 7) return "tous les jours";
  const label = (day: number) => weekdayLabels[day - 1] ?? "";
  const consecutive = sorted.every((day, i) => i === 0 || day === sorted[i - 1]! + 1);
  if (sorted.length >= 3 && consecutive) return `du ${label(sorted[0]!)} au ${label(sorted.at(-1)!)}`;
  const labels = sorted.map(label);
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(", ")} et ${labels.at(-1)}`;
}
