// The stored profile shown back in the /compte/profil form. Client-safe.
import type { PublicProfileDto } from "./profiles.schema";
import { weekdayLabels } from "./taxonomy";

/** 3550 → "35,50": a stored amount shown back in a form field, without a float. */
export function centsToInput(cents: number | null | undefined): string | undefined {
  if (cents === null || cents === undefined) return undefined;
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
}

type StoredFormValues = Pick<
  PublicProfileDto,
  | "headline"
  | "bio"
  | "skills"
  | "sectors"
  | "software"
  | "languages"
  | "yearsExperience"
  | "hourlyRateCents"
  | "taskPrices"
  | "billingModes"
  | "remote"
  | "onSite"
  | "basePostcode"
  | "baseCommune"
  | "radiusKm"
  | "availability"
  | "availableFrom"
>;

/** The stored profile as the form's initial values (the first window of each day). */
export function toProfileFormDefaults(profile: StoredFormValues) {
  const { hourlyRateCents, taskPrices, availability, ...rest } = profile;
  return {
    ...rest,
    hourlyRate: centsToInput(hourlyRateCents),
    taskPrices: Object.fromEntries(taskPrices.map((p) => [p.task, centsToInput(p.unitPriceCents)])),
    availability: Object.fromEntries(
      weekdayLabels.map((day, index) => {
        const window = availability.find((w) => w.day === index + 1);
        return [day, window ? { start: window.start, end: window.end } : {}];
      }),
    ),
  };
}
