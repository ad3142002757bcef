// Contract: explicit sorts, distances and pagination.
import { describe, expect, it } from "vitest";
import { distanceKm } from "#app/domain/geo/distance";
import { LYON, secretaryFixtures } from "./fixtures";
import { ids, type MissionRun, type SecretaryRun } from "./contract-helpers";

const rateAscending = ["s11", "s08", "s03", "s05", "s10", "s01", "s09", "s06", "s12", "s02"];

export function describeSorts(s: SecretaryRun, m: MissionRun) {
  describe("sorts and pagination", () => {
    it("rate ascending, unknown rates last", async () => {
      const r = ids(await s({ sort: "rate_asc" }));
      expect(r.slice(0, 10)).toEqual(rateAscending);
      expect(r.slice(10).sort()).toEqual(["s04", "s07"]);
    });

    it("rate descending, unknown rates still last", async () => {
      const r = ids(await s({ sort: "rate_desc" }));
      expect(r.slice(0, 10)).toEqual([...rateAscending].reverse());
      expect(r.slice(10).sort()).toEqual(["s04", "s07"]);
    });

    it("rating score descending, and newest first", async () => {
      expect(ids(await s({ sort: "rating" }))).toEqual([
        "s10",
        "s01",
        "s03",
        "s06",
        "s09",
        "s12",
        "s04",
        "s07",
        "s08",
        "s02",
        "s11",
        "s05",
      ]);
      expect(ids(await s({ sort: "newest" }))).toEqual(secretaryFixtures.map((d) => d.id).reverse());
    });

    // Product decision (ADR 006): a sort the user picks is strict, also with text — "Tarif
    // croissant" lists the cheapest matching secretary first, relevance only breaks ties.
    it("sorts strictly by the chosen key when there is text too", async () => {
      const r = await s({ text: "secretaire", sort: "rate_asc" });
      expect(r.total).toBeGreaterThan(2);
      const rates = r.hits.map((h) => h.hourlyRateCents ?? Number.POSITIVE_INFINITY);
      expect(rates).toEqual([...rates].sort((a, b) => a - b));
    });

    it("sorts a filtered search", async () => {
      expect(ids(await s({ sort: "rate_asc", filters: { kind: "AGENCY" } }))).toEqual(["s11", "s08", "s02"]);
    });

    it("distance from the origin, documents without coordinates last, with _distanceKm", async () => {
      const r = await s({ sort: "distance", origin: LYON });
      expect(ids(r).slice(0, 7)).toEqual(["s01", "s12", "s08", "s05", "s03", "s10", "s06"]);
      expect(ids(r).slice(7).sort()).toEqual(["s02", "s04", "s07", "s09", "s11"]);
      for (const hit of r.hits) {
        if (!hit._geo) {
          expect(hit._distanceKm).toBeUndefined();
          continue;
        }
        const expected = distanceKm(
          { latitude: LYON.lat, longitude: LYON.lng },
          { latitude: hit._geo.lat, longitude: hit._geo.lng },
        );
        expect(hit._distanceKm).toBeCloseTo(expected, 1);
      }
    });

    it("distance from the reach point when there is one", async () => {
      const r = await s({ sort: "distance", filters: { reach: { lat: 45.75, lng: 4.85 } } });
      expect(ids(r)).toEqual(["s08", "s01", "s12", "s05"]);
    });

    it("pages with an exact total", async () => {
      const page2 = await s({ sort: "rate_asc", perPage: 3, page: 2 });
      expect(ids(page2)).toEqual(["s05", "s10", "s01"]);
      expect(page2).toMatchObject({ total: 12, page: 2, perPage: 3, totalPages: 4 });
      const page4 = await s({ sort: "rate_asc", perPage: 3, page: 4 });
      expect(ids(page4)[0]).toBe("s02");
      expect(ids(page4).slice(1).sort()).toEqual(["s04", "s07"]);
      const beyond = await s({ sort: "rate_asc", perPage: 3, page: 5 });
      expect(beyond.hits).toEqual([]);
      expect(beyond).toMatchObject({ total: 12, totalPages: 4, page: 5 });
    });

    it("pages through a text search without losing or repeating anyone", async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 4; page++)
        seen.push(...ids(await s({ text: "secretaire", perPage: 2, page })));
      const all = ids(await s({ text: "secretaire" }));
      expect(seen).toEqual(all);
      expect(new Set(all).size).toBe(all.length);
    });

    it("sorts missions: newest, start date, budget, distance", async () => {
      expect(ids(await m({ sort: "newest" }))).toEqual(["m05", "m04", "m03", "m02", "m01"]);
      expect(ids(await m({ sort: "start_date" }))).toEqual(["m05", "m03", "m02", "m01", "m04"]);
      expect(ids(await m({ sort: "budget_desc" }))).toEqual(["m02", "m04", "m03", "m01", "m05"]);
      expect(ids(await m({ sort: "budget_asc" }))).toEqual(["m05", "m01", "m03", "m04", "m02"]);
      const near = await m({ sort: "distance", origin: LYON });
      expect(ids(near).slice(0, 3)).toEqual(["m02", "m03", "m04"]);
      expect(ids(near).slice(3).sort()).toEqual(["m01", "m05"]);
      const byNear = await m({
        sort: "distance",
        filters: { near: { lat: 45.77, lng: 4.88, radiusKm: 100 } },
      });
      expect(ids(byNear)).toEqual(["m03", "m02", "m04"]);
      expect(byNear.hits[0]?._distanceKm).toBeCloseTo(0, 2);
    });
  });
}
