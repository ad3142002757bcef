// A contract's terms in French, for its page. Client-safe.
import { billingModeLabels, taskTypeLabels } from "#app/domain/profiles/taxonomy";
import { formatEuros, formatRate } from "#app/lib/money";
import { contractStatusLabels, isContractStatus } from "./contract-machine";
import { formatFeeRate, splitFee, type ContractTerms } from "./contract-terms";

type PriceTerms = Pick<ContractTerms, "billingMode" | "hourlyRateCents" | "taskPrices" | "fixedAmountCents">;

export const taskLabel = (task: string) => taskTypeLabels[task as keyof typeof taskTypeLabels] ?? task;
export const billingModeLabel = (mode: string) =>
  billingModeLabels[mode as keyof typeof billingModeLabels] ?? mode;

export function statusLabel(status: string): string {
  if (status === "") return "Création";
  return isContractStatus(status) ? contractStatusLabels[status] : status;
}

/** "30,00 €/h", "Appel traité : 1,50 € l’unité", "Forfait : 1 200,00 €". */
export function priceLines(terms: PriceTerms): string[] {
  if (terms.billingMode === "HOURLY" && terms.hourlyRateCents !== null)
    return [formatRate(terms.hourlyRateCents)];
  if (terms.billingMode === "FIXED" && terms.fixedAmountCents !== null) {
    return [`Forfait : ${formatEuros(terms.fixedAmountCents)}`];
  }
  return terms.taskPrices.map((p) => `${taskLabel(p.task)} : ${formatEuros(p.unitPriceCents)} l’unité`);
}

/** The example amount the fee sentence is computed on: one hour, one task, or the whole package. */
function feeExampleBase(terms: PriceTerms): { amountCents: number; what: string } | null {
  if (terms.billingMode === "HOURLY" && terms.hourlyRateCents !== null) {
    return { amountCents: terms.hourlyRateCents, what: "une heure à" };
  }
  if (terms.billingMode === "FIXED" && terms.fixedAmountCents !== null) {
    return { amountCents: terms.fixedAmountCents, what: "le forfait de" };
  }
  const first = terms.taskPrices[0];
  return first
    ? { amountCents: first.unitPriceCents, what: `une unité « ${taskLabel(first.task)} » à` }
    : null;
}

/**
 * "Commission Permanence : 10 % du montant du travail, soit 3,00 € sur une heure à 30,00 €" —
 * shown before either side accepts, with the exact rounding the invoices will use (splitFee).
 */
export function feeSentence(terms: PriceTerms & { platformFeeBps: number }): string {
  const rate = `Commission Permanence : ${formatFeeRate(terms.platformFeeBps)} du montant du travail`;
  const base = feeExampleBase(terms);
  if (!base) return rate;
  const { feeCents, payeeCents } = splitFee(base.amountCents, terms.platformFeeBps);
  return `${rate}, soit ${formatEuros(feeCents)} sur ${base.what} ${formatEuros(base.amountCents)} (la prestataire reçoit ${formatEuros(payeeCents)}).`;
}
