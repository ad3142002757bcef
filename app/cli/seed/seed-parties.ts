// Who the seeded marketplace rows involve, found in the plan without drawing from any random
// stream: the demo accounts, the agency and its members, the first generated businesses and the
// published independent secretaries (nearest first when a place matters).
import { distanceKm } from "#app/domain/geo/distance";
import { demoAccounts } from "./demo-accounts";
import { ownerOf, type Owner } from "./demo-missions";
import type { OrganizationRow, ProfileRow, SeedPlan } from "./plan-types";

export type Person = { userId: string; displayName: string };

export function personOf(plan: SeedPlan, userId: string): Person {
  const user = plan.users.find((candidate) => candidate.id === userId);
  if (!user) throw new Error(`Utilisateur introuvable : ${userId}`);
  return { userId, displayName: user.displayName };
}

const byEmail = (plan: SeedPlan, email: string) =>
  personOf(plan, plan.users.find((u) => u.email === email)!.id);

export function agencyOf(plan: SeedPlan) {
  const organization = plan.organizations.find((o) => o.kind === "AGENCY")!;
  const members = plan.memberships.filter((m) => m.organizationId === organization.id);
  return {
    id: organization.id,
    name: organization.name,
    owner: personOf(plan, members.find((m) => m.role === "OWNER")!.userId),
    members: members.filter((m) => m.role === "MEMBER").map((m) => personOf(plan, m.userId)),
  };
}

const demoEmails = new Set<string>(Object.values(demoAccounts).map((account) => account.email));

export function generatedBusinesses(plan: SeedPlan): { owner: Owner; sector: OrganizationRow["sector"] }[] {
  return plan.organizations
    .filter((o) => o.kind === "BUSINESS")
    .map((organization) => {
      const membership = plan.memberships.find((m) => m.organizationId === organization.id)!;
      return { organization, ownerId: membership.userId };
    })
    .filter(({ ownerId }) => !demoEmails.has(plan.users.find((u) => u.id === ownerId)!.email))
    .map((owner) => ({ owner, sector: owner.organization.sector }));
}

/** Published independent secretaries of the generated population, in plan order. */
export function independentSecretaries(plan: SeedPlan): ProfileRow[] {
  const demoIds = new Set(plan.users.filter((u) => demoEmails.has(u.email)).map((u) => u.id));
  return plan.profiles.filter(
    (p) => p.status === "PUBLISHED" && p.agencyId === null && !demoIds.has(p.userId),
  );
}

export function nearest(
  profiles: ProfileRow[],
  place: { latitude: number; longitude: number },
): ProfileRow[] {
  const km = (p: ProfileRow) => distanceKm({ latitude: p.baseLatitude, longitude: p.baseLongitude }, place);
  return [...profiles].sort((a, b) => km(a) - km(b) || a.id.localeCompare(b.id));
}

export function demoParties(plan: SeedPlan) {
  return {
    cabinet: ownerOf(plan, demoAccounts.cabinet.email),
    artisan: ownerOf(plan, demoAccounts.artisan.email),
    claire: byEmail(plan, demoAccounts.secretaire.email),
    agency: agencyOf(plan),
  };
}
