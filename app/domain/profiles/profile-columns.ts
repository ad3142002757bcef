// The JSON columns of SecretaryProfile, validated on their way out of the database (repo).
// Unknown codes are dropped rather than failing the page: a code retired from the taxonomy
// must not take every profile that used it offline. Client-safe.
import { z } from "zod";
import {
  billingModeLabels,
  languageLabels,
  sectorLabels,
  skillLabels,
  softwareLabels,
  taskTypeLabels,
  type BillingMode,
  type Language,
  type Sector,
  type Skill,
  type Software,
  type TaskType,
} from "./taxonomy";

export type TaskPrice = { task: TaskType; unitPriceCents: number };
/** day: 1 = lundi … 7 = dimanche; times "HH:MM". */
export type AvailabilityWindow = { day: number; start: string; end: string };

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isKnown = <T extends string>(labels: Record<T, string>, value: unknown): value is T =>
  typeof value === "string" && Object.hasOwn(labels, value);

const storedCodes = <T extends string>(labels: Record<T, string>) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((values) => [...new Set(values.filter((value): value is T => isKnown(labels, value)))]);

export const storedSkills = storedCodes<Skill>(skillLabels);
export const storedSectors = storedCodes<Sector>(sectorLabels);
export const storedSoftware = storedCodes<Software>(softwareLabels);
export const storedLanguages = storedCodes<Language>(languageLabels);
export const storedBillingModes = storedCodes<BillingMode>(billingModeLabels);

const storedTaskPrice = z.object({
  task: z.string().refine((task) => isKnown(taskTypeLabels, task)),
  unitPriceCents: z.number().int().nonnegative(),
});
export const storedTaskPrices = z
  .array(z.unknown())
  .catch([])
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = storedTaskPrice.safeParse(item);
      return parsed.success ? [parsed.data as TaskPrice] : [];
    }),
  );

const storedWindow = z.object({
  day: z.number().int().min(1).max(7),
  start: z.string().regex(TIME_PATTERN),
  end: z.string().regex(TIME_PATTERN),
});
export const storedAvailability = z
  .array(z.unknown())
  .catch([])
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = storedWindow.safeParse(item);
      return parsed.success && parsed.data.start < parsed.data.end ? [parsed.data] : [];
    }),
  )
  .transform((windows) => windows.sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)));
