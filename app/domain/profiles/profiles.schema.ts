// The secretary profile form, the list query and the profile DTOs. Client-safe: the same schema
// validates in the browser (conform) and on the server.
import { z } from "zod";
import { postcodeSchema } from "#app/domain/geo/postcode";
import { eurosField } from "#app/lib/money";
import { isKnown, TIME_PATTERN, type AvailabilityWindow, type TaskPrice } from "./profile-columns";
import {
  billingModeLabels,
  languageLabels,
  sectorLabels,
  skillLabels,
  softwareLabels,
  taskTypeLabels,
  weekdayLabels,
  type BillingMode,
  type Language,
  type Sector,
  type Skill,
  type Software,
  type TaskType,
} from "./taxonomy";

export const profileLimits = {
  headlineMax: 120,
  bioMax: 3000,
  bioMinForReview: 80,
  experienceMax: 50,
  hourlyRateCents: { min: 1200, max: 15000 },
  taskPriceCents: { min: 10, max: 50000 },
  radiusKm: { min: 1, max: 200 },
  communeMax: 100,
} as const;

export const profileMessages = {
  headlineTooLong: "Le titre ne doit pas dépasser 120 caractères.",
  bioTooLong: "La présentation ne doit pas dépasser 3000 caractères.",
  skillsMin: "Choisissez au moins une compétence.",
  skillUnknown: "Cette compétence n’existe pas.",
  sectorUnknown: "Ce secteur n’existe pas.",
  softwareUnknown: "Ce logiciel n’existe pas.",
  languagesMin: "Choisissez au moins une langue.",
  languageUnknown: "Cette langue n’existe pas.",
  billingModesMin: "Choisissez au moins un mode de facturation.",
  billingModeUnknown: "Ce mode de facturation n’existe pas.",
  experience: "Indiquez un nombre entier d’années entre 0 et 50.",
  hourlyRateRequired: "Indiquez votre tarif horaire : vous acceptez la facturation à l’heure.",
  taskPriceRequired: "Indiquez au moins un prix à la tâche : vous acceptez la facturation à la tâche.",
  workModeRequired: "Choisissez au moins une façon de travailler : à distance ou sur place.",
  postcodeRequired: "Indiquez le code postal de votre commune de base : vous vous déplacez sur place.",
  communeTooLong: "Le nom de la commune ne doit pas dépasser 100 caractères.",
  radius: "Le rayon doit être un nombre entier de kilomètres entre 1 et 200.",
  radiusRequired: "Indiquez jusqu’à combien de kilomètres vous vous déplacez.",
  time: "Heure invalide : utilisez le format HH:MM (par exemple 09:30).",
  endMissing: "Indiquez aussi l’heure de fin.",
  startMissing: "Indiquez aussi l’heure de début.",
  endBeforeStart: "L’heure de fin doit être après l’heure de début.",
  date: "Date invalide : utilisez le format JJ/MM/AAAA.",
} as const;

/** Checkbox codes from the taxonomy: an unknown code is refused (a forged post), duplicates dropped. */
function codeList<T extends string>(labels: Record<T, string>, messages: { unknown: string; min?: string }) {
  return z
    .array(z.string(), { invalid_type_error: messages.unknown })
    .superRefine((values, ctx) => {
      if (values.some((value) => !isKnown(labels, value))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: messages.unknown });
      } else if (messages.min && values.length === 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: messages.min });
      }
    })
    .transform((values) => [...new Set(values)] as T[]);
}

const timeField = z
  .string({ invalid_type_error: profileMessages.time })
  .regex(TIME_PATTERN, profileMessages.time);

/** One optional window per weekday: both times or neither, the end after the start. */
const dayWindowSchema = z
  .object({ start: timeField.optional(), end: timeField.optional() })
  .superRefine(({ start, end }, ctx) => {
    if (start && !end) ctx.addIssue({ code: "custom", path: ["end"], message: profileMessages.endMissing });
    if (end && !start)
      ctx.addIssue({ code: "custom", path: ["start"], message: profileMessages.startMissing });
    if (start && end && end <= start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: profileMessages.endBeforeStart });
    }
  });

export type Weekday = (typeof weekdayLabels)[number];

function shapeOf<K extends string, T extends z.ZodTypeAny>(keys: readonly K[], make: () => T) {
  return Object.fromEntries(keys.map((key) => [key, make()])) as Record<K, T>;
}

const taskTypeCodes = Object.keys(taskTypeLabels) as TaskType[];

/** "2026-11-26" from a date input, or "26/11/2026" typed where the browser has no date picker. */
function toIsoDay(value: string): string | null {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  // A real calendar day: 2026-02-31 rolls over to March and is refused.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

const dateField = z.string({ invalid_type_error: profileMessages.date }).transform((value, ctx) => {
  const iso = toIsoDay(value);
  if (iso) return iso;
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: profileMessages.date });
  return z.NEVER;
});

// No .pipe() here: conform would turn the empty string coming out of it back into "missing".
const optionalText = (max: number, message: string) =>
  z
    .string()
    .optional()
    // Browsers post textarea line breaks as CRLF; count and store them as one character.
    .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim())
    .refine((value) => value.length <= max, message);

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const profileFields = z.object({
  intent: z.enum(["save", "submit"]).default("save"),
  headline: optionalText(profileLimits.headlineMax, profileMessages.headlineTooLong),
  bio: optionalText(profileLimits.bioMax, profileMessages.bioTooLong),
  skills: codeList(skillLabels, { unknown: profileMessages.skillUnknown, min: profileMessages.skillsMin }),
  sectors: codeList(sectorLabels, { unknown: profileMessages.sectorUnknown }),
  software: codeList(softwareLabels, { unknown: profileMessages.softwareUnknown }),
  languages: codeList(languageLabels, {
    unknown: profileMessages.languageUnknown,
    min: profileMessages.languagesMin,
  }),
  yearsExperience: z
    .number({ required_error: profileMessages.experience, invalid_type_error: profileMessages.experience })
    .int(profileMessages.experience)
    .min(0, profileMessages.experience)
    .max(profileLimits.experienceMax, profileMessages.experience),
  hourlyRate: eurosField(profileLimits.hourlyRateCents).optional(),
  taskPrices: z.object(shapeOf(taskTypeCodes, () => eurosField(profileLimits.taskPriceCents).optional())),
  billingModes: codeList(billingModeLabels, {
    unknown: profileMessages.billingModeUnknown,
    min: profileMessages.billingModesMin,
  }),
  remote: z.boolean().default(false),
  onSite: z.boolean().default(false),
  basePostcode: z.preprocess(blankToUndefined, postcodeSchema.optional()),
  baseCommune: z.string().trim().max(profileLimits.communeMax, profileMessages.communeTooLong).optional(),
  radiusKm: z
    .number({ invalid_type_error: profileMessages.radius })
    .int(profileMessages.radius)
    .min(profileLimits.radiusKm.min, profileMessages.radius)
    .max(profileLimits.radiusKm.max, profileMessages.radius)
    .optional(),
  availability: z.object(shapeOf(weekdayLabels, () => dayWindowSchema)),
  availableFrom: dateField.optional(),
});

type ProfileFields = z.output<typeof profileFields>;

/** Rules across fields; they run once every field is valid on its own (zod's order). */
function checkCoherence(value: ProfileFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (value.billingModes.includes("HOURLY") && value.hourlyRate === undefined) {
    issue("hourlyRate", profileMessages.hourlyRateRequired);
  }
  const hasTaskPrice = Object.values(value.taskPrices).some((cents) => cents !== undefined);
  if (value.billingModes.includes("PER_TASK") && !hasTaskPrice)
    issue("taskPrices", profileMessages.taskPriceRequired);
  if (!value.remote && !value.onSite) issue("remote", profileMessages.workModeRequired);
  if (value.onSite && !value.basePostcode) issue("basePostcode", profileMessages.postcodeRequired);
  if (value.onSite && value.radiusKm === undefined) issue("radiusKm", profileMessages.radiusRequired);
}

/** The form's values in the shape of the JSON columns (cents, arrays of windows). */
function toProfileInput(value: ProfileFields) {
  const taskPrices: TaskPrice[] = taskTypeCodes.flatMap((task) => {
    const cents = value.taskPrices[task];
    return cents === undefined ? [] : [{ task, unitPriceCents: cents }];
  });
  const availability: AvailabilityWindow[] = weekdayLabels.flatMap((day, index) => {
    const { start, end } = value.availability[day];
    return start && end ? [{ day: index + 1, start, end }] : [];
  });
  const { hourlyRate, taskPrices: _prices, availability: _windows, ...rest } = value;
  return { ...rest, hourlyRateCents: hourlyRate ?? null, taskPrices, availability };
}

export const profileFormSchema = profileFields.superRefine(checkCoherence).transform(toProfileInput);
export type ProfileFormInput = z.input<typeof profileFormSchema>;
export type ProfileInput = z.output<typeof profileFormSchema>;

// ——— Query strings and DTOs ———

export const PAGE_INVALID_MESSAGE = "Le numéro de page n’est pas valide.";
export const SKILL_FILTER_INVALID_MESSAGE = "Cette compétence n’existe pas.";

export type PublicProfileDto = {
  slug: string;
  status: string;
  displayName: string;
  headline: string;
  bio: string;
  skills: Skill[];
  sectors: Sector[];
  software: Software[];
  languages: Language[];
  yearsExperience: number;
  hourlyRateCents: number | null;
  taskPrices: TaskPrice[];
  billingModes: BillingMode[];
  remote: boolean;
  onSite: boolean;
  basePostcode: string | null;
  baseCommune: string | null;
  radiusKm: number | null;
  availability: AvailabilityWindow[];
  availableFrom: string | null;
  agencyName: string | null;
  verified: boolean;
};
