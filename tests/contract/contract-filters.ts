// Contract: filters (on-site reach included), facets and rate statistics.
import { describe, expect, it } from "vitest";
import { D0, DAY_MS, GRENOBLE, LYON, secretaryFixtures, southOf } from "./fixtures";
import { expectHitSet, type MissionRun, type SecretaryRun } from "./contract-helpers";

export function describeFilters(s: SecretaryRun, m: MissionRun) {
  describe("filters", () => {
    it("skills: all of them", async () => {
      expectHitSet(await s({ filters: { skills: ["AGENDA_MANAGEMENT"] } }), ["s01", "s10"]);
      expectHitSet(await s({ filters: { skills: ["AGENDA_MANAGEMENT", "APPOINTMENT_BOOKING"] } }), ["s01"]);
    });

    it("sectors and billing modes: any of them", async () => {
      expectHitSet(await s({ filters: { sectors: ["LEGAL", "ACCOUNTING"] } }), ["s02", "s06"]);
      expectHitSet(await s({ filters: { billingModes: ["FIXED"] } }), ["s02", "s06", "s07", "s12"]);
    });

    it("software and languages: all of them", async () => {
      expectHitSet(await s({ filters: { software: ["MICROSOFT_365", "OUTLOOK"] } }), ["s09"]);
      expectHitSet(await s({ filters: { languages: ["en"] } }), ["s01", "s06", "s09", "s12"]);
      expectHitSet(await s({ filters: { languages: ["en", "es"] } }), ["s09"]);
    });

    it("max hourly rate is inclusive and leaves out unknown rates", async () => {
      expectHitSet(await s({ filters: { maxHourlyRateCents: 3000 } }), ["s03", "s05", "s08", "s10", "s11"]);
    });

    it("available by a day, and weekly slots (all of them)", async () => {
      const everyone = secretaryFixtures.map((d) => d.id);
      expectHitSet(
        await s({ filters: { availableBy: D0 } }),
        everyone.filter((id) => id !== "s09"),
      );
      expectHitSet(await s({ filters: { availableBy: D0 + 60 * DAY_MS } }), everyone);
      expectHitSet(await s({ filters: { availabilitySlots: ["1-MATIN", "2-MATIN"] } }), [
        "s01",
        "s05",
        "s08",
      ]);
    });

    it("verified, kind and remote", async () => {
      expectHitSet(await s({ filters: { verified: true } }), [
        "s01",
        "s02",
        "s04",
        "s06",
        "s08",
        "s10",
        "s12",
      ]);
      expectHitSet(await s({ filters: { kind: "AGENCY" } }), ["s02", "s08", "s11"]);
      expectHitSet(await s({ filters: { remote: false } }), ["s08"]);
    });

    it("combines text and several filters", async () => {
      expectHitSet(
        await s({ text: "secretaire", filters: { verified: true, maxHourlyRateCents: 3200, reach: LYON } }),
        ["s01", "s08"],
      );
    });

    it("never lets a filter value become filter syntax", async () => {
      const evil = ['X" OR verified = true OR skills = "Y', 'X\\" OR verified = true OR skills = \\"', "AND"];
      expectHitSet(await s({ filters: { skills: evil } }), []);
      expectHitSet(await s({ filters: { sectors: evil } }), []);
    });

    it("on-site reach: onSite and her own radius covers the distance to the point", async () => {
      expectHitSet(await s({ filters: { reach: LYON } }), ["s01", "s05", "s08", "s12"]);
    });

    it("on-site reach at 19.9 km is in, at 20.1 km is out (radius 20 km)", async () => {
      const inside = await s({ filters: { reach: southOf(GRENOBLE, 19.9) } });
      expectHitSet(inside, ["s10"]);
      expect(inside.hits[0]?._distanceKm).toBeCloseTo(19.9, 1);
      expectHitSet(await s({ filters: { reach: southOf(GRENOBLE, 20.1) } }), []);
    });

    it("missions: billing mode, budget range, schedule, work mode, start dates (inclusive)", async () => {
      expectHitSet(await m({ filters: { billingModes: ["HOURLY"] } }), ["m01", "m03", "m05"]);
      expectHitSet(await m({ filters: { minBudgetCents: 3000, maxBudgetCents: 50000 } }), ["m03", "m04"]);
      expectHitSet(await m({ filters: { scheduleTypes: ["RECURRING"] } }), ["m01", "m04"]);
      expectHitSet(await m({ filters: { workModes: ["ON_SITE", "HYBRID"] } }), ["m02", "m03", "m04"]);
      expectHitSet(await m({ filters: { startFrom: D0 + 2 * DAY_MS, startBefore: D0 + 10 * DAY_MS } }), [
        "m01",
        "m02",
        "m03",
      ]);
      expectHitSet(await m({ filters: { skills: ["APPOINTMENT_BOOKING", "AGENDA_MANAGEMENT"] } }), ["m03"]);
    });

    it("missions: near a point within a fixed radius", async () => {
      expectHitSet(await m({ filters: { near: { ...LYON, radiusKm: 10 } } }), ["m02", "m03"]);
      expectHitSet(await m({ filters: { near: { ...LYON, radiusKm: 100 } } }), ["m02", "m03", "m04"]);
    });
  });
}

export function describeFacets(s: SecretaryRun, m: MissionRun) {
  describe("facets and rate statistics", () => {
    it("counts each requested facet over the matching documents, booleans as strings", async () => {
      const r = await s({
        filters: { remote: true },
        facets: ["skills", "kind", "verified", "onSite", "languages"],
      });
      expect(r.total).toBe(11);
      expect(r.facets).toEqual({
        skills: {
          AGENDA_MANAGEMENT: 2,
          APPOINTMENT_BOOKING: 1,
          MINUTES: 2,
          TYPING: 1,
          PHONE_ANSWERING: 1,
          CLIENT_REMINDERS: 2,
          MAIL: 2,
          BOOKKEEPING_ENTRY: 1,
          FILING: 1,
          PROOFREADING: 1,
          FILE_UPDATES: 1,
        },
        kind: { AGENCY: 2, INDEPENDENT: 9 },
        verified: { true: 6, false: 5 },
        onSite: { true: 5, false: 6 },
        languages: { fr: 11, en: 4, de: 1, it: 1, es: 1, ar: 1 },
      });
    });

    it("counts facets after the text (not disjunctive)", async () => {
      const r = await s({
        text: "agenda",
        filters: { skills: ["AGENDA_MANAGEMENT"] },
        facets: ["skills", "sectors", "availabilitySlots"],
      });
      expect(r.facets).toEqual({
        skills: { AGENDA_MANAGEMENT: 2, APPOINTMENT_BOOKING: 1, FILE_UPDATES: 1 },
        sectors: { MEDICAL: 2 },
        availabilitySlots: { "1-MATIN": 2, "2-MATIN": 1, "3-MATIN": 1, "3-SOIR": 1 },
      });
    });

    it("returns only the facets asked for, and empty counts when nothing matches", async () => {
      expect(Object.keys((await s({ facets: ["remote"] })).facets)).toEqual(["remote"]);
      const none = await s({ text: "xgenda", facets: ["skills"] });
      expect(none.facets.skills ?? {}).toEqual({});
    });

    it("gives the min and max known hourly rate of the matching secretaries", async () => {
      // Nothing narrows the search: the embedded engine reads these from its indexes instead.
      expect((await s({})).rateStats).toEqual({ min: 2200, max: 4500 });
      expect((await s({ filters: { remote: true } })).rateStats).toEqual({ min: 2200, max: 4500 });
      expect((await s({ filters: { kind: "AGENCY" } })).rateStats).toEqual({ min: 2200, max: 4500 });
      expect((await s({ text: "standard" })).rateStats).toEqual({ min: 2700, max: 2800 });
      expect((await s({ text: "Martin" })).rateStats ?? null).toBeNull();
      expect((await s({ text: "xgenda" })).rateStats ?? null).toBeNull();
    });

    it("counts mission facets, leaving out missing values", async () => {
      const r = await m({ facets: ["billingMode", "scheduleType", "workMode", "sector", "skills"] });
      expect(r.facets).toEqual({
        billingMode: { HOURLY: 3, FIXED: 1, PER_TASK: 1 },
        scheduleType: { RECURRING: 2, ONE_OFF: 2, REPLACEMENT: 1 },
        workMode: { REMOTE: 2, HYBRID: 1, ON_SITE: 2 },
        sector: { MEDICAL: 2, ACCOUNTING: 1, CONSTRUCTION: 1 },
        skills: {
          PHONE_ANSWERING: 1,
          APPOINTMENT_BOOKING: 2,
          BOOKKEEPING_ENTRY: 1,
          AGENDA_MANAGEMENT: 1,
          MINUTES: 1,
          CLIENT_REMINDERS: 1,
        },
      });
    });
  });
}
