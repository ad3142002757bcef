// The proposal form's initial values: the live proposal being edited, or a blank form. Client-safe.
import type { MilestoneTerm, TaskPrice } from "./proposal-terms";

/** 3550 → "35,50": what the amount inputs accept back. */
export const centsToInput = (cents: number | null) =>
  cents === null ? undefined : (cents / 100).toFixed(2).replace(".", ",");

type Editable = {
  coverLetter: string;
  hourlyRateCents: number | null;
  taskPrices: TaskPrice[];
  fixedAmountCents: number | null;
  milestones: MilestoneTerm[];
  memberIds: string[];
  startDate: string;
  availabilityConfirmed: boolean;
};

export function proposalFormDefaults(proposal: Editable | null) {
  if (!proposal) return {};
  return {
    coverLetter: proposal.coverLetter,
    hourlyRate: centsToInput(proposal.hourlyRateCents),
    taskPrices: Object.fromEntries(proposal.taskPrices.map((p) => [p.task, centsToInput(p.unitPriceCents)])),
    fixedAmount: centsToInput(proposal.fixedAmountCents),
    milestones: proposal.milestones.map((m) => ({
      title: m.title,
      amount: centsToInput(m.amountCents),
      dueDate: m.dueDate ?? undefined,
    })),
    memberIds: proposal.memberIds,
    startDate: proposal.startDate,
    availabilityConfirmed: proposal.availabilityConfirmed ? "on" : undefined,
  };
}
