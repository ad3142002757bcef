// The legal identities the demo payees' invoices are issued under (payments: the platform invoices
// in their name under the billing mandate, and a month is not closed for a payee without one).
// Claire Morel and Émilie Garnier are sole traders without VAT; the agency is a company with a VAT
// number. The businesses' own details (legal name, SIRET, address) are on their organisations.
// No Stripe object here: the payout accounts are created when each payee onboards.
import type { SeedContext } from "./context";
import { addDays } from "./context";
import { demoAccounts } from "./demo-accounts";
import { demoCompanyNumbers } from "./demo-plan";
import type { InvoicingIdentityRow, SeedPlan } from "./plan-types";
import { agencyOf } from "./seed-parties";

type Identity = Pick<
  InvoicingIdentityRow,
  "legalName" | "siret" | "vatNumber" | "vatExempt" | "addressLine" | "postcode" | "commune"
>;

const soleTraders: { email: string; identity: Identity }[] = [
  {
    email: demoAccounts.secretaire.email,
    identity: {
      legalName: "Claire Morel EI",
      siret: demoCompanyNumbers.claire.siret,
      vatNumber: null,
      vatExempt: true,
      addressLine: "18 rue Oberkampf",
      postcode: "75011",
      commune: "Paris",
    },
  },
  {
    email: demoAccounts.remplacante.email,
    identity: {
      legalName: "Émilie Garnier EI",
      siret: demoCompanyNumbers.remplacante.siret,
      vatNumber: null,
      vatExempt: true,
      addressLine: "42 avenue Daumesnil",
      postcode: "75012",
      commune: "Paris",
    },
  },
];

export function addDemoInvoicingIdentities(ctx: SeedContext, plan: SeedPlan): void {
  const at = addDays(ctx.now, -40);
  const row = (owner: Pick<InvoicingIdentityRow, "userId" | "organizationId">, identity: Identity) =>
    plan.invoicingIdentities.push({
      id: ctx.random.uuid(),
      ...owner,
      ...identity,
      createdAt: at,
      updatedAt: at,
    });
  for (const { email, identity } of soleTraders) {
    const user = plan.users.find((candidate) => candidate.email === email)!;
    row({ userId: user.id, organizationId: null }, identity);
  }
  const agency = plan.organizations.find((organization) => organization.id === agencyOf(plan).id)!;
  row(
    { userId: null, organizationId: agency.id },
    {
      legalName: agency.legalName,
      siret: agency.siret,
      vatNumber: agency.vatNumber,
      vatExempt: false,
      addressLine: agency.addressLine,
      postcode: agency.postcode,
      commune: agency.commune,
    },
  );
}
