// A proposal's price, in the mission's billing mode, and its checks. Pure and client-safe: the
// form schema and the use cases (which re-check against the mission as stored) share them.
import { taskTypeLabels, type TaskType } from "#app/domain/profiles/taxonomy";
import { formatEuros } from "#app/lib/money";

export const proposalLimits = {
  coverLetterMin: 20,
  coverLetterMax: 5000,
  hourlyRateCents: { min: 1200, max: 15_000 },
  taskPriceCents: { min: 10, max: 50_000 },
  fixedAmountCents: { min: 2000, max: 5_000_000 },
  milestoneTitleMax: 120,
  milestonesMax: 10,
  /** Blank milestone rows in the form (it works without JavaScript, so no "add a row" button). */
  milestoneRows: 5,
} as const;

export const DEFAULT_MILESTONE_TITLE = "Livraison";

export type TaskPrice = { task: string; unitPriceCents: number };
export type MilestoneTerm = { title: string; amountCents: number; dueDate: string | null };
export type PriceTerms = {
  hourlyRateCents: number | null;
  taskPrices: TaskPrice[];
  fixedAmountCents: number | null;
  milestones: MilestoneTerm[];
};
export type MissionPricing = { billingMode: string; tasks: readonly string[] };
export type TermsIssue = { path: (string | number)[]; message: string };

const range = (limits: { min: number; max: number }) =>
  `entre ${formatEuros(limits.min, { dropZeroCents: true })} et ${formatEuros(limits.max, { dropZeroCents: true })}`;
const within = (cents: number, limits: { min: number; max: number }) =>
  Number.isSafeInteger(cents) && cents >= limits.min && cents <= limits.max;
const taskLabel = (task: string) => taskTypeLabels[task as TaskType] ?? task;

export const termsMessages = {
  hourlyRequired: "Indiquez votre tarif horaire.",
  hourlyRange: `Le tarif horaire doit être compris ${range(proposalLimits.hourlyRateCents)}.`,
  taskRequired: (task: string) => `Indiquez votre prix pour « ${taskLabel(task)} ».`,
  taskRange: `Le prix unitaire doit être compris ${range(proposalLimits.taskPriceCents)}.`,
  taskUnknown: "Cette tâche ne fait pas partie de la mission.",
  fixedRequired: "Indiquez le montant de votre forfait.",
  fixedRange: `Le forfait doit être compris ${range(proposalLimits.fixedAmountCents)}.`,
  milestoneTitle: "Donnez un titre à cette étape.",
  milestoneAmount: "Indiquez le montant de cette étape (au moins 1 €).",
  milestoneDue: "L’échéance d’une étape ne peut pas précéder la date de début.",
  milestonesMax: `Pas plus de ${proposalLimits.milestonesMax} étapes.`,
  milestonesSum: (sum: number, total: number) =>
    `La somme des étapes (${formatEuros(sum)}) doit être égale au montant du forfait (${formatEuros(total)}).`,
} as const;

/** FIXED without milestones: one "Livraison" milestone for the whole amount. */
export function withDefaultMilestone(mode: string, terms: PriceTerms): PriceTerms {
  if (mode !== "FIXED" || terms.milestones.length > 0 || terms.fixedAmountCents === null) return terms;
  const milestones = [{ title: DEFAULT_MILESTONE_TITLE, amountCents: terms.fixedAmountCents, dueDate: null }];
  return { ...terms, milestones };
}

function fixedIssues(terms: PriceTerms, startDate: string | null): TermsIssue[] {
  if (terms.fixedAmountCents === null)
    return [{ path: ["fixedAmount"], message: termsMessages.fixedRequired }];
  if (!within(terms.fixedAmountCents, proposalLimits.fixedAmountCents))
    return [{ path: ["fixedAmount"], message: termsMessages.fixedRange }];
  const issues: TermsIssue[] = [];
  if (terms.milestones.length > proposalLimits.milestonesMax)
    issues.push({ path: ["milestones"], message: termsMessages.milestonesMax });
  terms.milestones.forEach((m, i) => {
    if (!m.title.trim())
      issues.push({ path: ["milestones", i, "title"], message: termsMessages.milestoneTitle });
    if (!Number.isSafeInteger(m.amountCents) || m.amountCents < 100)
      issues.push({ path: ["milestones", i, "amount"], message: termsMessages.milestoneAmount });
    if (m.dueDate && startDate && m.dueDate < startDate)
      issues.push({ path: ["milestones", i, "dueDate"], message: termsMessages.milestoneDue });
  });
  const sum = terms.milestones.reduce((total, m) => total + m.amountCents, 0);
  if (terms.milestones.length > 0 && issues.length === 0 && sum !== terms.fixedAmountCents)
    issues.push({ path: ["milestones"], message: termsMessages.milestonesSum(sum, terms.fixedAmountCents) });
  return issues;
}

/** Everything wrong with these price terms for this mission (empty when they hold). */
export function termsIssues(
  mission: MissionPricing,
  terms: PriceTerms,
  startDate: string | null,
): TermsIssue[] {
  if (mission.billingMode === "HOURLY") {
    if (terms.hourlyRateCents === null)
      return [{ path: ["hourlyRate"], message: termsMessages.hourlyRequired }];
    return within(terms.hourlyRateCents, proposalLimits.hourlyRateCents)
      ? []
      : [{ path: ["hourlyRate"], message: termsMessages.hourlyRange }];
  }
  if (mission.billingMode === "FIXED") return fixedIssues(terms, startDate);
  const issues: TermsIssue[] = [];
  for (const price of terms.taskPrices) {
    if (!mission.tasks.includes(price.task))
      issues.push({ path: ["taskPrices", price.task], message: termsMessages.taskUnknown });
    else if (!within(price.unitPriceCents, proposalLimits.taskPriceCents))
      issues.push({ path: ["taskPrices", price.task], message: termsMessages.taskRange });
  }
  for (const task of mission.tasks)
    if (!terms.taskPrices.some((p) => p.task === task))
      issues.push({ path: ["taskPrices", task], message: termsMessages.taskRequired(task) });
  return issues;
}

/** Only the columns of the mission's billing mode are kept; the others are emptied. */
export function termsColumns(mode: string, terms: PriceTerms): PriceTerms {
  return {
    hourlyRateCents: mode === "HOURLY" ? terms.hourlyRateCents : null,
    taskPrices: mode === "PER_TASK" ? terms.taskPrices : [],
    fixedAmountCents: mode === "FIXED" ? terms.fixedAmountCents : null,
    milestones: mode === "FIXED" ? terms.milestones : [],
  };
}
