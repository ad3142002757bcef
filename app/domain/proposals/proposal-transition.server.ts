// The one way a proposal changes status, like transitionMission: the table decides, the update is
// conditional (a double click or a race changes nothing the second time), a history row is written,
// all in the caller's transaction. Whether the actor really is the business or the bidder is the
// caller's policy check.
import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import {
  checkProposalTransition,
  isLiveProposal,
  isProposalOrigin,
  isProposalStatus,
  proposalStatusLabels,
  type ProposalActor,
  type ProposalEvent,
} from "./proposal-machine";

export type ProposalTransitionInput = {
  proposalId: string;
  event: ProposalEvent;
  /** `id` is null for SYSTEM transitions. */
  actor: { id: string | null; as: ProposalActor };
  /** A decline's optional message, kept on the proposal and in the history row. */
  message?: string | null;
  reason?: string | null;
};

export const proposalNotFound = () => new DomainError("NOT_FOUND", "Cette proposition est introuvable.");

export async function transitionProposal(tx: Tx, input: ProposalTransitionInput) {
  const proposal = await tx.proposal.findUnique({
    where: { id: input.proposalId },
    select: { id: true, status: true, origin: true },
  });
  if (!proposal || !isProposalStatus(proposal.status) || !isProposalOrigin(proposal.origin))
    throw proposalNotFound();
  const from = proposal.status;
  const check = checkProposalTransition(proposal.origin, from, input.event, input.actor.as);
  if (!check.ok) {
    if (check.reason === "WRONG_ACTOR")
      throw new DomainError("FORBIDDEN", "Vous ne pouvez pas effectuer cette action sur cette proposition.");
    throw new DomainError(
      "INVALID_TRANSITION",
      `Action impossible : la proposition est « ${proposalStatusLabels[from].toLowerCase()} ».`,
    );
  }
  const message = input.message?.trim() || null;
  const stillLive = isLiveProposal(check.to);
  const { count } = await tx.proposal.updateMany({
    where: { id: proposal.id, status: from },
    data: {
      status: check.to,
      // NULL, not false: the unique index then lets the bidder send a new proposal later.
      live: stillLive ? true : null,
      ...(stillLive ? {} : { decidedAt: new Date() }),
      ...(input.event === "DECLINE" ? { decisionMessage: message } : {}),
    },
  });
  if (count !== 1)
    throw new DomainError("CONFLICT", "La proposition vient d’être modifiée. Rechargez la page.");
  await tx.proposalStatusChange.create({
    data: {
      proposalId: proposal.id,
      from,
      to: check.to,
      actorId: input.actor.id,
      reason: input.reason?.trim() || message,
    },
  });
  return { proposalId: proposal.id, from, to: check.to };
}

/**
 * The mission stopped taking proposals (closed, cancelled, expired, filled): its live proposals
 * expire with it, in the same transaction. Called by transitionMission.
 */
export async function expireLiveProposals(tx: Tx, missionId: string, reason: string) {
  const live = await tx.proposal.findMany({
    where: { missionId, live: true },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const { id } of live) {
    await transitionProposal(tx, {
      proposalId: id,
      event: "EXPIRE",
      actor: { id: null, as: "SYSTEM" },
      reason,
    });
  }
  return live.length;
}
