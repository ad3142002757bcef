// Who may edit an organisation: pure checks on what the session and the membership say.
import type { OrganizationKind } from "./organizations.schema";

/** The organisation kind each user kind owns; secretaries and staff own none. */
const ownedKindByUserKind: Partial<Record<string, OrganizationKind>> = {
  BUSINESS: "BUSINESS",
  AGENCY_OWNER: "AGENCY",
};

export function ownedOrganizationKind(userKind: string): OrganizationKind | null {
  return ownedKindByUserKind[userKind] ?? null;
}

/**
 * Only the OWNER of an organisation of the kind matching her account edits it: a MEMBER (a
 * colleague, an agency secretary) reads what concerns her elsewhere but changes nothing here.
 */
export function canManageOrganization(
  userKind: string,
  membership: { role: string; organization: { kind: string } } | null,
): boolean {
  const kind = ownedOrganizationKind(userKind);
  return !!kind && membership?.role === "OWNER" && membership.organization.kind === kind;
}
