// Rows for the fixed demo accounts (see demo-accounts.ts). Their choices are pinned here; what
// is left (dates, texts, ids) still comes from the seeded stream, so it is stable too.
import { isValidSiret, vatMatchesSiret } from "#app/domain/organizations/identifiers";
import { buildBusiness, type BusinessSpec } from "./businesses";
import { companyNumbers } from "./company-numbers";
import { addDays, dayFrom, type SeedContext } from "./context";
import { demoAccounts as accounts } from "./demo-accounts";
import { placeAt } from "./places";
import type { SeedPlan, UserRow } from "./plan-types";
import { buildSecretary, type SecretaryRows, type SecretarySpec } from "./secretaries";

/** Pinned numbers, checked when the module loads so a typo cannot reach the database. */
function checkedNumbers(sirenBody: string, nicBody: string) {
  const numbers = companyNumbers(sirenBody, nicBody);
  if (!isValidSiret(numbers.siret) || !vatMatchesSiret(numbers.vatNumber, numbers.siret)) {
    throw new Error(`Numéros de démonstration invalides : ${numbers.siret}`);
  }
  return numbers;
}

export const demoCompanyNumbers = {
  cabinet: checkedNumbers("81245307", "0001"),
  artisan: checkedNumbers("52318764", "0002"),
  agence: checkedNumbers("89031542", "0001"),
  // Sole traders (EI): the SIRET of their own business, no VAT (franchise en base).
  claire: checkedNumbers("84312967", "0001"),
  remplacante: checkedNumbers("90127436", "0001"),
};

function staffUser(
  ctx: SeedContext,
  account: { email: string; displayName: string },
  role: "MODERATOR" | "ADMIN",
): UserRow {
  const createdAt = addDays(ctx.now, -600);
  ctx.emails.add(account.email);
  return {
    id: ctx.random.uuid(),
    email: account.email,
    displayName: account.displayName,
    kind: "STAFF",
    role,
    emailVerifiedAt: createdAt,
    createdAt,
    updatedAt: createdAt,
  };
}

const person = (firstName: string, lastName: string) => ({ firstName, lastName, gender: "f" as const });

const businessSpecs: BusinessSpec[] = [
  {
    kind: "BUSINESS",
    person: person("Hélène", "Vasseur"),
    email: accounts.cabinet.email,
    slug: "cabinet-medical-des-tilleuls",
    sector: "MEDICAL",
    name: accounts.cabinet.organization,
    legalName: "SCM Cabinet médical des Tilleuls",
    numbers: demoCompanyNumbers.cabinet,
    place: placeAt("69006", "Lyon 6e Arrondissement"),
    addressLine: "12 rue Tronchet",
  },
  {
    kind: "BUSINESS",
    person: { firstName: "Marc", lastName: "Guérin", gender: "m" },
    email: accounts.artisan.email,
    slug: "plomberie-guerin-et-fils",
    sector: "CONSTRUCTION",
    name: accounts.artisan.organization,
    legalName: "SARL Plomberie Guérin et Fils",
    numbers: demoCompanyNumbers.artisan,
    place: placeAt("44000", "Nantes"),
    addressLine: "7 rue du Moulin",
  },
];

const agencySpec: BusinessSpec = {
  kind: "AGENCY",
  person: person("Nathalie", "Roux"),
  email: accounts.agence.email,
  slug: "telesecretariat-provence",
  sector: "SERVICES",
  name: accounts.agence.organization,
  legalName: "SAS Télésecrétariat Provence",
  numbers: demoCompanyNumbers.agence,
  place: placeAt("13006", "Marseille 6e Arrondissement"),
  addressLine: "25 rue Paradis",
};

function secretarySpecs(agency: { id: string; name: string }): SecretarySpec[] {
  return [
    {
      person: person("Claire", "Morel"),
      email: accounts.secretaire.email,
      slug: accounts.secretaire.slug,
      status: "PUBLISHED",
      archetypeKey: "medical",
      place: placeAt("75011", "Paris 11e Arrondissement"),
      radiusKm: 15,
      verified: true,
      years: 12,
      headline: "Secrétaire médicale indépendante — 12 ans d’expérience, Doctolib",
      skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING", "AGENDA_MANAGEMENT", "FILE_UPDATES"],
      software: ["DOCTOLIB", "GOOGLE_CALENDAR"],
    },
    {
      person: person("Inès", "Benali"),
      email: accounts.nouvelle.email,
      slug: accounts.nouvelle.slug,
      status: "PENDING_REVIEW",
      archetypeKey: "general",
      place: placeAt("33000", "Bordeaux"),
      radiusKm: null,
    },
    {
      person: person("Laura", "Fabre"),
      email: accounts.membre.email,
      slug: accounts.membre.slug,
      status: "PUBLISHED",
      archetypeKey: "medical",
      place: placeAt("13290", "Aix-en-Provence"),
      radiusKm: null,
      agency,
      software: ["DOCTOLIB", "OUTLOOK"],
    },
    {
      person: person("Sandrine", "Giraud"),
      email: accounts.membre2.email,
      slug: accounts.membre2.slug,
      status: "PUBLISHED",
      archetypeKey: "general",
      place: placeAt("13008", "Marseille 8e Arrondissement"),
      radiusKm: 20,
      agency,
    },
    {
      person: person("Émilie", "Garnier"),
      email: accounts.remplacante.email,
      slug: accounts.remplacante.slug,
      status: "PUBLISHED",
      archetypeKey: "medical",
      place: placeAt("75012", "Paris 12e Arrondissement"),
      radiusKm: null,
      verified: true,
      software: ["DOCTOLIB", "GOOGLE_CALENDAR"],
    },
  ];
}

/** Claire is the showcase profile: hourly and per-task prices, well rated, available now, full weeks. */
function polishShowcase(ctx: SeedContext, rows: SecretaryRows): SecretaryRows {
  const profile = {
    ...rows.profile,
    billingModes: ["HOURLY" as const, "PER_TASK" as const],
    hourlyRateCents: 3200,
    taskPrices: [
      { task: "CALL_ANSWERED" as const, unitPriceCents: 180 },
      { task: "APPOINTMENT_BOOKED" as const, unitPriceCents: 220 },
    ],
    ratingAverage: 4.8,
    ratingCount: 23,
    availableFrom: dayFrom(ctx.now, -30),
    availability: [1, 2, 3, 4, 5]
      .map((day) => ({ day, start: "08:30", end: "18:00" }))
      .concat({ day: 6, start: "09:00", end: "12:00" }),
  };
  return { ...rows, profile };
}

export function addSecretary(plan: SeedPlan, rows: SecretaryRows) {
  plan.users.push(rows.user);
  plan.profiles.push(rows.profile);
  plan.statusChanges.push(...rows.statusChanges);
}

/** Adds the demo accounts to `plan`; returns the moderator's id (the reviewer of every profile). */
export function addDemoAccounts(ctx: SeedContext, plan: SeedPlan): string {
  const moderator = staffUser(ctx, accounts.moderation, "MODERATOR");
  plan.users.push(moderator, staffUser(ctx, accounts.admin, "ADMIN"));
  ctx.moderatorId = moderator.id;

  for (const spec of [...businessSpecs, agencySpec]) {
    const rows = buildBusiness(ctx, spec);
    plan.users.push(rows.user);
    plan.organizations.push(rows.organization);
    plan.memberships.push(rows.membership);
  }
  const agencyRow = plan.organizations.find((organization) => organization.kind === "AGENCY")!;
  const [showcase, ...others] = secretarySpecs({ id: agencyRow.id, name: agencyRow.name }).map((spec) =>
    buildSecretary(ctx, spec),
  );
  for (const rows of [polishShowcase(ctx, showcase!), ...others]) {
    addSecretary(plan, rows);
    if (rows.profile.agencyId) {
      plan.memberships.push({
        id: ctx.random.uuid(),
        userId: rows.user.id,
        organizationId: rows.profile.agencyId,
        role: "MEMBER",
        createdAt: rows.user.createdAt,
      });
    }
  }
  return moderator.id;
}
