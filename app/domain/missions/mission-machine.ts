// The mission's life cycle as a pure transition table: who may do what, from where (DESIGN.md §3).
export const missionStatuses = ["DRAFT", "PENDING_REVIEW", "OPEN", "FILLED", "CLOSED", "CANCELLED", "EXPIRED"] as const;
export type MissionStatus = (typeof missionStatuses)[number];

export type MissionEvent =
  | "SUBMIT"
  | "APPROVE"
  | "REQUEST_CHANGES"
  | "OPEN_FOR_OFFER"
  | "FILL"
  | "REOPEN"
  | "CLOSE"
  | "CANCEL"
  | "EXPIRE";
/** OWNER: a member of the business that posted it. SYSTEM: the worker or another use case. */
export type MissionActor = "OWNER" | "STAFF" | "SYSTEM";

type Transition = { from: readonly MissionStatus[]; to: MissionStatus; actor: MissionActor; needsReason?: boolean };

export const missionTransitions: Record<MissionEvent, Transition> = {
  SUBMIT: { from: ["DRAFT"], to: "PENDING_REVIEW", actor: "OWNER" },
  APPROVE: { from: ["PENDING_REVIEW"], to: "OPEN", actor: "STAFF" },
  // Staff send it back with what to change; the business edits and submits again.
  REQUEST_CHANGES: { from: ["PENDING_REVIEW"], to: "DRAFT", actor: "STAFF", needsReason: true },
  // A direct offer to one secretary: the invite-only mission it creates is never listed publicly,
  // so it opens without the review queue (the offers use case).
  OPEN_FOR_OFFER: { from: ["DRAFT"], to: "OPEN", actor: "SYSTEM" },
  // A contract was signed for the one secretary it needed (the contracts use case).
  FILL: { from: ["OPEN"], to: "FILLED", actor: "SYSTEM" },
  // The contract that filled it was cancelled before it started: proposals are welcome again.
  REOPEN: { from: ["FILLED"], to: "OPEN", actor: "SYSTEM" },
  // The business stops taking proposals.
  CLOSE: { from: ["OPEN"], to: "CLOSED", actor: "OWNER" },
  CANCEL: { from: ["DRAFT", "PENDING_REVIEW", "OPEN"], to: "CANCELLED", actor: "OWNER" },
  // The proposal deadline passed with nobody hired (the worker).
  EXPIRE: { from: ["OPEN"], to: "EXPIRED", actor: "SYSTEM" },
};

export type MissionTransitionCheck =
  | { ok: true; to: MissionStatus }
  | { ok: false; reason: "WRONG_ACTOR" | "WRONG_STATE" | "REASON_REQUIRED" };

/** Pure: may `actor` apply `event` to a mission in `from`? */
export function checkMissionTransition(
  from: MissionStatus,
  event: MissionEvent,
  actor: MissionActor,
  reason?: string | null,
): MissionTransitionCheck {
  const transition = missionTransitions[event];
  if (transition.actor !== actor) return { ok: false, reason: "WRONG_ACTOR" };
  if (!transition.from.includes(from)) return { ok: false, reason: "WRONG_STATE" };
  if (transition.needsReason && !reason?.trim()) return { ok: false, reason: "REASON_REQUIRED" };
  return { ok: true, to: transition.to };
}

export const missionStatusLabels: Record<MissionStatus, string> = {
  DRAFT: "Brouillon",
  PENDING_REVIEW: "En attente de validation",
  OPEN: "Ouverte aux propositions",
  FILLED: "Pourvue",
  CLOSED: "Fermée",
  CANCELLED: "Annulée",
  EXPIRED: "Expirée",
};

export function isMissionStatus(value: string): value is MissionStatus {
  return (missionStatuses as readonly string[]).includes(value);
}
