// The forms of /contrats/:id/travail, parsed on the server (they work without JavaScript).
// Client-safe. Limits and French wording come from work-rules; the use cases check them again.
import { z } from "zod";
import { toIsoDay } from "#app/domain/missions/missions.schema";
import { workLimits, workMessages } from "./work-rules";

const date = z.string({ required_error: workMessages.date }).transform((value, ctx) => {
  const iso = toIsoDay(value);
  if (iso) return iso;
  ctx.addIssue({ code: "custom", message: workMessages.date });
  return z.NEVER;
});

/** An optional whole number typed in a form: "" is absent, anything else must be an integer. */
const wholeNumber = (message: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = (value ?? "").trim();
      if (text === "") return undefined;
      if (!/^-?\d+$/.test(text)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return Number(text);
    });

const description = z
  .string()
  .default("")
  .refine((v) => v.trim().length > 0, workMessages.description)
  .refine((v) => v.trim().length <= workLimits.description, workMessages.descriptionLength);
const note = z
  .string()
  .default("")
  .refine((v) => v.trim().length <= workLimits.description, workMessages.noteLength);

export const timeFormSchema = z
  .object({
    date,
    hours: wholeNumber(workMessages.minutes),
    minutes: wholeNumber(workMessages.minutes),
    description,
  })
  .superRefine((value, ctx) => {
    const total = (value.hours ?? 0) * 60 + (value.minutes ?? 0);
    if (
      (value.hours ?? 0) < 0 ||
      (value.minutes ?? 0) < 0 ||
      total < 1 ||
      total > workLimits.minutesPerEntry.max
    )
      ctx.addIssue({ code: "custom", path: ["minutes"], message: workMessages.minutes });
  });

/** One quantity field per task type of the contract ("quantity.CALL_ANSWERED"); blank ones are skipped. */
export function taskFormSchema(taskTypes: readonly string[]) {
  const quantity = wholeNumber(workMessages.quantity).refine(
    (v) => v === undefined || (v >= workLimits.quantity.min && v <= workLimits.quantity.max),
    workMessages.quantity,
  );
  return z
    .object({ date, note, ...Object.fromEntries(taskTypes.map((t) => [`quantity.${t}`, quantity])) })
    .transform((value, ctx) => {
      const fields = value as Record<string, unknown>;
      const lines = taskTypes.flatMap((taskType) => {
        const q = fields[`quantity.${taskType}`];
        return typeof q === "number" ? [{ taskType, quantity: q }] : [];
      });
      if (lines.length === 0) {
        ctx.addIssue({ code: "custom", path: ["lines"], message: workMessages.noLine });
        return z.NEVER;
      }
      return { date: value.date, note: value.note, lines };
    });
}

export const taskEditSchema = z.object({
  date,
  quantity: wholeNumber(workMessages.quantity).refine(
    (v) => v !== undefined && v >= workLimits.quantity.min && v <= workLimits.quantity.max,
    workMessages.quantity,
  ),
  note,
});

/** "entry:<id>" or "milestone:<id>" */
export const targetSchema = z.string().transform((value, ctx) => {
  const [kind, id] = value.split(":");
  if (id && kind === "entry") return { entryId: id };
  if (id && kind === "milestone") return { milestoneId: id };
  ctx.addIssue({ code: "custom", message: "Ligne inconnue." });
  return z.NEVER;
});

export const disputeSchema = z.object({
  target: targetSchema,
  reason: z
    .string({ required_error: workMessages.reason })
    .refine((v) => v.trim().length > 0, workMessages.reason)
    .refine((v) => v.trim().length <= workLimits.reason, workMessages.reasonLength),
});

export const deliverSchema = z.object({
  milestoneId: z.string().min(1),
  deliveryNote: z
    .string()
    .default("")
    .refine((v) => v.trim().length <= workLimits.deliveryNote, workMessages.deliveryNoteLength),
});

/** Field errors keyed by field name, the first message of each. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
