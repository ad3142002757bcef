// The rules a replacement period must follow, as one pure check with French messages per field.
// Days are ISO strings ("2027-01-04", Paris days) so comparisons are plain string comparisons.
import { formatDate } from "#app/lib/dates";

export const MAX_REPLACEMENT_DAYS = 366;

export type PeriodFacts = {
  startsOn: string;
  endsOn: string;
  today: string;
  contractStart: string;
  contractEnd: string | null;
  /** Live (not cancelled) replacement periods of the same replaced assignee. */
  otherPeriods: readonly { startsOn: string; endsOn: string }[];
};

export type PeriodProblem = { field: "startsOn" | "endsOn"; message: string };

const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000;
/** "4 janvier 2027": noon UTC is the same calendar day in Paris. */
const french = (isoDay: string) => formatDate(`${isoDay}T12:00:00Z`);

/** Inclusive periods overlap when each starts on or before the other's last day. */
export function periodsOverlap(
  a: { startsOn: string; endsOn: string },
  b: { startsOn: string; endsOn: string },
) {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

/** The first problem found, or null when the period may be saved. */
export function replacementPeriodProblem(facts: PeriodFacts): PeriodProblem | null {
  const { startsOn, endsOn } = facts;
  if (endsOn < startsOn)
    return { field: "endsOn", message: "Le dernier jour doit être le premier jour ou après." };
  if (startsOn < facts.today)
    return { field: "startsOn", message: "Une période de remplacement ne peut pas commencer dans le passé." };
  if (startsOn < facts.contractStart) {
    return {
      field: "startsOn",
      message: `Le contrat commence le ${french(facts.contractStart)} : le remplacement ne peut pas commencer avant.`,
    };
  }
  if (facts.contractEnd && endsOn > facts.contractEnd) {
    return {
      field: "endsOn",
      message: `Le contrat se termine le ${french(facts.contractEnd)} : le remplacement ne peut pas aller au-delà.`,
    };
  }
  if (dayNumber(endsOn) - dayNumber(startsOn) + 1 > MAX_REPLACEMENT_DAYS) {
    return {
      field: "endsOn",
      message: `Une période de remplacement dure au plus ${MAX_REPLACEMENT_DAYS} jours.`,
    };
  }
  const clash = facts.otherPeriods.find((other) => periodsOverlap(other, facts));
  if (clash) {
    return {
      field: "startsOn",
      message: `Cette période chevauche un remplacement déjà prévu du ${french(clash.startsOn)} au ${french(clash.endsOn)}.`,
    };
  }
  return null;
}

/**
 * The secretary is named by her public profile: its address (…/secretaires/claire-morel) or just
 * the slug. Returns the slug, or null when the text cannot be one.
 */
export function profileSlugFrom(input: string): string | null {
  const text = input
    .trim()
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
  const slug = text.includes("/") ? text.slice(text.lastIndexOf("/") + 1) : text;
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : null;
}
