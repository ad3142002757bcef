// The one way an entry or a milestone changes review status: checks the work-review table, then
// updates only if nobody changed it meanwhile (WHERE status = from), in the caller's transaction.
// The record's own columns (submittedAt, reviewedAt, reviewedById, autoApproved, disputeReason)
// are its history: the schema has no separate history table for work records.
import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import {
  checkWorkTransition,
  isWorkStatus,
  workStatusLabels,
  type WorkActor,
  type WorkEvent,
  type WorkStatus,
} from "./work-review-machine";

export type WorkKind = "ENTRY" | "MILESTONE";
export const WORK_CHANGED_MESSAGE = "Ce travail vient d’être traité. Rechargez la page.";

export type WorkTransitionInput = {
  kind: WorkKind;
  id: string;
  from: string;
  event: WorkEvent;
  /** `id` is null for the worker (SYSTEM). */
  actor: { id: string | null; as: WorkActor };
  reason?: string | null;
  deliveryNote?: string | null;
  now: Date;
};

function refuse(reason: "WRONG_ACTOR" | "WRONG_STATE" | "REASON_REQUIRED", from: WorkStatus): never {
  if (reason === "WRONG_ACTOR")
    throw new DomainError("FORBIDDEN", "Vous ne pouvez pas effectuer cette action sur ce travail.");
  if (reason === "REASON_REQUIRED")
    throw new DomainError("VALIDATION", "Indiquez le motif de la contestation.");
  throw new DomainError(
    "INVALID_TRANSITION",
    `Action impossible : ce travail est « ${workStatusLabels[from]} ».`,
  );
}

function dataFor(input: WorkTransitionInput, to: WorkStatus) {
  const { event, actor, now } = input;
  if (event === "APPROVE" || event === "AUTO_APPROVE")
    return { status: to, reviewedAt: now, reviewedById: actor.id, autoApproved: event === "AUTO_APPROVE" };
  if (event === "DISPUTE")
    return { status: to, reviewedAt: now, reviewedById: actor.id, disputeReason: input.reason!.trim() };
  // SUBMIT / RESUBMIT: a new review window from now.
  const delivery =
    input.kind === "MILESTONE"
      ? { submittedById: actor.id, deliveryNote: input.deliveryNote?.trim() || null }
      : {};
  return { status: to, submittedAt: now, reviewedAt: null, reviewedById: null, ...delivery };
}

export async function transitionWork(tx: Tx, input: WorkTransitionInput) {
  if (!isWorkStatus(input.from)) throw new DomainError("NOT_FOUND", "Ce travail est introuvable.");
  const check = checkWorkTransition(input.from, input.event, input.actor.as, input.reason);
  if (!check.ok) refuse(check.reason, input.from);
  const where = { id: input.id, status: input.from };
  const data = dataFor(input, check.to);
  const { count } =
    input.kind === "ENTRY"
      ? await tx.workEntry.updateMany({ where, data })
      : await tx.milestone.updateMany({ where, data });
  if (count !== 1) throw new DomainError("CONFLICT", WORK_CHANGED_MESSAGE);
  return { id: input.id, from: input.from, to: check.to };
}
