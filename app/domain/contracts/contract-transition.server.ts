import { transitionMission } from "#app/domain/missions/mission-transition.server";
import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import {
  checkContractTransition,
  contractStatusLabels,
  isContractStatus,
  type ContractActor,
  type ContractEvent,
  type ContractStatus,
} from "./contract-machine";

export type ContractTransitionInput = {
  contractId: string;
  event: ContractEvent;
  /** `id` is null only for SYSTEM transitions without a person behind them (payments, worker). */
  actor: { id: string | null; as: ContractActor };
  reason?: string | null;
};

export const CONTRACT_CHANGED_MESSAGE = "Le contrat vient d’être modifié. Rechargez la page.";
const ended: readonly ContractStatus[] = ["COMPLETED", "CANCELLED"];

function refuse(reason: "WRONG_ACTOR" | "WRONG_STATE" | "REASON_REQUIRED", from: ContractStatus): never {
  if (reason === "WRONG_ACTOR")
    throw new DomainError("FORBIDDEN", "Vous ne pouvez pas effectuer cette action sur ce contrat.");
  if (reason === "REASON_REQUIRED")
    throw new DomainError("VALIDATION", "Indiquez un motif pour cette action.");
  throw new DomainError(
    "INVALID_TRANSITION",
    `Action impossible : le contrat est « ${contractStatusLabels[from]} ».`,
  );
}

/**
 * The one way a contract changes status: checks the transition table, updates only if nobody changed
 * it meanwhile, writes the history row — in the caller's transaction. Whether the actor really is a
 * party or staff is the caller's policy check. A contract cancelled before it started gives its
 * opening back: the mission it filled reopens.
 */
export async function transitionContract(tx: Tx, input: ContractTransitionInput) {
  const contract = await tx.contract.findUnique({
    where: { id: input.contractId },
    select: { id: true, status: true, missionId: true },
  });
  if (!contract || !isContractStatus(contract.status))
    throw new DomainError("NOT_FOUND", "Ce contrat est introuvable.");
  const from = contract.status;
  const check = checkContractTransition(from, input.event, input.actor.as, input.reason);
  if (!check.ok) refuse(check.reason, from);
  const now = new Date();
  const { count } = await tx.contract.updateMany({
    where: { id: contract.id, status: from },
    data: {
      status: check.to,
      ...(input.event === "ACTIVATE" ? { activatedAt: now } : {}),
      ...(ended.includes(check.to) ? { endedAt: now } : {}),
    },
  });
  if (count !== 1) throw new DomainError("CONFLICT", CONTRACT_CHANGED_MESSAGE);
  await tx.contractStatusChange.create({
    data: {
      contractId: contract.id,
      from,
      to: check.to,
      actorId: input.actor.id,
      reason: input.reason?.trim() || null,
    },
  });
  if (from === "PENDING" && check.to === "CANCELLED") await reopenMissionIfRoom(tx, contract.missionId);
  return { contractId: contract.id, from, to: check.to };
}

/** Contracts that hold one of the mission's openings: every one not cancelled. */
export function countHeldOpenings(tx: Tx, missionId: string) {
  return tx.contract.count({ where: { missionId, status: { not: "CANCELLED" } } });
}

async function reopenMissionIfRoom(tx: Tx, missionId: string) {
  const mission = await tx.mission.findUnique({
    where: { id: missionId },
    select: { status: true, openings: true },
  });
  if (mission?.status !== "FILLED") return;
  if ((await countHeldOpenings(tx, missionId)) >= mission.openings) return;
  await transitionMission(tx, { missionId, event: "REOPEN", actor: { id: null, as: "SYSTEM" } });
}
