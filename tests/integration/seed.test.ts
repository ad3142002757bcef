import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { demoAccounts, demoPassword } from "#app/cli/seed/demo-accounts";
import { buildSeedPlan } from "#app/cli/seed/plan";
import { seedDemoData, type SeedSummary } from "#app/cli/seed/seed-demo-data";
import { authenticate } from "#app/domain/accounts/accounts.server";
import { lookupPostcode } from "#app/domain/geo/geo.server";
import { isValidSiret, vatMatchesSiret } from "#app/domain/organizations/identifiers";
import { missingForReview } from "#app/domain/profiles/profiles.policy";
import {
  billingModeLabels,
  languageLabels,
  sectorLabels,
  skillLabels,
  softwareLabels,
  taskTypeLabels,
} from "#app/domain/profiles/taxonomy";
import { db } from "#app/lib/db.server";

const NOW = new Date("2026-11-26T10:00:00Z");

// Strict shapes of the JSON columns (brief): known codes only, no extra keys, no duplicates.
const codes = (labels: Record<string, string>) =>
  z
    .array(z.enum(Object.keys(labels) as [string, ...string[]]))
    .refine((values) => new Set(values).size === values.length, "duplicate code");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const jsonColumns = z.object({
  skills: codes(skillLabels).refine((values) => values.length >= 1 && values.length <= 5),
  sectors: codes(sectorLabels).refine((values) => values.length >= 1),
  software: codes(softwareLabels),
  languages: codes(languageLabels).refine((values) => values[0] === "fr"),
  billingModes: codes(billingModeLabels).refine((values) => values.length >= 1),
  taskPrices: z.array(
    z
      .object({
        task: z.enum(Object.keys(taskTypeLabels) as [string, ...string[]]),
        unitPriceCents: z.number().int().positive(),
      })
      .strict(),
  ),
  availability: z.array(
    z
      .object({ day: z.number().int().min(1).max(7), start: time, end: time })
      .strict()
      .refine((slot) => slot.start < slot.end, "end before start"),
  ),
});

// prettier-ignore
const profileSelect = {
  id: true, userId: true, slug: true, status: true, headline: true, bio: true, agencyId: true,
  skills: true, sectors: true, software: true, languages: true, billingModes: true, taskPrices: true, availability: true,
  hourlyRateCents: true, remote: true, onSite: true, radiusKm: true, basePostcode: true, baseInseeCode: true,
  baseLatitude: true, baseLongitude: true, publishedAt: true, submittedAt: true, ratingAverage: true, ratingCount: true,
} as const;

let summary: SeedSummary;

beforeAll(async () => {
  summary = await seedDemoData({ now: NOW });
}, 60_000);

describe("demo seed", () => {
  it("creates every demo account, verified, able to log in with the demo password", async () => {
    expect(summary.created).toBe(true);
    for (const account of Object.values(demoAccounts)) {
      const login = await authenticate({ email: account.email, password: demoPassword, ip: "test" });
      expect(login, account.email).toMatchObject({ ok: true });
      const user = await db.user.findUniqueOrThrow({
        where: { email: account.email },
        select: { emailVerifiedAt: true },
      });
      expect(user.emailVerifiedAt).not.toBeNull();
    }
    const wrong = await authenticate({
      email: demoAccounts.cabinet.email,
      password: "pas-le-bon",
      ip: "test",
    });
    expect(wrong.ok).toBe(false);
  });

  it("gives each demo account its role, organisation and profile", async () => {
    const user = (email: string) =>
      db.user.findUniqueOrThrow({
        where: { email },
        select: {
          kind: true,
          role: true,
          memberships: {
            select: {
              role: true,
              organization: {
                select: { id: true, kind: true, name: true, siret: true, vatNumber: true, commune: true },
              },
            },
          },
          secretaryProfile: { select: profileSelect },
        },
      });
    const cabinet = await user(demoAccounts.cabinet.email);
    expect(cabinet.kind).toBe("BUSINESS");
    const cabinetOrg = cabinet.memberships[0]!.organization;
    expect(cabinetOrg).toMatchObject({
      kind: "BUSINESS",
      name: "Cabinet médical des Tilleuls",
      commune: "Lyon 6e Arrondissement",
    });
    expect(vatMatchesSiret(cabinetOrg.vatNumber!, cabinetOrg.siret!)).toBe(true);
    expect((await user(demoAccounts.artisan.email)).memberships[0]!.organization.commune).toBe("Nantes");

    const claire = (await user(demoAccounts.secretaire.email)).secretaryProfile!;
    expect(claire).toMatchObject({
      status: "PUBLISHED",
      slug: "claire-morel",
      onSite: true,
      radiusKm: 15,
      agencyId: null,
      basePostcode: "75011",
    });
    expect(claire.software).toContain("DOCTOLIB");
    expect(claire.sectors).toEqual(expect.arrayContaining(["MEDICAL"]));
    expect((claire.sectors as string[])[0]).toBe("MEDICAL");

    const pending = (await user(demoAccounts.nouvelle.email)).secretaryProfile!;
    expect(pending.status).toBe("PENDING_REVIEW");
    expect(
      await db.profileStatusChange.count({ where: { profileId: pending.id, to: "PENDING_REVIEW" } }),
    ).toBe(1);

    const owner = await user(demoAccounts.agence.email);
    expect(owner.kind).toBe("AGENCY_OWNER");
    const agency = owner.memberships[0]!;
    expect(agency).toMatchObject({
      role: "OWNER",
      organization: { kind: "AGENCY", name: "Télésecrétariat Provence" },
    });
    const member = await user(demoAccounts.membre.email);
    expect(member.secretaryProfile).toMatchObject({ status: "PUBLISHED", agencyId: agency.organization.id });
    expect(member.memberships).toEqual([
      { role: "MEMBER", organization: expect.objectContaining({ id: agency.organization.id }) },
    ]);
    expect(await db.secretaryProfile.count({ where: { agencyId: agency.organization.id } })).toBe(2);

    expect(await user(demoAccounts.moderation.email)).toMatchObject({ kind: "STAFF", role: "MODERATOR" });
    expect(await user(demoAccounts.admin.email)).toMatchObject({ kind: "STAFF", role: "ADMIN" });
  });

  it("creates the default numbers of secretaries and businesses, mostly published", async () => {
    expect(summary).toMatchObject({ secretaries: 124, businesses: 27, agencies: 1 });
    expect(await db.secretaryProfile.count()).toBe(124);
    expect(await db.organization.count({ where: { kind: "BUSINESS" } })).toBe(27);
    expect(await db.user.count()).toBe(summary.users);
    const byStatus = await db.secretaryProfile.groupBy({ by: ["status"], _count: true });
    const count = Object.fromEntries(byStatus.map((row) => [row.status, row._count]));
    const publishedShare = (count.PUBLISHED ?? 0) / 124;
    expect(publishedShare).toBeGreaterThan(0.75);
    expect(publishedShare).toBeLessThan(0.95);
    expect(Object.keys(count).sort()).toEqual(["DRAFT", "PENDING_REVIEW", "PUBLISHED", "REJECTED"]);
  });

  it("stores only taxonomy codes, in the documented JSON shapes, with realistic values", async () => {
    const profiles = await db.secretaryProfile.findMany({ select: profileSelect });
    for (const profile of profiles) {
      const parsed = jsonColumns.safeParse(profile);
      expect(parsed.error?.issues, profile.slug).toBeUndefined();
      if (profile.hourlyRateCents !== null) {
        expect(profile.hourlyRateCents).toBeGreaterThanOrEqual(2000);
        expect(profile.hourlyRateCents).toBeLessThanOrEqual(4500);
        expect(Number.isInteger(profile.hourlyRateCents)).toBe(true);
      }
      expect(profile.headline.length, profile.slug).toBeLessThanOrEqual(120);
      expect(profile.headline).not.toMatch(/undefined|null/);
      expect(profile.bio).not.toMatch(/undefined|null|de les/);
    }
    const withRating = profiles.filter((profile) => profile.ratingAverage !== null);
    expect(withRating.length).toBeGreaterThan(0);
    for (const profile of withRating) {
      expect(profile.ratingAverage).toBeGreaterThanOrEqual(3.6);
      expect(profile.ratingAverage).toBeLessThanOrEqual(5);
      expect(profile.ratingCount).toBeGreaterThan(0);
    }
  });

  it("gives submitted profiles a complete text and the history the status machine would write", async () => {
    const moderator = await db.user.findUniqueOrThrow({
      where: { email: demoAccounts.moderation.email },
      select: { id: true },
    });
    const profiles = await db.secretaryProfile.findMany({
      where: { status: { not: "DRAFT" } },
      select: {
        ...profileSelect,
        statusChanges: {
          select: { from: true, to: true, actorId: true, reason: true },
          orderBy: { createdAt: "asc" },
        },
      },
    });
    for (const profile of profiles) {
      const input = {
        ...profile,
        skills: profile.skills as string[],
        billingModes: profile.billingModes as never,
        taskPrices: profile.taskPrices as unknown[],
      };
      expect(missingForReview(input), profile.slug).toEqual([]);
      const history = profile.statusChanges;
      expect(history[0]).toMatchObject({ from: "DRAFT", to: "PENDING_REVIEW", actorId: profile.userId });
      expect(history.at(-1)!.to).toBe(profile.status);
      for (const change of history.filter((row) => row.from === "PENDING_REVIEW")) {
        expect(change.actorId).toBe(moderator.id);
        if (change.to === "REJECTED") expect(change.reason).toBeTruthy();
      }
      if (profile.status === "PUBLISHED") expect(profile.publishedAt).not.toBeNull();
    }
    expect(await db.profileStatusChange.count({ where: { profile: { status: "DRAFT" } } })).toBe(0);
  });

  it("gives every business a valid SIRET, a taxonomy sector and a geocoded address", async () => {
    const organizations = await db.organization.findMany({
      select: {
        siret: true,
        vatNumber: true,
        sector: true,
        addressLine: true,
        postcode: true,
        inseeCode: true,
        latitude: true,
        longitude: true,
        legalName: true,
      },
    });
    for (const organization of organizations) {
      expect(isValidSiret(organization.siret!), organization.siret!).toBe(true);
      if (organization.vatNumber)
        expect(vatMatchesSiret(organization.vatNumber, organization.siret!)).toBe(true);
      expect(Object.keys(sectorLabels)).toContain(organization.sector);
      expect(organization.addressLine).toMatch(/^\d+/);
      expect(organization.legalName).toBeTruthy();
      const commune = lookupPostcode(organization.postcode!).find(
        (candidate) => candidate.inseeCode === organization.inseeCode,
      );
      expect(commune, organization.postcode!).toMatchObject({
        latitude: organization.latitude,
        longitude: organization.longitude,
      });
    }
  });

  it("gives on-site profiles a base with coordinates and a radius", async () => {
    const onSite = await db.secretaryProfile.findMany({ where: { onSite: true }, select: profileSelect });
    expect(onSite.length).toBeGreaterThan(10);
    for (const profile of onSite) {
      expect(profile.radiusKm).toBeGreaterThanOrEqual(5);
      expect(profile.radiusKm).toBeLessThanOrEqual(60);
      expect(lookupPostcode(profile.basePostcode!).map((commune) => commune.inseeCode)).toContain(
        profile.baseInseeCode,
      );
      expect(profile.baseLatitude).toEqual(expect.any(Number));
      expect(profile.baseLongitude).toEqual(expect.any(Number));
    }
    expect(await db.secretaryProfile.count({ where: { remote: false, onSite: false } })).toBe(0);
    expect(await db.secretaryProfile.count({ where: { onSite: false, radiusKm: { not: null } } })).toBe(0);
  });

  it("is deterministic: the same plan every time, and the database holds that plan", async () => {
    const first = buildSeedPlan({ now: NOW });
    const second = buildSeedPlan({ now: NOW });
    expect(second).toEqual(first);
    expect(buildSeedPlan({ now: NOW, seed: 7 }).profiles.map((p) => p.slug)).not.toEqual(
      first.profiles.map((p) => p.slug),
    );

    const stored = await db.secretaryProfile.findMany({ select: { slug: true, headline: true } });
    const sort = (rows: { slug: string; headline: string }[]) =>
      [...rows].sort((a, b) => a.slug.localeCompare(b.slug));
    expect(sort(stored)).toEqual(sort(first.profiles.map(({ slug, headline }) => ({ slug, headline }))));
  });

  it("keeps the demo accounts and businesses when only the number of secretaries changes", () => {
    const small = buildSeedPlan({ now: NOW, secretaries: 5, businesses: 3 });
    const defaults = buildSeedPlan({ now: NOW });
    expect(small.profiles).toHaveLength(4 + 5);
    expect(small.organizations).toHaveLength(3 + 3);
    expect(small.users.slice(0, 9)).toEqual(defaults.users.slice(0, 9));
    const otherCount = buildSeedPlan({ now: NOW, secretaries: 40, businesses: 3 });
    expect(otherCount.organizations).toEqual(small.organizations);
  });

  it("does nothing when the database already has users", async () => {
    const before = { users: await db.user.count(), profiles: await db.secretaryProfile.count() };
    const again = await seedDemoData({ now: NOW });
    expect(again.created).toBe(false);
    expect({ users: await db.user.count(), profiles: await db.secretaryProfile.count() }).toEqual(before);
  });
});
