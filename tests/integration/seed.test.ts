import { rrulestr } from "#app/lib/rrule";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { demoAccounts, demoPassword } from "#app/cli/seed/demo-accounts";
import { buildSeedPlan } from "#app/cli/seed/plan";
import type { SeedPlan } from "#app/cli/seed/plan-types";
import { seedDemoData, type SeedSummary } from "#app/cli/seed/seed-demo-data";
import { authenticate } from "#app/domain/accounts/accounts.server";
import { contractTransitions, type ContractEvent } from "#app/domain/contracts/contract-machine";
import { contractTermsSchema } from "#app/domain/contracts/contract-terms";
import { loadDashboard } from "#app/domain/dashboards/dashboards.server";
import { lookupPostcode } from "#app/domain/geo/geo.server";
import { checkMissionTransition, type MissionEvent } from "#app/domain/missions/mission-machine";
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
import { closePeriod } from "#app/domain/payments/period-close.server";
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
    expect(summary).toMatchObject({ secretaries: 125, businesses: 27, agencies: 1 });
    expect(await db.secretaryProfile.count()).toBe(125);
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
    expect(small.profiles).toHaveLength(5 + 5);
    expect(small.organizations).toHaveLength(3 + 3);
    expect(small.users.slice(0, 10)).toEqual(defaults.users.slice(0, 10));
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

// ——— Missions ———

const DAY = 86_400_000;

const missionJson = z.object({
  skills: codes(skillLabels).refine((values) => values.length >= 1 && values.length <= 5),
  languages: codes(languageLabels).refine((values) => values[0] === "fr"),
  taskLines: z.array(
    z
      .object({
        task: z.enum(Object.keys(taskTypeLabels) as [string, ...string[]]),
        unitPriceCents: z.number().int().positive(),
        monthlyVolume: z.number().int().positive(),
      })
      .strict(),
  ),
  timeWindows: z.array(
    z
      .object({ start: time, end: time })
      .strict()
      .refine((window) => window.start < window.end, "end before start"),
  ),
});

// prettier-ignore
const missionSelect = {
  id: true, organizationId: true, createdById: true, status: true, title: true, description: true, skills: true,
  sector: true, languages: true, billingMode: true, taskLines: true, maxHourlyRateCents: true, expectedHours: true,
  expectedHoursPer: true, fixedAmountCents: true, deliverables: true, scheduleType: true, startDate: true, endDate: true,
  rrule: true, timeWindows: true, handoverNotes: true, callScript: true, urgentRouting: true, toolsToUse: true,
  workMode: true, postcode: true, commune: true, inseeCode: true, latitude: true, longitude: true, medicalSecrecy: true,
  visibility: true, proposalDeadline: true, submittedAt: true, publishedAt: true, createdAt: true,
  statusChanges: { select: { from: true, to: true, actorId: true, reason: true, createdAt: true }, orderBy: { createdAt: "asc" } },
} as const;

const eventFor: Record<string, MissionEvent> = {
  "DRAFT>PENDING_REVIEW": "SUBMIT",
  "PENDING_REVIEW>OPEN": "APPROVE",
  "PENDING_REVIEW>DRAFT": "REQUEST_CHANGES",
  "OPEN>CLOSED": "CLOSE",
  "OPEN>EXPIRED": "EXPIRE",
  "OPEN>FILLED": "FILL",
  "FILLED>OPEN": "REOPEN",
  "DRAFT>OPEN": "OPEN_FOR_OFFER",
};
const eventOf = (from: string, to: string): MissionEvent =>
  to === "CANCELLED" ? "CANCEL" : eventFor[`${from}>${to}`]!;

describe("demo seed: missions", () => {
  const missions = () => db.mission.findMany({ select: missionSelect });
  const ownerOf = async (email: string) => {
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: {
        id: true,
        memberships: {
          select: {
            organization: {
              select: { id: true, postcode: true, inseeCode: true, latitude: true, longitude: true },
            },
          },
        },
      },
    });
    return { userId: user.id, organization: user.memberships[0]!.organization };
  };

  it("seeds about two missions per business, mostly open, with every status the seed may write", async () => {
    expect(summary.missions).toBe(await db.mission.count());
    expect(summary.missions).toBeGreaterThanOrEqual(45);
    expect(summary.missions).toBeLessThanOrEqual(70);
    const byStatus = Object.fromEntries(
      (await db.mission.groupBy({ by: ["status"], _count: true })).map((row) => [row.status, row._count]),
    );
    expect(Object.keys(byStatus).sort()).toEqual([
      "CANCELLED",
      "CLOSED",
      "DRAFT",
      "EXPIRED",
      "FILLED",
      "OPEN",
      "PENDING_REVIEW",
    ]);
    // Exactly the missions of the seeded contracts are FILLED (the cancelled one reopened).
    expect(byStatus.FILLED).toBe(await db.contract.count({ where: { status: { not: "CANCELLED" } } }));
    expect(byStatus.OPEN! / summary.missions).toBeGreaterThan(0.5);
    expect(summary.openMissions).toBe(byStatus.OPEN);
    expect(await db.missionStatusChange.count()).toBe(summary.missionStatusChanges);
    // Only businesses post: no agency, no secretary owns a mission.
    expect(await db.mission.count({ where: { organization: { kind: { not: "BUSINESS" } } } })).toBe(0);
  });

  it("covers every billing mode × schedule type × work mode", async () => {
    const combos = new Set((await missions()).map((m) => `${m.billingMode}/${m.scheduleType}/${m.workMode}`));
    for (const billing of ["PER_TASK", "HOURLY", "FIXED"])
      for (const schedule of ["ONE_OFF", "RECURRING", "REPLACEMENT"])
        for (const mode of ["REMOTE", "ON_SITE", "HYBRID"])
          expect(combos, `${billing}/${schedule}/${mode}`).toContain(`${billing}/${schedule}/${mode}`);
  });

  it("stores the JSON columns in their strict shapes and the terms each mode and schedule needs", async () => {
    for (const mission of await missions()) {
      const label = mission.title;
      expect(missionJson.safeParse(mission).error?.issues, label).toBeUndefined();
      expect(mission.title.length, label).toBeLessThanOrEqual(120);
      expect(mission.description.length, label).toBeGreaterThanOrEqual(20);
      expect(`${mission.title} ${mission.description}`).not.toMatch(/undefined|null|NaN/);
      expect(Object.keys(sectorLabels)).toContain(mission.sector);
      const lines = mission.taskLines as { unitPriceCents: number; monthlyVolume: number }[];
      expect(lines.length > 0, label).toBe(mission.billingMode === "PER_TASK");
      if (mission.billingMode === "HOURLY") {
        expect(mission.maxHourlyRateCents, label).toBeGreaterThanOrEqual(2000);
        expect(mission.maxHourlyRateCents, label).toBeLessThanOrEqual(4000);
        expect(mission.expectedHours, label).toBeGreaterThan(0);
        expect(["WEEK", "MONTH"]).toContain(mission.expectedHoursPer);
      } else
        expect([mission.maxHourlyRateCents, mission.expectedHours, mission.expectedHoursPer], label).toEqual([
          null,
          null,
          null,
        ]);
      if (mission.billingMode === "FIXED") {
        expect(mission.fixedAmountCents, label).toBeGreaterThanOrEqual(20_000);
        expect(mission.fixedAmountCents, label).toBeLessThanOrEqual(500_000);
        expect(mission.deliverables, label).toBeTruthy();
      } else expect([mission.fixedAmountCents, mission.deliverables], label).toEqual([null, null]);
      for (const line of lines) expect(line.unitPriceCents * line.monthlyVolume, label).toBeLessThan(300_000);
      const replacement = mission.scheduleType === "REPLACEMENT";
      for (const field of [
        mission.handoverNotes,
        mission.callScript,
        mission.urgentRouting,
        mission.toolsToUse,
      ])
        expect(Boolean(field), label).toBe(replacement);
      expect(mission.endDate, label).not.toBeNull();
      expect(mission.endDate!.getTime(), label).toBeGreaterThanOrEqual(mission.startDate.getTime());
      // Missions hired for started up to two months before the seed's now.
      const since = mission.status === "FILLED" ? 80 : 31;
      expect(mission.startDate.getTime(), label).toBeGreaterThanOrEqual(NOW.getTime() - since * DAY);
      expect(mission.startDate.getTime(), label).toBeLessThanOrEqual(NOW.getTime() + 97 * DAY);
      // Only a direct offer's mission is invite-only.
      const offers = await db.proposal.count({ where: { missionId: mission.id, origin: "OFFER" } });
      expect(mission.visibility, label).toBe(offers > 0 ? "INVITE_ONLY" : "PUBLIC");
    }
  });

  it("gives each recurring mission an RRULE that rrule parses, with occurrences inside its dates", async () => {
    const all = await missions();
    expect(
      all
        .filter((m) => m.scheduleType !== "RECURRING")
        .every((m) => m.rrule === null && (m.timeWindows as []).length === 0),
    ).toBe(true);
    const recurring = all.filter((m) => m.scheduleType === "RECURRING");
    expect(recurring.length).toBeGreaterThan(5);
    for (const mission of recurring) {
      expect(mission.rrule, mission.title).toMatch(
        /^DTSTART:\d{8}T000000Z\nRRULE:FREQ=WEEKLY;BYDAY=[A-Z,]+;UNTIL=\d{8}T235959Z$/,
      );
      const rule = rrulestr(mission.rrule!);
      const first = rule.after(new Date(0), true);
      expect(first, mission.title).toEqual(mission.startDate);
      expect(rule.all().length, mission.title).toBeGreaterThan(0);
      expect(rule.all().at(-1)!.getTime()).toBeLessThanOrEqual(mission.endDate!.getTime() + DAY);
      expect((mission.timeWindows as []).length, mission.title).toBeGreaterThan(0);
    }
  });

  it("places on-site and hybrid missions at their business's commune, remote ones nowhere", async () => {
    const organizations = new Map(
      (
        await db.organization.findMany({
          select: { id: true, postcode: true, inseeCode: true, latitude: true, longitude: true },
        })
      ).map(({ id, ...place }) => [id, place]),
    );
    for (const mission of await missions()) {
      const place = {
        postcode: mission.postcode,
        inseeCode: mission.inseeCode,
        latitude: mission.latitude,
        longitude: mission.longitude,
      };
      if (mission.workMode === "REMOTE")
        expect(place, mission.title).toEqual({
          postcode: null,
          inseeCode: null,
          latitude: null,
          longitude: null,
        });
      else expect(place, mission.title).toEqual(organizations.get(mission.organizationId));
      expect(mission.medicalSecrecy).toBe(mission.sector === "MEDICAL");
    }
  });

  it("writes the history the mission machine would, with dates that match the status", async () => {
    const moderator = await db.user.findUniqueOrThrow({
      where: { email: demoAccounts.moderation.email },
      select: { id: true },
    });
    for (const mission of await missions()) {
      const label = `${mission.title} (${mission.status})`;
      let state = "DRAFT";
      for (const change of mission.statusChanges) {
        expect(change.from, label).toBe(state);
        const event = eventOf(change.from, change.to);
        const actor =
          event === "EXPIRE" || event === "FILL" || event === "REOPEN" || event === "OPEN_FOR_OFFER"
            ? "SYSTEM"
            : event === "APPROVE" || event === "REQUEST_CHANGES"
              ? "STAFF"
              : "OWNER";
        expect(checkMissionTransition(change.from as never, event, actor, change.reason), label).toEqual({
          ok: true,
          to: change.to,
        });
        // The offers use case records the business member who made the offer.
        expect(change.actorId, label).toBe(
          actor === "OWNER" || event === "OPEN_FOR_OFFER"
            ? mission.createdById
            : actor === "STAFF"
              ? moderator.id
              : null,
        );
        expect(change.createdAt.getTime(), label).toBeGreaterThanOrEqual(mission.createdAt.getTime());
        expect(change.createdAt.getTime(), label).toBeLessThanOrEqual(NOW.getTime());
        state = change.to;
      }
      expect(state, label).toBe(mission.status);
      const approvals = mission.statusChanges.filter((change) => change.to === "OPEN");
      expect(mission.publishedAt, label).toEqual(approvals.at(-1)?.createdAt ?? null);
      const submits = mission.statusChanges.filter((change) => change.to === "PENDING_REVIEW");
      // A direct offer's mission skips the review queue: stamped when the offer is sent.
      const sent = mission.visibility === "INVITE_ONLY" ? mission.createdAt : null;
      expect(mission.submittedAt, label).toEqual(submits.at(-1)?.createdAt ?? sent);
      if (mission.status === "OPEN") {
        expect(mission.publishedAt, label).not.toBeNull();
        if (mission.proposalDeadline)
          expect(mission.proposalDeadline.getTime(), label).toBeGreaterThan(NOW.getTime());
      }
      if (mission.status === "EXPIRED")
        expect(mission.proposalDeadline!.getTime(), label).toBeLessThan(NOW.getTime());
      if (mission.status === "PENDING_REVIEW") expect(mission.publishedAt).toBeNull();
    }
    expect(
      await db.missionStatusChange.count({ where: { from: "PENDING_REVIEW", to: "DRAFT", reason: null } }),
    ).toBe(0);
  });

  it("gives the Lyon practice its phone line, its maternity-leave replacement and a draft", async () => {
    const { userId, organization } = await ownerOf(demoAccounts.cabinet.email);
    const own = await db.mission.findMany({
      where: { organizationId: organization.id },
      select: missionSelect,
    });
    // The phone line and the offer to Claire are open; the leave, the reports and Saturdays are filled.
    expect(own.map((m) => m.status).sort()).toEqual(["DRAFT", "FILLED", "FILLED", "FILLED", "OPEN", "OPEN"]);
    expect(own.every((m) => m.createdById === userId)).toBe(true);

    const phone = own.find((m) => m.title === "Accueil téléphonique et prise de rendez-vous Doctolib")!;
    expect(phone).toMatchObject({
      status: "OPEN",
      billingMode: "PER_TASK",
      scheduleType: "RECURRING",
      workMode: "REMOTE",
      medicalSecrecy: true,
      sector: "MEDICAL",
      languages: ["fr"],
      taskLines: [
        { task: "CALL_ANSWERED", unitPriceCents: 180, monthlyVolume: 300 },
        { task: "APPOINTMENT_BOOKED", unitPriceCents: 220, monthlyVolume: 120 },
      ],
      timeWindows: [{ start: "09:00", end: "12:00" }],
      postcode: null,
    });
    expect(phone.rrule).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO,TH;");
    expect(
      new Set(
        rrulestr(phone.rrule!)
          .all()
          .slice(0, 10)
          .map((date) => date.getUTCDay()),
      ),
    ).toEqual(new Set([1, 4]));
    expect(phone.publishedAt).not.toBeNull();

    const leave = own.find((m) => m.scheduleType === "REPLACEMENT")!;
    expect(leave).toMatchObject({
      status: "FILLED",
      billingMode: "HOURLY",
      workMode: "ON_SITE",
      maxHourlyRateCents: 3000,
      expectedHours: 35,
      expectedHoursPer: "WEEK",
      medicalSecrecy: true,
      postcode: "69006",
      commune: "Lyon 6e Arrondissement",
      startDate: new Date("2026-12-01T00:00:00Z"),
      endDate: new Date("2027-03-31T00:00:00Z"),
    });
    expect(leave.title).toMatch(/congé maternité/);
    for (const field of [leave.handoverNotes, leave.callScript, leave.urgentRouting, leave.toolsToUse])
      expect(field!.length).toBeGreaterThan(20);
    expect(leave.toolsToUse).toMatch(/Doctolib/);

    const draft = own.find((m) => m.status === "DRAFT")!;
    expect(draft.statusChanges).toEqual([]);
    expect([draft.submittedAt, draft.publishedAt]).toEqual([null, null]);
  });

  it("gives the Nantes plumber a fixed-price catch-up and a mission in the staff queue", async () => {
    const { organization } = await ownerOf(demoAccounts.artisan.email);
    const own = await db.mission.findMany({
      where: { organizationId: organization.id },
      select: missionSelect,
    });
    const catchUp = own.find((m) => m.status === "OPEN")!;
    expect(catchUp).toMatchObject({
      title: "Rattrapage de la saisie des factures de fin d’année",
      billingMode: "FIXED",
      scheduleType: "ONE_OFF",
      fixedAmountCents: 60_000,
    });
    expect(catchUp.deliverables!.length).toBeGreaterThan(40);
    const pending = own.filter((m) => m.status === "PENDING_REVIEW");
    expect(pending).toHaveLength(1);
    expect(pending[0]!.statusChanges).toMatchObject([{ from: "DRAFT", to: "PENDING_REVIEW" }]);
    expect(pending[0]!.submittedAt).not.toBeNull();
  });

  it("keeps missions deterministic and leaves the accounts seeded before them unchanged", async () => {
    const first = buildSeedPlan({ now: NOW });
    expect(buildSeedPlan({ now: NOW }).missions).toEqual(first.missions);
    const stored = await db.mission.findMany({ select: { id: true, title: true, status: true } });
    const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(stored)).toEqual(
      byId(first.missions.map(({ id, title, status }) => ({ id, title, status }))),
    );
    // More businesses: same demo missions; fewer secretaries: same missions altogether.
    const bigger = buildSeedPlan({ now: NOW, businesses: 30 });
    expect(bigger.missions.slice(0, 5)).toEqual(first.missions.slice(0, 5));
    expect(buildSeedPlan({ now: NOW, secretaries: 5 }).missions).toEqual(first.missions);
  });
});

// ——— Proposals, contracts and work ———

describe("demo seed: the marketplace loop", () => {
  const userId = async (email: string) =>
    (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

  it("freezes terms the contracts domain parses, in every state and billing mode, with valid histories", async () => {
    const contracts = await db.contract.findMany({
      select: {
        id: true,
        status: true,
        billingMode: true,
        terms: true,
        hourlyRateCents: true,
        fixedAmountCents: true,
        startDate: true,
        platformFeeBps: true,
        activatedAt: true,
        proposal: { select: { status: true, missionId: true } },
        missionId: true,
        statusChanges: { select: { from: true, to: true, reason: true }, orderBy: { createdAt: "asc" } },
      },
    });
    expect(new Set(contracts.map((c) => c.status))).toEqual(
      new Set(["PENDING", "ACTIVE", "PAUSED", "COMPLETED", "CANCELLED", "DISPUTED"]),
    );
    expect(new Set(contracts.map((c) => c.billingMode))).toEqual(new Set(["HOURLY", "PER_TASK", "FIXED"]));
    for (const contract of contracts) {
      const terms = contractTermsSchema.parse(contract.terms);
      expect(terms).toMatchObject({
        billingMode: contract.billingMode,
        hourlyRateCents: contract.hourlyRateCents,
        fixedAmountCents: contract.fixedAmountCents,
        startDate: contract.startDate.toISOString().slice(0, 10),
        platformFeeBps: contract.platformFeeBps,
      });
      expect(terms.mission.id).toBe(contract.missionId);
      expect(contract.proposal).toEqual({ status: "ACCEPTED", missionId: contract.missionId });
      if (terms.billingMode === "FIXED")
        expect(terms.milestones.reduce((sum, m) => sum + m.amountCents, 0)).toBe(terms.fixedAmountCents);
      const [created, ...moves] = contract.statusChanges;
      expect(created).toMatchObject({ from: "", to: "PENDING" });
      for (const move of moves) {
        const event = (Object.keys(contractTransitions) as ContractEvent[]).find(
          (e) =>
            contractTransitions[e].to === move.to && contractTransitions[e].from.includes(move.from as never),
        );
        expect(event, `${move.from}>${move.to}`).toBeDefined();
      }
      expect(contract.statusChanges.at(-1)!.to).toBe(contract.status);
      expect(contract.activatedAt !== null).toBe(contract.statusChanges.some((c) => c.to === "ACTIVE"));
    }
  });

  it("keeps one live proposal per bidder per mission, priced in the mission's billing mode", async () => {
    const proposals = await db.proposal.findMany({
      select: {
        missionId: true,
        bidderKey: true,
        status: true,
        live: true,
        origin: true,
        hourlyRateCents: true,
        taskPrices: true,
        fixedAmountCents: true,
        mission: { select: { billingMode: true, status: true } },
        statusChanges: { select: { from: true, to: true }, orderBy: { createdAt: "asc" } },
      },
    });
    expect(proposals.length).toBeGreaterThan(40);
    expect(new Set(proposals.map((p) => p.status))).toEqual(
      new Set(["SUBMITTED", "SHORTLISTED", "DECLINED", "WITHDRAWN", "ACCEPTED"]),
    );
    const live = new Map<string, number>();
    for (const p of proposals) {
      const isLive = p.status === "SUBMITTED" || p.status === "SHORTLISTED";
      expect(p.live).toBe(isLive ? true : null);
      if (isLive) {
        const key = `${p.missionId}/${p.bidderKey}`;
        live.set(key, (live.get(key) ?? 0) + 1);
        expect(p.mission.status).toBe("OPEN");
      }
      const mode = p.mission.billingMode;
      expect(p.hourlyRateCents !== null).toBe(mode === "HOURLY");
      expect((p.taskPrices as []).length > 0).toBe(mode === "PER_TASK");
      expect(p.fixedAmountCents !== null).toBe(mode === "FIXED");
      expect(p.statusChanges.at(-1)?.to ?? "SUBMITTED").toBe(p.status);
    }
    expect([...live.values()].every((count) => count === 1)).toBe(true);
  });

  it("prices every work entry as the server does and reviews it in time", async () => {
    const entries = await db.workEntry.findMany({
      select: {
        kind: true,
        minutes: true,
        quantity: true,
        taskType: true,
        unitPriceCents: true,
        amountCents: true,
        status: true,
        submittedAt: true,
        autoApproved: true,
        reviewedById: true,
        workDate: true,
        contract: { select: { terms: true } },
      },
    });
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(["TIME", "TASK"]));
    expect(new Set(entries.map((e) => e.status))).toEqual(new Set(["SUBMITTED", "APPROVED", "DISPUTED"]));
    expect(entries.some((e) => e.autoApproved)).toBe(true);
    for (const entry of entries) {
      const terms = contractTermsSchema.parse(entry.contract.terms);
      if (entry.kind === "TIME") {
        expect(entry.unitPriceCents).toBe(terms.hourlyRateCents);
        expect(entry.amountCents).toBe(Math.round((entry.minutes! * entry.unitPriceCents) / 60));
      } else {
        expect(entry.unitPriceCents).toBe(
          terms.taskPrices.find((t) => t.task === entry.taskType)!.unitPriceCents,
        );
        expect(entry.amountCents).toBe(entry.quantity! * entry.unitPriceCents);
      }
      expect(entry.workDate.getTime()).toBeLessThan(NOW.getTime());
      const windowEnd = entry.submittedAt.getTime() + 7 * DAY;
      if (entry.status === "SUBMITTED") expect(windowEnd).toBeGreaterThan(NOW.getTime());
      if (entry.autoApproved) expect(entry.reviewedById).toBeNull();
    }
    const milestones = await db.milestone.findMany({ select: { status: true } });
    expect(new Set(milestones.map((m) => m.status))).toEqual(
      new Set(["PLANNED", "SUBMITTED", "APPROVED", "DISPUTED"]),
    );
  });

  it("staffs the agency contract with both members and covers replacements with two secretaries", async () => {
    const [membre, membre2] = [
      await userId(demoAccounts.membre.email),
      await userId(demoAccounts.membre2.email),
    ];
    const agencyContract = await db.contract.findFirstOrThrow({
      where: { agencyId: { not: null }, status: "ACTIVE" },
      select: {
        assignees: { select: { userId: true, role: true } },
        workEntries: { select: { assigneeId: true } },
      },
    });
    expect(agencyContract.assignees).toEqual(
      expect.arrayContaining([
        { userId: membre, role: "PRIMARY" },
        { userId: membre2, role: "MEMBER" },
      ]),
    );
    expect(new Set(agencyContract.workEntries.map((e) => e.assigneeId)).size).toBe(2);

    const leave = await db.mission.findFirstOrThrow({
      where: { title: { contains: "congé maternité" } },
      select: {
        status: true,
        contracts: { select: { assignees: { select: { role: true, userId: true, replacesId: true } } } },
      },
    });
    expect(leave.status).toBe("FILLED");
    const people = leave.contracts[0]!.assignees;
    expect(people.map((a) => a.role).sort()).toEqual(["PRIMARY", "REPLACEMENT"]);
    expect(new Set(people.map((a) => a.userId)).size).toBe(2);
    // A past replacement logged her own hours inside her period.
    const covering = await db.contractAssignee.findFirstOrThrow({
      where: { role: "REPLACEMENT", workEntries: { some: {} } },
      select: { startsOn: true, endsOn: true, workEntries: { select: { workDate: true } } },
    });
    for (const entry of covering.workEntries) {
      expect(entry.workDate >= covering.startsOn! && entry.workDate <= covering.endsOn!).toBe(true);
    }
    expect(
      await db.confidentialityPledge.count({
        where: { userId: await userId(demoAccounts.secretaire.email) },
      }),
    ).toBe(1);
  });

  it("gives each demo login something real on its dashboard", async () => {
    const board = async (email: string) => loadDashboard({ actorId: await userId(email), now: NOW });
    const cabinet = (await board(demoAccounts.cabinet.email)).business!;
    expect(cabinet.proposalsToReview.length).toBeGreaterThan(0);
    expect(cabinet.contractsToAccept.length).toBeGreaterThan(0);
    expect(cabinet.workToApprove.length).toBeGreaterThan(0);
    expect(cabinet.activeContracts.length).toBeGreaterThan(0);
    expect(cabinet.offersAwaiting.length).toBe(1);

    const claire = (await board(demoAccounts.secretaire.email)).secretary!;
    expect(claire.liveProposals.length).toBeGreaterThan(0);
    expect(claire.offers.length).toBe(1);
    expect(claire.activeContracts.length).toBeGreaterThan(0);
    expect(claire.week.plans.flatMap((plan) => plan.sessions).length).toBeGreaterThan(0);
    expect(claire.owed.totalNetCents).toBeGreaterThan(0);

    const agency = (await board(demoAccounts.agence.email)).agency!;
    expect(agency.activeContracts.length).toBeGreaterThan(0);
    expect(agency.contractsToAccept.length).toBe(0); // the agency signed; the cabinet has not yet
    expect(agency.members.length).toBe(2);
    expect(agency.owed.totalNetCents).toBeGreaterThan(0);
    expect(agency.liveProposals.length).toBeGreaterThan(0);

    const artisan = (await board(demoAccounts.artisan.email)).business!;
    expect(artisan.activeContracts.length + artisan.proposalsToReview.length).toBeGreaterThan(1);
    const laura = (await board(demoAccounts.membre.email)).secretary!;
    expect(laura.activeContracts.length).toBeGreaterThan(0);
    expect((await board(demoAccounts.moderation.email)).staff).toBe(true);
  });
});

// ——— Payments: what the demo needs to invoice, charge and transfer last month ———

/** The cabinet ↔ Claire contract's entries in `plan`, with who logged them. */
function reportsEntries(plan: SeedPlan) {
  const claire = plan.users.find((u) => u.email === demoAccounts.secretaire.email)!;
  const contract = plan.contracts.find(
    (c) => c.providerUserId === claire.id && c.agencyId === null && c.billingMode === "HOURLY",
  )!;
  const assignees = plan.assignees.filter((a) => a.contractId === contract.id);
  return plan.workEntries
    .filter((e) => e.contractId === contract.id)
    .map((e) => ({ ...e, assignee: assignees.find((a) => a.id === e.assigneeId)! }));
}

describe("demo seed: payments", () => {
  const userId = async (email: string) =>
    (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

  it("gives the demo payees an invoicing identity, and no Stripe object", async () => {
    const identities = await db.invoicingIdentity.findMany();
    expect(identities).toHaveLength(3);
    const claire = identities.find((i) => i.legalName === "Claire Morel EI")!;
    expect(claire).toMatchObject({
      userId: await userId(demoAccounts.secretaire.email),
      vatExempt: true,
      vatNumber: null,
      postcode: "75011",
    });
    const emilie = identities.find((i) => i.legalName === "Émilie Garnier EI")!;
    expect(emilie).toMatchObject({
      userId: await userId(demoAccounts.remplacante.email),
      vatExempt: true,
      vatNumber: null,
    });
    const agency = identities.find((i) => i.organizationId !== null)!;
    expect(agency).toMatchObject({
      legalName: "SAS Télésecrétariat Provence",
      vatExempt: false,
      userId: null,
    });
    expect(vatMatchesSiret(agency.vatNumber!, agency.siret)).toBe(true);
    for (const identity of identities) {
      expect(isValidSiret(identity.siret), identity.legalName).toBe(true);
      expect(identity.addressLine.length).toBeGreaterThan(3);
      expect(identity.commune.length).toBeGreaterThan(0);
    }
    expect(await db.payoutAccount.count()).toBe(0);
    expect(await db.billingAccount.count()).toBe(0);
    expect(await db.payment.count()).toBe(0);
  });

  it("makes Émilie Garnier a published, independent demo secretary", async () => {
    const emilie = await db.user.findUniqueOrThrow({
      where: { email: demoAccounts.remplacante.email },
      select: {
        kind: true,
        displayName: true,
        secretaryProfile: { select: { status: true, slug: true, agencyId: true } },
      },
    });
    expect(emilie).toMatchObject({
      kind: "SECRETARY",
      displayName: "Émilie Garnier",
      secretaryProfile: { status: "PUBLISHED", slug: "emilie-garnier", agencyId: null },
    });
    // She was assigned to a medical-secrecy contract: she signed the pledge first.
    const id = await userId(demoAccounts.remplacante.email);
    expect(await db.confidentialityPledge.count({ where: { userId: id } })).toBe(1);
  });

  // Late in a month (the test's NOW) and early in one, when last month's end is still in its review window.
  it.each([NOW, new Date("2026-12-02T06:00:00Z"), new Date("2027-03-31T21:30:00Z")])(
    "reviews the whole of last month of Claire's contract, with Émilie's replacement week in it (now %s)",
    (now) => {
      const plan = buildSeedPlan({ now, secretaries: 20, businesses: 6 });
      const today = new Date(now.getTime() + 3_600_000).toISOString().slice(0, 10);
      const month = today.slice(0, 7);
      const previous = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1))
        .toISOString()
        .slice(0, 7);
      const entries = reportsEntries(plan);
      const before = entries.filter((e) => e.workDate.toISOString().slice(0, 7) < month);
      expect(before.every((e) => e.status !== "SUBMITTED")).toBe(true);
      const last = entries.filter((e) => e.workDate.toISOString().slice(0, 7) === previous);
      const approved = last.filter((e) => e.status === "APPROVED");
      const emilie = plan.users.find((u) => u.email === demoAccounts.remplacante.email)!;
      const hers = approved.filter((e) => e.assignee.userId === emilie.id);
      expect(hers.length).toBeGreaterThan(0);
      expect(hers.every((e) => e.assignee.role === "REPLACEMENT")).toBe(true);
      expect(approved.length).toBeGreaterThan(hers.length);
      for (const e of approved) expect(e.reviewedAt!.getTime()).toBeGreaterThan(e.submittedAt.getTime());
      for (const e of approved) expect(e.reviewedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    },
  );

  it("lets the payments job close last month of Claire's contract: invoices and a payout for each payee", async () => {
    const claire = await userId(demoAccounts.secretaire.email);
    const emilie = await userId(demoAccounts.remplacante.email);
    const contract = await db.contract.findFirstOrThrow({
      where: { providerUserId: claire, agencyId: null, billingMode: "HOURLY" },
      select: { id: true },
    });
    const paymentId = await closePeriod({ contractId: contract.id, month: "2026-10", now: NOW });
    expect(paymentId).not.toBeNull();
    const payouts = await db.payout.findMany({
      where: { paymentId: paymentId! },
      select: { payeeKey: true, amountCents: true },
    });
    expect(payouts.map((p) => p.payeeKey).sort()).toEqual([`user:${claire}`, `user:${emilie}`].sort());
    for (const payout of payouts) expect(payout.amountCents).toBeGreaterThan(0);
    expect(await db.invoice.count({ where: { paymentId: paymentId! } })).toBeGreaterThanOrEqual(2);
  });
});
