// Moves the accepted proposal to ACCEPTED inside the contract's transaction, through the proposals
// domain's one transition (conditional update + history row, `live` cleared, decidedAt set).
import { transitionProposal } from "#app/domain/proposals/proposal-transition.server";
import type { ProposalActor } from "#app/domain/proposals/proposal-machine";
import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";

export const PROPOSAL_CHANGED_MESSAGE =
  "Cette proposition vient d’être acceptée, retirée ou modifiée : rechargez la page.";

/**
 * Whoever arrives second (double click, two tabs, a withdrawal at the same instant) finds the
 * proposal no longer live: for the person clicking "accept" that is one situation, a CONFLICT
 * with one message, whether the table refused the state or the conditional update lost the race.
 */
export async function markProposalAccepted(
  tx: Tx,
  input: { proposalId: string; actor: { id: string; as: ProposalActor } },
) {
  try {
    await transitionProposal(tx, { proposalId: input.proposalId, event: "ACCEPT", actor: input.actor });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "INVALID_TRANSITION" || error.code === "CONFLICT")) {
      throw new DomainError("CONFLICT", PROPOSAL_CHANGED_MESSAGE);
    }
    throw error;
  }
}
