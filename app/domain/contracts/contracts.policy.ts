// Who may read and act on a contract. Pure: the caller gives the viewer's memberships and staff role
// (read from the database) and the contract's parties. Other domains (work, statements) reuse
// contractViewerRole to authorize their pages the same way.

/** `businessIds`: BUSINESS organisations where the viewer is a member; `ownedAgencyIds`: agencies she owns. */
export type ContractViewer = {
  id: string;
  role: string;
  businessIds: readonly string[];
  ownedAgencyIds: readonly string[];
} | null;

export type ContractPartyFacts = {
  organizationId: string;
  agencyId: string | null;
  providerUserId: string;
  assignees: readonly { userId: string; cancelledAt: Date | null }[];
};

export type ContractViewerRole = "BUSINESS" | "PROVIDER" | "ASSIGNEE" | "STAFF";

export function isStaffRole(role: string): boolean {
  return role === "MODERATOR" || role === "ADMIN";
}

/** The business side: any member of the hiring organisation. */
export function isBusinessSide(viewer: ContractViewer, contract: Pick<ContractPartyFacts, "organizationId">) {
  return viewer !== null && viewer.businessIds.includes(contract.organizationId);
}

/** The provider side: the secretary (or agency member) who signed, or the owner of the hired agency. */
export function isProviderSide(
  viewer: ContractViewer,
  contract: Pick<ContractPartyFacts, "agencyId" | "providerUserId">,
) {
  if (viewer === null) return false;
  if (viewer.id === contract.providerUserId) return true;
  return contract.agencyId !== null && viewer.ownedAgencyIds.includes(contract.agencyId);
}

export function isLiveAssignee(viewer: ContractViewer, contract: Pick<ContractPartyFacts, "assignees">) {
  return viewer !== null && contract.assignees.some((a) => a.userId === viewer.id && a.cancelledAt === null);
}

/**
 * How the viewer relates to the contract, strongest first; null means "not yours" (404). A party's
 * role wins over staff so a staff member who is also a party acts as that party.
 */
export function contractViewerRole(
  viewer: ContractViewer,
  contract: ContractPartyFacts,
): ContractViewerRole | null {
  if (viewer === null) return null;
  if (isBusinessSide(viewer, contract)) return "BUSINESS";
  if (isProviderSide(viewer, contract)) return "PROVIDER";
  if (isLiveAssignee(viewer, contract)) return "ASSIGNEE";
  if (isStaffRole(viewer.role)) return "STAFF";
  return null;
}

/** Parties act on the contract (accept, pause, complete…); assignees and staff only read it here. */
export const isContractParty = (role: ContractViewerRole | null): role is "BUSINESS" | "PROVIDER" =>
  role === "BUSINESS" || role === "PROVIDER";
