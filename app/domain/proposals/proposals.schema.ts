// The proposal form (/missions/:id/proposer). Client-safe: built from the mission's billing mode
// and task lines, and from "today" (a start date in the past is refused), so the same schema runs
// in the browser and on the server. The use cases check the price terms again against the mission.
import { z } from "zod";
import { toIsoDay } from "#app/domain/missions/missions.schema";
import { parseEurosToCents } from "#app/lib/money";
import {
  proposalLimits,
  termsIssues,
  termsColumns,
  type MissionPricing,
  type PriceTerms,
} from "./proposal-terms";

export const proposalMessages = {
  coverLetterTooShort: `Votre message doit compter au moins ${proposalLimits.coverLetterMin} caractères.`,
  coverLetterTooLong: `Votre message ne doit pas dépasser ${proposalLimits.coverLetterMax} caractères.`,
  amount: "Montant invalide : écrivez par exemple 35 ou 35,50.",
  date: "Date invalide : utilisez le format JJ/MM/AAAA.",
  startRequired: "Indiquez la date à laquelle vous pouvez commencer.",
  startInPast: "La date de début ne peut pas être dans le passé.",
  availability: "Cochez la case pour confirmer votre disponibilité.",
  membersMin: "Choisissez au moins une secrétaire de votre agence pour cette mission.",
  memberUnknown: "Cette personne ne fait pas partie de votre agence.",
} as const;

export type ProposalInput = {
  coverLetter: string;
  startDate: string;
  memberIds: string[];
  terms: PriceTerms;
};

// NaN, not NEVER, on a typo: the price checks below then know to stay silent about that field.
const amount = z.string().transform((value, ctx) => {
  const cents = parseEurosToCents(value);
  if (cents !== null) return cents;
  ctx.addIssue({ code: "custom", message: proposalMessages.amount });
  return Number.NaN;
});
export const dayField = z.string().transform((value, ctx) => {
  const iso = toIsoDay(value);
  if (iso) return iso;
  ctx.addIssue({ code: "custom", message: proposalMessages.date, fatal: true });
  return z.NEVER;
});
export const letterField = z
  .string()
  .optional()
  .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim())
  .refine((value) => value.length >= proposalLimits.coverLetterMin, proposalMessages.coverLetterTooShort)
  .refine((value) => value.length <= proposalLimits.coverLetterMax, proposalMessages.coverLetterTooLong);

const milestoneRow = z
  .object({ title: z.string().trim().optional(), amount: amount.optional(), dueDate: dayField.optional() })
  .optional();

const fields = z.object({
  proposalId: z.string().optional(),
  coverLetter: letterField,
  hourlyRate: amount.optional(),
  taskPrices: z.record(z.string(), amount.optional()).optional(),
  fixedAmount: amount.optional(),
  milestones: z.array(milestoneRow).default([]),
  startDate: dayField.optional(),
  availabilityConfirmed: z.boolean().optional(),
  memberIds: z.array(z.string()).default([]),
});
type Fields = z.output<typeof fields>;

/** Was the amount at this price-check path typed wrong (already reported)? */
function unparsed(terms: PriceTerms, path: (string | number)[]): boolean {
  const [head, key, leaf] = path;
  const cents =
    head === "hourlyRate"
      ? terms.hourlyRateCents
      : head === "fixedAmount"
        ? terms.fixedAmountCents
        : head === "taskPrices"
          ? terms.taskPrices.find((p) => p.task === key)?.unitPriceCents
          : head === "milestones" && leaf === "amount"
            ? terms.milestones[key as number]?.amountCents
            : undefined;
  return Number.isNaN(cents);
}

function toTerms(value: Fields): PriceTerms {
  const rows = value.milestones.filter((m) => m && (m.title || m.amount !== undefined || m.dueDate));
  return {
    hourlyRateCents: value.hourlyRate ?? null,
    taskPrices: Object.entries(value.taskPrices ?? {}).flatMap(([task, cents]) =>
      cents === undefined ? [] : [{ task, unitPriceCents: cents }],
    ),
    fixedAmountCents: value.fixedAmount ?? null,
    milestones: rows.map((m) => ({
      title: m?.title ?? "",
      amountCents: m?.amount ?? 0,
      dueDate: m?.dueDate ?? null,
    })),
  };
}

export function proposalFormSchema(pricing: MissionPricing & { agency: boolean }, today: string) {
  return fields
    .superRefine((value, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: "custom", path, message });
      if (!value.startDate) issue(["startDate"], proposalMessages.startRequired);
      else if (value.startDate < today) issue(["startDate"], proposalMessages.startInPast);
      if (value.availabilityConfirmed !== true)
        issue(["availabilityConfirmed"], proposalMessages.availability);
      if (pricing.agency && value.memberIds.length === 0) issue(["memberIds"], proposalMessages.membersMin);
      const terms = toTerms(value);
      for (const { path, message } of termsIssues(pricing, terms, value.startDate ?? null))
        if (!unparsed(terms, path)) issue(path, message);
    })
    .transform((value): ProposalInput & { proposalId?: string } => ({
      proposalId: value.proposalId,
      coverLetter: value.coverLetter,
      startDate: value.startDate!,
      memberIds: [...new Set(value.memberIds)],
      terms: termsColumns(pricing.billingMode, toTerms(value)),
    }));
}
