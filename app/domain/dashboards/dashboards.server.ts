// /tableau-de-bord: one call that decides, from the viewer's own account and memberships, which
// sections to build. Nothing the request carries widens the scope.
import { DomainError } from "#app/lib/domain-error";
import { loadBusinessDashboard } from "./business-dashboard.server";
import type { Dashboard } from "./dashboards.schema";
import { findViewer } from "./dashboards.repo.server";
import { loadAgencyDashboard, loadSecretaryDashboard } from "./provider-dashboard.server";

export async function loadDashboard(input: { actorId: string; now?: Date }): Promise<Dashboard> {
  const viewer = await findViewer(input.actorId);
  if (!viewer) throw new DomainError("UNAUTHENTICATED", "Connectez-vous pour voir votre tableau de bord.");
  const organizations = (kind: string, roles: string[]) =>
    viewer.memberships
      .filter((m) => m.organization.kind === kind && roles.includes(m.role))
      .map(({ organization }) => ({ id: organization.id, name: organization.name }));
  const businesses = organizations("BUSINESS", ["OWNER", "MEMBER"]);
  // Only the agency's owner sees the agency's figures; a member sees her own work.
  const agency = organizations("AGENCY", ["OWNER"])[0] ?? null;
  const isSecretary = viewer.kind === "SECRETARY";
  const [business, secretary, agencyDashboard] = await Promise.all([
    businesses.length > 0 ? loadBusinessDashboard(businesses) : null,
    isSecretary ? loadSecretaryDashboard(viewer.id, input.now ?? new Date()) : null,
    agency ? loadAgencyDashboard(agency) : null,
  ]);
  return {
    displayName: viewer.displayName,
    business,
    secretary,
    agency: agencyDashboard,
    staff: viewer.role === "MODERATOR" || viewer.role === "ADMIN",
  };
}
