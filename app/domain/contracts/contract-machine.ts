// A contract's life cycle (DESIGN.md §3). PENDING until both sides accepted the terms (and the
// provider the billing mandate); then the acceptance use case activates it as SYSTEM.
import { checkTransition, isOneOf, type TransitionCheck, type TransitionRule } from "#app/lib/state-machine";

export const contractStatuses = [
  "PENDING",
  "ACTIVE",
  "PAUSED",
  "COMPLETED",
  "CANCELLED",
  "DISPUTED",
] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export type ContractEvent =
  | "ACTIVATE"
  | "PAUSE"
  | "RESUME"
  | "COMPLETE"
  | "CANCEL"
  | "CANCEL_BY_STAFF"
  | "DISPUTE"
  | "RESOLVE_RESUME"
  | "RESOLVE_COMPLETE"
  | "RESOLVE_CANCEL";
/** BUSINESS: a member of the hiring business. PROVIDER: the secretary or the agency's member who signed. */
export type ContractActor = "BUSINESS" | "PROVIDER" | "STAFF" | "SYSTEM";

const parties = ["BUSINESS", "PROVIDER"] as const;
export const contractTransitions: Record<ContractEvent, TransitionRule<ContractStatus, ContractActor>> = {
  ACTIVATE: { from: ["PENDING"], to: "ACTIVE", actors: ["SYSTEM"] },
  PAUSE: { from: ["ACTIVE"], to: "PAUSED", actors: parties, needsReason: true },
  RESUME: { from: ["PAUSED"], to: "ACTIVE", actors: parties },
  // The work is done: either side ends the contract; entries still under review keep their window.
  COMPLETE: { from: ["ACTIVE", "PAUSED"], to: "COMPLETED", actors: parties },
  // Before it starts, either side may back out; afterwards only staff cancel (with the money in mind).
  CANCEL: { from: ["PENDING"], to: "CANCELLED", actors: parties },
  CANCEL_BY_STAFF: {
    from: ["PENDING", "ACTIVE", "PAUSED"],
    to: "CANCELLED",
    actors: ["STAFF"],
    needsReason: true,
  },
  // A party disagrees on the work as a whole, or a payment dispute arrived (SYSTEM, payments issue).
  DISPUTE: { from: ["ACTIVE", "PAUSED"], to: "DISPUTED", actors: [...parties, "SYSTEM"], needsReason: true },
  RESOLVE_RESUME: { from: ["DISPUTED"], to: "ACTIVE", actors: ["STAFF"], needsReason: true },
  RESOLVE_COMPLETE: { from: ["DISPUTED"], to: "COMPLETED", actors: ["STAFF"], needsReason: true },
  RESOLVE_CANCEL: { from: ["DISPUTED"], to: "CANCELLED", actors: ["STAFF"], needsReason: true },
};

export function checkContractTransition(
  from: ContractStatus,
  event: ContractEvent,
  actor: ContractActor,
  reason?: string | null,
): TransitionCheck<ContractStatus> {
  return checkTransition(contractTransitions[event], from, actor, reason);
}

export const isContractStatus = (value: string): value is ContractStatus => isOneOf(contractStatuses, value);

/** Work is logged only while the contract runs. */
export const contractAcceptsWork = (status: string) => status === "ACTIVE";

export const contractStatusLabels: Record<ContractStatus, string> = {
  PENDING: "En attente d’acceptation",
  ACTIVE: "En cours",
  PAUSED: "En pause",
  COMPLETED: "Terminé",
  CANCELLED: "Annulé",
  DISPUTED: "En litige",
};
