// Accepting a proposal (the business) or a direct offer (the secretary) creates the contract.
// Placeholder laid down with the data model: the contracts work replaces these bodies.
import { DomainError } from "#app/lib/domain-error";

export type AcceptResult = { contractId: string };

/** The business accepts a BID: one transaction creates the contract (see contracts/README.md). */
export async function acceptProposal(_input: { actorId: string; proposalId: string }): Promise<AcceptResult> {
  throw new DomainError("CONFLICT", "L’acceptation des propositions arrive bientôt.");
}

/** The secretary (or the agency) accepts a direct OFFER: same contract creation, other actor. */
export async function acceptOffer(_input: { actorId: string; proposalId: string }): Promise<AcceptResult> {
  throw new DomainError("CONFLICT", "L’acceptation des offres arrive bientôt.");
}
