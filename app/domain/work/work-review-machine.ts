// The review of logged work (time and task entries) and of fixed-price milestones. Entries are
// born SUBMITTED; milestones are PLANNED in the contract and submitted when delivered. The business
// approves or disputes; what it leaves alone is approved by the worker after the review window.
import { checkTransition, isOneOf, type TransitionCheck, type TransitionRule } from "#app/lib/state-machine";

export const workStatuses = ["PLANNED", "SUBMITTED", "APPROVED", "DISPUTED"] as const;
export type WorkStatus = (typeof workStatuses)[number];

export type WorkEvent = "SUBMIT" | "APPROVE" | "AUTO_APPROVE" | "DISPUTE" | "RESUBMIT";
/** ASSIGNEE: the secretary who did (or replaces for) the work. BUSINESS: a member of the client. */
export type WorkActor = "ASSIGNEE" | "BUSINESS" | "SYSTEM";

export const workTransitions: Record<WorkEvent, TransitionRule<WorkStatus, WorkActor>> = {
  SUBMIT: { from: ["PLANNED"], to: "SUBMITTED", actors: ["ASSIGNEE"] },
  // A business may still approve what it disputed once the secretary explained.
  APPROVE: { from: ["SUBMITTED", "DISPUTED"], to: "APPROVED", actors: ["BUSINESS"] },
  AUTO_APPROVE: { from: ["SUBMITTED"], to: "APPROVED", actors: ["SYSTEM"] },
  DISPUTE: { from: ["SUBMITTED"], to: "DISPUTED", actors: ["BUSINESS"], needsReason: true },
  // The secretary corrected the entry (or explained): a new review window starts.
  RESUBMIT: { from: ["DISPUTED"], to: "SUBMITTED", actors: ["ASSIGNEE"] },
};

export function checkWorkTransition(
  from: WorkStatus,
  event: WorkEvent,
  actor: WorkActor,
  reason?: string | null,
): TransitionCheck<WorkStatus> {
  return checkTransition(workTransitions[event], from, actor, reason);
}

export const isWorkStatus = (value: string): value is WorkStatus => isOneOf(workStatuses, value);

/** The secretary may still change or delete what the business has not approved. */
export const workIsEditable = (status: string) => status === "SUBMITTED" || status === "DISPUTED";

export const workStatusLabels: Record<WorkStatus, string> = {
  PLANNED: "Prévu",
  SUBMITTED: "À valider",
  APPROVED: "Validé",
  DISPUTED: "Contesté",
};
