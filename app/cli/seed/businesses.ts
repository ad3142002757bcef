// Client businesses: medical practices, law firms, craftsmen and small firms, each with its
// owner's account, a legal form, valid SIRET (and VAT number when the form has one) and an address.
import type { Sector } from "#app/domain/profiles/taxonomy";
import { randomCompanyNumbers } from "./company-numbers";
import { addDays, addHours, claimEmail, claimSlug, type SeedContext } from "./context";
import { lastNames } from "./names";
import { streetAddress, townName, type Place } from "./places";
import type { MembershipRow, OrganizationRow, UserRow } from "./plan-types";
import type { Random, Weighted } from "./random";
import { randomPerson, type Person } from "./secretaries";

type Naming = { name: string; form: string };
type NameParts = { last: string; other: string; town: string };
type BusinessKind = { sector: Sector; names: readonly ((parts: NameParts) => Naming)[] };

const kinds: Weighted<BusinessKind> = [
  [
    {
      sector: "MEDICAL",
      names: [
        ({ last }) => ({ name: `Cabinet médical ${last}`, form: "SCM" }),
        ({ last }) => ({ name: `Cabinet de kinésithérapie ${last}`, form: "SCM" }),
        ({ town }) => ({ name: `Centre dentaire de ${town}`, form: "SELARL" }),
        ({ last, other }) => ({ name: `Cabinet infirmier ${last}-${other}`, form: "SCM" }),
        ({ last }) => ({ name: `Cabinet d’orthophonie ${last}`, form: "EI" }),
      ],
    },
    8,
  ],
  [
    {
      sector: "LEGAL",
      names: [
        ({ last }) => ({ name: `Cabinet ${last} Avocats`, form: "SELARL" }),
        ({ last, other }) => ({ name: `${last} & ${other} Avocats associés`, form: "SELAS" }),
        ({ last }) => ({ name: `Office notarial ${last}`, form: "SELARL" }),
      ],
    },
    5,
  ],
  [
    {
      sector: "CONSTRUCTION",
      names: [
        ({ last }) => ({ name: `Plomberie ${last}`, form: "SARL" }),
        ({ last }) => ({ name: `${last} Électricité`, form: "EURL" }),
        ({ last }) => ({ name: `Menuiserie ${last} et Fils`, form: "SARL" }),
        ({ town }) => ({ name: `Couverture ${town}`, form: "SAS" }),
        ({ last }) => ({ name: `Maçonnerie ${last}`, form: "SARL" }),
      ],
    },
    6,
  ],
  [{ sector: "REAL_ESTATE", names: [({ last }) => ({ name: `${last} Immobilier`, form: "SAS" })] }, 2],
  [
    { sector: "ACCOUNTING", names: [({ last }) => ({ name: `${last} Expertise comptable`, form: "SAS" })] },
    2,
  ],
  [
    {
      sector: "SERVICES",
      names: [
        ({ last }) => ({ name: `${last} Conseil`, form: "EURL" }),
        ({ town }) => ({ name: `Atelier graphique de ${town}`, form: "SAS" }),
      ],
    },
    2,
  ],
  [{ sector: "RETAIL", names: [({ last }) => ({ name: `Maison ${last}`, form: "SARL" })] }, 1],
  [{ sector: "NONPROFIT", names: [({ town }) => ({ name: `${town} Solidarité`, form: "Association" })] }, 1],
];

/** Forms exempt from VAT or usually not registered for it (associations, sole traders, SCM). */
const formsWithoutVat = new Set(["Association", "EI", "SCM"]);

export type BusinessSpec = {
  person?: Person;
  email?: string;
  slug?: string;
  kind: "BUSINESS" | "AGENCY";
  sector?: Sector;
  name?: string;
  legalName?: string;
  numbers?: { siret: string; vatNumber: string | null };
  place?: Place;
  addressLine?: string;
};

export type BusinessRows = { user: UserRow; organization: OrganizationRow; membership: MembershipRow };

function naming(random: Random, place: Place, owner: Person) {
  const kind = random.weighted(kinds);
  const parts = { last: owner.lastName, other: random.pick(lastNames), town: townName(place) };
  const { name, form } = random.pick(kind.names)(parts);
  const legalName =
    form === "Association"
      ? `Association ${name}`
      : form === "EI"
        ? `${owner.firstName} ${owner.lastName} (EI)`
        : `${form} ${name}`;
  return { sector: kind.sector, name, legalName, hasVat: !formsWithoutVat.has(form) };
}

export function buildBusiness(ctx: SeedContext, spec: BusinessSpec = { kind: "BUSINESS" }): BusinessRows {
  const { random } = ctx;
  const owner = spec.person ?? randomPerson(ctx);
  const place = spec.place ?? ctx.nextPlace();
  const generated = naming(random, place, owner);
  const numbers = randomCompanyNumbers(random);
  const createdAt = addHours(addDays(ctx.now, -random.int(14, 400)), -random.int(0, 23));
  const ids = { user: random.uuid(), organization: random.uuid(), membership: random.uuid() };
  const name = spec.name ?? generated.name;
  const user: UserRow = {
    id: ids.user,
    email: claimEmail(ctx, owner.firstName, owner.lastName, spec.email),
    displayName: `${owner.firstName} ${owner.lastName}`,
    kind: spec.kind === "AGENCY" ? "AGENCY_OWNER" : "BUSINESS",
    role: "USER",
    emailVerifiedAt: createdAt,
    createdAt,
    updatedAt: createdAt,
  };
  const organization: OrganizationRow = {
    id: ids.organization,
    kind: spec.kind,
    name,
    legalName: spec.legalName ?? generated.legalName,
    siret: spec.numbers?.siret ?? numbers.siret,
    vatNumber: spec.numbers ? spec.numbers.vatNumber : generated.hasVat ? numbers.vatNumber : null,
    sector: spec.sector ?? generated.sector,
    addressLine: spec.addressLine ?? streetAddress(random),
    postcode: place.postcode,
    commune: place.name,
    inseeCode: place.inseeCode,
    latitude: place.latitude,
    longitude: place.longitude,
    slug: claimSlug(ctx, name, spec.slug),
    createdAt,
    updatedAt: createdAt,
  };
  const membership: MembershipRow = {
    id: ids.membership,
    userId: user.id,
    organizationId: organization.id,
    role: "OWNER",
    createdAt,
  };
  return { user, organization, membership };
}
