// The secretary profile's life cycle as a pure transition table: who may do what, from where.
export const profileStatuses = ["DRAFT", "PENDING_REVIEW", "PUBLISHED", "REJECTED", "SUSPENDED"] as const;
export type ProfileStatus = (typeof profileStatuses)[number];

export type ProfileEvent = "SUBMIT" | "APPROVE" | "REJECT" | "SUSPEND" | "REINSTATE" | "UNPUBLISH";
export type ProfileActor = "OWNER" | "STAFF";

type Transition = { from: readonly ProfileStatus[]; to: ProfileStatus; actor: ProfileActor; needsReason?: boolean };

export const profileTransitions: Record<ProfileEvent, Transition> = {
  // The secretary sends her profile to the review queue, first time or after a rejection.
  SUBMIT: { from: ["DRAFT", "REJECTED"], to: "PENDING_REVIEW", actor: "OWNER" },
  APPROVE: { from: ["PENDING_REVIEW"], to: "PUBLISHED", actor: "STAFF" },
  REJECT: { from: ["PENDING_REVIEW"], to: "REJECTED", actor: "STAFF", needsReason: true },
  SUSPEND: { from: ["PENDING_REVIEW", "PUBLISHED"], to: "SUSPENDED", actor: "STAFF", needsReason: true },
  REINSTATE: { from: ["SUSPENDED"], to: "PUBLISHED", actor: "STAFF", needsReason: true },
  // She can take her profile offline at any time; publishing again goes through review.
  UNPUBLISH: { from: ["PUBLISHED", "PENDING_REVIEW"], to: "DRAFT", actor: "OWNER" },
};

export type TransitionCheck =
  | { ok: true; to: ProfileStatus }
  | { ok: false; reason: "WRONG_ACTOR" | "WRONG_STATE" | "REASON_REQUIRED" };

/** Pure: may `actor` apply `event` to a profile in `from`? */
export function checkProfileTransition(
  from: ProfileStatus,
  event: ProfileEvent,
  actor: ProfileActor,
  reason?: string | null,
): TransitionCheck {
  const transition = profileTransitions[event];
  if (transition.actor !== actor) return { ok: false, reason: "WRONG_ACTOR" };
  if (!transition.from.includes(from)) return { ok: false, reason: "WRONG_STATE" };
  if (transition.needsReason && !reason?.trim()) return { ok: false, reason: "REASON_REQUIRED" };
  return { ok: true, to: transition.to };
}

export const profileStatusLabels: Record<ProfileStatus, string> = {
  DRAFT: "Brouillon",
  PENDING_REVIEW: "En attente de validation",
  PUBLISHED: "Publié",
  REJECTED: "Refusé",
  SUSPENDED: "Suspendu",
};

export function isProfileStatus(value: string): value is ProfileStatus {
  return (profileStatuses as readonly string[]).includes(value);
}
