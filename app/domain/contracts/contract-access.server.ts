// Loads who the viewer is and how she relates to a contract, for every contract read and write.
// Other domains (work records, statements) call requireContractAccess to authorize their pages.
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { contractViewerRole, type ContractViewer, type ContractViewerRole } from "./contracts.policy";

export const contractNotFound = () => new DomainError("NOT_FOUND", "Ce contrat est introuvable.");

/** The viewer as contracts.policy sees her; null for an unknown user id. */
export async function loadContractViewer(userId: string, client: Tx = db): Promise<ContractViewer> {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      memberships: { select: { role: true, organization: { select: { id: true, kind: true } } } },
    },
  });
  if (!user) return null;
  const ofKind = (kind: string) => user.memberships.filter((m) => m.organization.kind === kind);
  return {
    id: user.id,
    role: user.role,
    businessIds: ofKind("BUSINESS").map((m) => m.organization.id),
    ownedAgencyIds: ofKind("AGENCY")
      .filter((m) => m.role === "OWNER")
      .map((m) => m.organization.id),
  };
}

const partySelect = {
  id: true,
  status: true,
  organizationId: true,
  agencyId: true,
  providerUserId: true,
  assignees: { select: { userId: true, cancelledAt: true } },
} as const;

export type ContractAccess = {
  viewer: NonNullable<ContractViewer>;
  role: ContractViewerRole;
  contract: {
    id: string;
    status: string;
    organizationId: string;
    agencyId: string | null;
    providerUserId: string;
  };
};

/** NOT_FOUND for anyone who is not a party, an assignee or staff: a stranger learns nothing. */
export async function requireContractAccess(
  { actorId, contractId }: { actorId: string; contractId: string },
  client: Tx = db,
): Promise<ContractAccess> {
  const [viewer, contract] = await Promise.all([
    loadContractViewer(actorId, client),
    client.contract.findUnique({ where: { id: contractId }, select: partySelect }),
  ]);
  const role = viewer && contract ? contractViewerRole(viewer, contract) : null;
  if (!viewer || !contract || !role) throw contractNotFound();
  const { assignees: _assignees, ...facts } = contract;
  return { viewer, role, contract: facts };
}
