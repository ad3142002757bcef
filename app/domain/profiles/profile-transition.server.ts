import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { enqueueSearchUpdate } from "#search/sync/outbox";
import {
  checkProfileTransition,
  isProfileStatus,
  profileStatusLabels,
  type ProfileActor,
  type ProfileEvent,
  type ProfileStatus,
} from "./profile-machine";

export type ProfileTransitionInput = {
  profileId: string;
  event: ProfileEvent;
  actor: { id: string; as: ProfileActor };
  reason?: string | null;
};

const refusals = {
  WRONG_ACTOR: () => new DomainError("FORBIDDEN", "Vous ne pouvez pas effectuer cette action sur ce profil."),
  REASON_REQUIRED: () => new DomainError("VALIDATION", "Un motif est obligatoire pour cette décision."),
  WRONG_STATE: (from: ProfileStatus) =>
    new DomainError("INVALID_TRANSITION", `Action impossible : le profil est « ${profileStatusLabels[from]} ».`),
};

/**
 * The one way a profile changes status: checks the transition table, updates the status only if
 * nobody changed it meanwhile, and writes the history row and the search outbox row — inside the
 * caller's transaction.
 * Who the actor is (owner or staff) is decided by the caller's policy check.
 */
export async function transitionProfile(tx: Tx, input: ProfileTransitionInput) {
  const profile = await tx.secretaryProfile.findUnique({
    where: { id: input.profileId },
    select: { id: true, status: true, userId: true },
  });
  if (!profile || !isProfileStatus(profile.status)) throw new DomainError("NOT_FOUND", "Ce profil est introuvable.");
  const from = profile.status;
  const check = checkProfileTransition(from, input.event, input.actor.as, input.reason);
  if (!check.ok) throw check.reason === "WRONG_STATE" ? refusals.WRONG_STATE(from) : refusals[check.reason]();

  const now = new Date();
  const { count } = await tx.secretaryProfile.updateMany({
    where: { id: profile.id, status: from },
    data: {
      status: check.to,
      ...(input.event === "SUBMIT" ? { submittedAt: now } : {}),
      ...(check.to === "PUBLISHED" ? { publishedAt: now } : {}),
    },
  });
  if (count !== 1) throw new DomainError("CONFLICT", "Le profil vient d’être modifié. Rechargez la page.");
  await tx.profileStatusChange.create({
    data: { profileId: profile.id, from, to: check.to, actorId: input.actor.id, reason: input.reason?.trim() || null },
  });
  // Publication adds the search document, leaving PUBLISHED removes it: same transaction.
  await enqueueSearchUpdate(tx, "secretaries", profile.id);
  return { profileId: profile.id, userId: profile.userId, from, to: check.to };
}
