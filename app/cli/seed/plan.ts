// The whole seed as plain rows. Separate random streams for the demo accounts, the secretaries,
// the businesses and the missions: asking for more secretaries does not change the businesses, and
// adding missions changed none of the accounts, slugs or ids seeded before them.
import { buildBusiness } from "./businesses";
import type { SeedContext } from "./context";
import { addDemoContracts } from "./demo-contracts";
import { addDemoInvoicingIdentities } from "./demo-invoicing";
import { addDemoMissions } from "./demo-missions";
import { addDemoProposals } from "./demo-proposals";
import { addDemoAccounts, addSecretary } from "./demo-plan";
import { addGeneratedMissions, type MissionOwner } from "./missions";
import { placePicker } from "./places";
import { emptyPlan, type SeedPlan } from "./plan-types";
import { Random } from "./random";
import { buildSecretary } from "./secretaries";

export type PlanOptions = {
  /** Generated secretaries, on top of the demo accounts. */
  secretaries?: number;
  /** Generated businesses, on top of the demo accounts. */
  businesses?: number;
  /** Reference date for every "N days ago"; pass a fixed one to compare plans. */
  now?: Date;
  seed?: number;
};

export const defaultPlanOptions = { secretaries: 120, businesses: 25, seed: 20261126 } as const;

export function buildSeedPlan(options: PlanOptions = {}): SeedPlan {
  const seed = options.seed ?? defaultPlanOptions.seed;
  const shared = {
    now: options.now ?? new Date(),
    slugs: new Set<string>(),
    emails: new Set<string>(),
    moderatorId: "",
  };
  const stream = (n: number): SeedContext => ({
    ...shared,
    random: new Random(seed * 16 + n),
    nextPlace: placePicker(new Random(seed * 16 + n + 8)),
  });
  const plan = emptyPlan();
  shared.moderatorId = addDemoAccounts(stream(1), plan);

  const secretaries = stream(2);
  for (let i = 0; i < (options.secretaries ?? defaultPlanOptions.secretaries); i++) {
    addSecretary(plan, buildSecretary(secretaries));
  }
  const businesses = stream(3);
  const owners: MissionOwner[] = [];
  for (let i = 0; i < (options.businesses ?? defaultPlanOptions.businesses); i++) {
    const rows = buildBusiness(businesses);
    plan.users.push(rows.user);
    plan.organizations.push(rows.organization);
    plan.memberships.push(rows.membership);
    owners.push({ organization: rows.organization, ownerId: rows.user.id });
  }
  addDemoMissions(stream(4), plan);
  addGeneratedMissions(stream(5), plan, owners);
  // The marketplace loop on top: contract missions (6), contracts and work (7), bids, offers and pledges (9).
  addDemoContracts(stream(6), stream(7), plan);
  addDemoProposals(stream(9), plan);
  // The payees' invoicing identities (10): the demo months can be invoiced as soon as the server runs.
  addDemoInvoicingIdentities(stream(10), plan);
  return plan;
}
