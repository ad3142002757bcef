import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { expireLiveProposals } from "#app/domain/proposals/proposal-transition.server";
import { enqueueSearchUpdate } from "#search/sync/outbox";
import {
  checkMissionTransition,
  isMissionStatus,
  missionStatusLabels,
  type MissionActor,
  type MissionEvent,
} from "./mission-machine";

const expiryReasons: Partial<Record<string, string>> = {
  FILLED: "Mission pourvue.",
  CLOSED: "Mission fermée aux propositions.",
  CANCELLED: "Mission annulée.",
  EXPIRED: "Date limite des propositions passée.",
};

export type MissionTransitionInput = {
  missionId: string;
  event: MissionEvent;
  /** `id` is null for SYSTEM transitions (worker). */
  actor: { id: string | null; as: MissionActor };
  reason?: string | null;
};

/**
 * The one way a mission changes status: checks the transition table, updates only if nobody changed
 * it meanwhile, writes the history row and queues the search document — in the caller's transaction.
 * Whether the actor really is the owner or staff is the caller's policy check.
 */
export async function transitionMission(tx: Tx, input: MissionTransitionInput) {
  const mission = await tx.mission.findUnique({
    where: { id: input.missionId },
    select: { id: true, status: true },
  });
  if (!mission || !isMissionStatus(mission.status))
    throw new DomainError("NOT_FOUND", "Cette mission est introuvable.");
  const from = mission.status;
  const check = checkMissionTransition(from, input.event, input.actor.as, input.reason);
  if (!check.ok) {
    if (check.reason === "WRONG_ACTOR")
      throw new DomainError("FORBIDDEN", "Vous ne pouvez pas effectuer cette action sur cette mission.");
    if (check.reason === "REASON_REQUIRED")
      throw new DomainError("VALIDATION", "Un motif est obligatoire pour cette décision.");
    throw new DomainError(
      "INVALID_TRANSITION",
      `Action impossible : la mission est « ${missionStatusLabels[from]} ».`,
    );
  }
  const now = new Date();
  const { count } = await tx.mission.updateMany({
    where: { id: mission.id, status: from },
    data: {
      status: check.to,
      ...(input.event === "SUBMIT" ? { submittedAt: now } : {}),
      ...(check.to === "OPEN" ? { publishedAt: now } : {}),
    },
  });
  if (count !== 1) throw new DomainError("CONFLICT", "La mission vient d’être modifiée. Rechargez la page.");
  await tx.missionStatusChange.create({
    data: {
      missionId: mission.id,
      from,
      to: check.to,
      actorId: input.actor.id,
      reason: input.reason?.trim() || null,
    },
  });
  await enqueueSearchUpdate(tx, "missions", mission.id);
  // Leaving OPEN ends the call for proposals. FILL too: the contracts use case accepts its
  // proposal BEFORE filling the mission, so only the others are still live here.
  if (from === "OPEN" && check.to !== "OPEN") {
    await expireLiveProposals(tx, mission.id, expiryReasons[check.to] ?? "Mission fermée aux propositions.");
  }
  return { missionId: mission.id, from, to: check.to };
}
