// Reads a contract for a work use case and says how the actor relates to it. A contract the actor
// has no part in is "not found" (404), so its existence is not revealed.
import { contractViewerRole, type ContractViewerRole } from "#app/domain/contracts/contracts.policy";
import type { db, Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { NOT_BUSINESS_MESSAGE } from "./work.policy";
import { findContractForWork, findWorkViewer, type WorkContract } from "./work.repo.server";

export const contractNotFound = () => new DomainError("NOT_FOUND", "Ce contrat est introuvable.");

export type WorkContext = { contract: WorkContract; role: ContractViewerRole; actorId: string };

export async function loadWorkContext(
  client: Tx | typeof db,
  actorId: string,
  contractId: string,
): Promise<WorkContext> {
  // Both reads through `client`: inside a transaction, a query on `db` would wait for it to end.
  const viewer = await findWorkViewer(client, actorId);
  const contract = await findContractForWork(client, contractId);
  if (!contract) throw contractNotFound();
  const role = contractViewerRole(viewer, contract);
  if (role === null) throw contractNotFound();
  return { contract, role, actorId };
}

/** Only a member of the hiring business approves or disputes. */
export function requireBusiness(context: WorkContext) {
  if (context.role !== "BUSINESS") throw new DomainError("FORBIDDEN", NOT_BUSINESS_MESSAGE);
}
