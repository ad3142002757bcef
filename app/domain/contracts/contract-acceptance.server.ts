// Both sides accept the contract's terms; the provider also grants the billing mandate. The second
// acceptance activates the contract (ACTIVATE by SYSTEM) in the same transaction.
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { requireContractAccess } from "./contract-access.server";
import { asWriteConflict } from "./contract-conflicts.server";
import { transitionContract } from "./contract-transition.server";
import { isBusinessSide } from "./contracts.policy";

export const MANDATE_REQUIRED_MESSAGE =
  "Cochez l’autorisation de facturation : sans ce mandat, Permanence ne peut pas émettre vos factures.";
export const NOT_PENDING_MESSAGE = "Ce contrat n’attend plus d’acceptation.";

type Side = "BUSINESS" | "PROVIDER";
export type AcceptTermsResult =
  | { ok: true; side: Side; alreadyAccepted: boolean; activated: boolean }
  /** The provider did not tick the mandate: a form error, nothing written. */
  | { ok: false; formError: string };

/**
 * The business side is any member of the hiring organisation; the provider side is the person who
 * signs for the provider (Contract.providerUserId: the secretary, or the agency's owner). Assignees
 * and staff do not accept.
 */
export async function acceptContractTerms(input: {
  actorId: string;
  contractId: string;
  mandateAccepted?: boolean;
}): Promise<AcceptTermsResult> {
  try {
    return await db.$transaction(async (tx) => {
      const { viewer, contract } = await requireContractAccess(input, tx);
      const side: Side | null = isBusinessSide(viewer, contract)
        ? "BUSINESS"
        : contract.providerUserId === viewer.id
          ? "PROVIDER"
          : null;
      if (!side)
        throw new DomainError("FORBIDDEN", "Seules les deux parties signataires acceptent le contrat.");
      if (side === "PROVIDER" && !input.mandateAccepted)
        return { ok: false, formError: MANDATE_REQUIRED_MESSAGE };
      const recorded = await recordAcceptance(tx, contract.id, side, viewer.id);
      if (!recorded) return { ok: true, side, alreadyAccepted: true, activated: false };
      return {
        ok: true,
        side,
        alreadyAccepted: false,
        activated: await activateIfBothAccepted(tx, contract.id, viewer.id),
      };
    });
  } catch (error) {
    throw asWriteConflict(error);
  }
}

/** Conditional on PENDING and on this side not having accepted: a double click writes nothing. */
async function recordAcceptance(tx: Tx, contractId: string, side: Side, actorId: string): Promise<boolean> {
  const now = new Date();
  const data =
    side === "BUSINESS"
      ? { businessAcceptedAt: now, businessAcceptedById: actorId }
      : { providerAcceptedAt: now, providerAcceptedById: actorId, mandateAcceptedAt: now };
  const already = side === "BUSINESS" ? { businessAcceptedAt: null } : { providerAcceptedAt: null };
  const { count } = await tx.contract.updateMany({
    where: { id: contractId, status: "PENDING", ...already },
    data,
  });
  if (count === 1) return true;
  const current = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { businessAcceptedAt: true, providerAcceptedAt: true },
  });
  const accepted = side === "BUSINESS" ? current.businessAcceptedAt : current.providerAcceptedAt;
  if (accepted) return false; // this side already accepted: same outcome, nothing to write
  throw new DomainError("CONFLICT", NOT_PENDING_MESSAGE);
}

async function activateIfBothAccepted(tx: Tx, contractId: string, actorId: string): Promise<boolean> {
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { status: true, businessAcceptedAt: true, providerAcceptedAt: true, mandateAcceptedAt: true },
  });
  if (contract.status !== "PENDING") return false;
  if (!contract.businessAcceptedAt || !contract.providerAcceptedAt || !contract.mandateAcceptedAt)
    return false;
  // The person whose acceptance completed the pair is recorded; the event itself is the system's.
  await transitionContract(tx, { contractId, event: "ACTIVATE", actor: { id: actorId, as: "SYSTEM" } });
  return true;
}
