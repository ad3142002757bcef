// Who may edit an organisation: a pure check on the account kind. The repository then looks for
// an OWNER membership in an organisation of that kind, so a MEMBER (a colleague, an agency
// secretary) or a secretary or staff account never reaches the form.
import type { OrganizationKind } from "./organizations.schema";

/** The organisation kind each user kind owns; secretaries and staff own none. */
const ownedKindByUserKind: Partial<Record<string, OrganizationKind>> = {
  BUSINESS: "BUSINESS",
  AGENCY_OWNER: "AGENCY",
};

export function ownedOrganizationKind(userKind: string): OrganizationKind | null {
  return ownedKindByUserKind[userKind] ?? null;
}
