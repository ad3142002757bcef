// The direct offer form (/secretaires/:slug/offre): a short mission (one-off, remote) and its price,
// sent to one secretary. Client-safe; built from "today" (no start in the past).
import { z } from "zod";
import { missionLimits, missionMessages } from "#app/domain/missions/mission-form-messages";
import { isKnown } from "#app/domain/profiles/profile-columns";
import { skillLabels, taskTypeLabels, type Skill, type TaskType } from "#app/domain/profiles/taxonomy";
import { eurosField } from "#app/lib/money";
import { dayField, letterField } from "./proposals.schema";

const taskCodes = Object.keys(taskTypeLabels) as TaskType[];
const taskLine = z
  .object({
    unitPrice: eurosField(missionLimits.taskPriceCents).optional(),
    monthlyVolume: z
      .number({ invalid_type_error: missionMessages.volume })
      .int(missionMessages.volume)
      .min(missionLimits.monthlyVolume.min, missionMessages.volume)
      .max(missionLimits.monthlyVolume.max, missionMessages.volume)
      .optional(),
  })
  .optional();

const fields = z.object({
  title: z
    .string({ required_error: missionMessages.titleRequired })
    .trim()
    .min(1, missionMessages.titleRequired)
    .max(missionLimits.titleMax, missionMessages.titleTooLong),
  description: z
    .string({ required_error: missionMessages.descriptionTooShort })
    .trim()
    .min(missionLimits.descriptionMin, missionMessages.descriptionTooShort)
    .max(missionLimits.descriptionMax, missionMessages.descriptionTooLong),
  skills: z
    .array(z.string())
    .default([])
    .refine((values) => values.every((v) => isKnown(skillLabels, v)), missionMessages.skillUnknown)
    .refine((values) => values.length > 0, missionMessages.skillsMin),
  billingMode: z.enum(["PER_TASK", "HOURLY", "FIXED"], {
    errorMap: () => ({ message: missionMessages.billingMode }),
  }),
  hourlyRate: eurosField(missionLimits.hourlyRateCents).optional(),
  taskLines: z.object(Object.fromEntries(taskCodes.map((t) => [t, taskLine]))).optional(),
  fixedAmount: eurosField(missionLimits.fixedAmountCents).optional(),
  startDate: dayField.optional(),
  endDate: dayField.optional(),
  medicalSecrecy: z.boolean().default(false),
  message: letterField,
});
type Fields = z.output<typeof fields>;

const completeLines = (value: Fields) =>
  taskCodes.flatMap((task) => {
    const line = value.taskLines?.[task];
    return line?.unitPrice !== undefined && line.monthlyVolume !== undefined
      ? [{ task, unitPriceCents: line.unitPrice, monthlyVolume: line.monthlyVolume }]
      : [];
  });

function check(value: Fields, today: string, ctx: z.RefinementCtx) {
  const issue = (path: string[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if (value.billingMode === "HOURLY" && value.hourlyRate === undefined)
    issue(["hourlyRate"], "Indiquez le tarif horaire.");
  if (value.billingMode === "FIXED" && value.fixedAmount === undefined)
    issue(["fixedAmount"], missionMessages.fixedAmountRequired);
  if (value.billingMode === "PER_TASK" && completeLines(value).length === 0)
    issue(["taskLines"], missionMessages.taskLinesMin);
  if (!value.startDate) issue(["startDate"], missionMessages.startRequired);
  else if (value.startDate < today) issue(["startDate"], missionMessages.startInPast);
  if (!value.endDate) issue(["endDate"], missionMessages.endRequired);
  else if (value.startDate && value.endDate < value.startDate)
    issue(["endDate"], missionMessages.endBeforeStart);
}

export function offerFormSchema(today: string) {
  return fields
    .superRefine((value, ctx) => check(value, today, ctx))
    .transform((value) => ({
      title: value.title,
      description: value.description,
      skills: [...new Set(value.skills)] as Skill[],
      billingMode: value.billingMode,
      hourlyRateCents: value.billingMode === "HOURLY" ? value.hourlyRate! : null,
      taskLines: value.billingMode === "PER_TASK" ? completeLines(value) : [],
      fixedAmountCents: value.billingMode === "FIXED" ? value.fixedAmount! : null,
      startDate: value.startDate!,
      endDate: value.endDate!,
      medicalSecrecy: value.medicalSecrecy,
      message: value.message,
    }));
}
export type OfferInput = z.output<ReturnType<typeof offerFormSchema>>;
export type OfferFormInput = z.input<typeof fields>;
