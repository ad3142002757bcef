// One secretary: her account, her profile (terms, texts, place, history). Everything random
// comes from the seeded stream; a spec fixes what the demo accounts need to be exactly.
import type { Language, Sector, Skill, Software } from "#app/domain/profiles/taxonomy";
import { archetypes, archetypeWeights, type Archetype } from "./archetypes";
import { claimEmail, claimSlug, dayFrom, type SeedContext } from "./context";
import { femaleFirstNames, lastNames, maleFirstNames, type Gender } from "./names";
import { townName, type Place } from "./places";
import type { ProfileRow, SeededStatus, StatusChangeRow, UserRow } from "./plan-types";
import { bio, headline, type ProfileFacts } from "./profile-text";
import type { Weighted } from "./random";
import { reputation, timeline, type Timeline } from "./timeline";
import { mobility, pricing, weeklyAvailability } from "./work-terms";

export type Person = { firstName: string; lastName: string; gender: Gender };

export type SecretarySpec = {
  person?: Person;
  email?: string;
  slug?: string;
  status?: SeededStatus;
  archetypeKey?: string;
  place?: Place;
  /** A number: comes on site within that radius (and works remotely); null: remote only. */
  radiusKm?: number | null;
  skills?: Skill[];
  software?: Software[];
  agency?: { id: string; name: string };
  verified?: boolean;
  years?: number;
  headline?: string;
};

export type SecretaryRows = { user: UserRow; profile: ProfileRow; statusChanges: StatusChangeRow[] };

const statusWeights: Weighted<SeededStatus> = [
  ["PUBLISHED", 85],
  ["DRAFT", 6],
  ["PENDING_REVIEW", 5],
  ["REJECTED", 4],
];
const extraLanguages: Weighted<Language> = [
  ["en", 30],
  ["es", 10],
  ["de", 5],
  ["it", 4],
  ["ar", 4],
  ["pt", 3],
  ["zh", 1],
];

export function randomPerson(ctx: SeedContext): Person {
  const gender: Gender = ctx.random.chance(0.88) ? "f" : "m";
  const firstName = ctx.random.pick(gender === "f" ? femaleFirstNames : maleFirstNames);
  return { firstName, lastName: ctx.random.pick(lastNames), gender };
}

function archetypeFor(ctx: SeedContext, key?: string): Archetype {
  const found = key ? archetypes.find((archetype) => archetype.key === key) : undefined;
  if (key && !found) throw new Error(`Profil type inconnu : ${key}`);
  return found ?? ctx.random.weighted(archetypeWeights);
}

/** Main sector first, then the skills, software and languages that go with it. */
function vocabulary(ctx: SeedContext, archetype: Archetype, spec: SecretarySpec) {
  const { random } = ctx;
  // The archetype's own sector always comes first; one or two neighbours now and then.
  const [main, ...neighbours] = archetype.sectors;
  const extra = random.weighted([
    [0, 5],
    [1, 3],
    [2, 1],
  ] as const);
  const sectors: Sector[] = [main![0], ...random.weightedSample(neighbours, extra)];
  const skills =
    spec.skills ??
    random.weightedSample(
      archetype.skills,
      random.weighted([
        [1, 1],
        [2, 3],
        [3, 4],
        [4, 3],
        [5, 2],
      ]),
    );
  const software =
    spec.software ??
    random.weightedSample(
      archetype.software,
      random.weighted([
        [0, 1],
        [1, 3],
        [2, 4],
        [3, 2],
      ]),
    );
  // A second language for about a third, a third language now and then.
  const others = random.chance(0.35)
    ? random.weightedSample(extraLanguages, random.chance(0.15) ? 2 : 1)
    : [];
  return { sectors, skills, software, languages: ["fr", ...others] as Language[] };
}

function experience(ctx: SeedContext, fixedYears?: number) {
  const years = fixedYears ?? Math.max(1, Math.round(ctx.random.triangular(1, 8, 32)));
  const onOwn = ctx.random.int(0, Math.min(years - 1, 8));
  return { years, since: ctx.now.getUTCFullYear() - onOwn, yearsEmployed: years - onOwn };
}

function reach(ctx: SeedContext, spec: SecretarySpec) {
  if (spec.radiusKm === undefined) return mobility(ctx.random);
  return spec.radiusKm === null
    ? { remote: true, onSite: false, radiusKm: null }
    : { remote: true, onSite: true, radiusKm: spec.radiusKm };
}

/** Available now for most, within the next three months for the others. */
function availableFrom(ctx: SeedContext): Date {
  return ctx.random.chance(0.6)
    ? dayFrom(ctx.now, -ctx.random.int(0, 120))
    : dayFrom(ctx.now, ctx.random.int(1, 90));
}

function baseOf(place: Place) {
  return {
    basePostcode: place.postcode,
    baseCommune: place.name,
    baseInseeCode: place.inseeCode,
    baseLatitude: place.latitude,
    baseLongitude: place.longitude,
  };
}

function datesOf(history: Timeline) {
  const { createdAt, updatedAt, submittedAt, publishedAt } = history;
  return { createdAt, updatedAt, submittedAt, publishedAt };
}

function secretaryUser(
  ctx: SeedContext,
  id: string,
  person: Person,
  history: Timeline,
  email?: string,
): UserRow {
  return {
    id,
    email: claimEmail(ctx, person.firstName, person.lastName, email),
    displayName: `${person.firstName} ${person.lastName}`,
    kind: "SECRETARY",
    role: "USER",
    emailVerifiedAt: history.createdAt,
    createdAt: history.createdAt,
    updatedAt: history.updatedAt,
  };
}

export function buildSecretary(ctx: SeedContext, spec: SecretarySpec = {}): SecretaryRows {
  const { random } = ctx;
  const person = spec.person ?? randomPerson(ctx);
  const ids = { ownerId: random.uuid(), profileId: random.uuid() };
  const status = spec.status ?? random.weighted(statusWeights);
  const archetype = archetypeFor(ctx, spec.archetypeKey);
  const words = vocabulary(ctx, archetype, spec);
  const career = experience(ctx, spec.years);
  const place = spec.place ?? ctx.nextPlace();
  const where = reach(ctx, spec);
  const agencyName = spec.agency?.name ?? null;
  const facts: ProfileFacts = {
    ...words,
    ...career,
    gender: person.gender,
    archetype,
    town: townName(place),
    radiusKm: where.radiusKm,
    agencyName,
  };
  const history = timeline(ctx, status, ids);
  const badges = reputation(ctx, status);
  const user = secretaryUser(ctx, ids.ownerId, person, history, spec.email);
  const profile: ProfileRow = {
    id: ids.profileId,
    userId: ids.ownerId,
    agencyId: spec.agency?.id ?? null,
    slug: claimSlug(ctx, user.displayName, spec.slug),
    status,
    headline: spec.headline ?? headline(random, facts),
    bio: bio(random, facts),
    ...words,
    yearsExperience: career.years,
    ...pricing(random, archetype, words.skills, career.years),
    ...where,
    ...baseOf(place),
    availability: status === "DRAFT" && random.chance(0.5) ? [] : weeklyAvailability(random),
    availableFrom: availableFrom(ctx),
    ...badges,
    verified: spec.verified ?? badges.verified,
    ...datesOf(history),
  };
  return { user, profile, statusChanges: history.changes };
}
