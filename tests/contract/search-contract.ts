// The search contract shared by both engines (DESIGN.md §5). `describeSearchContract` registers the
// same fixtures and assertions for any SearchEngine: tests/contract/embedded.test.ts runs it always,
// tests/contract/meilisearch.test.ts when MEILI_HOST is set. Expectations are written by hand from
// ./fixtures.ts; hit sets are compared order-insensitively unless the sort is explicit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SearchEngine } from "#search/engine";
import type { MissionSearch, SecretarySearch } from "#search/query";
import { displayedAttributes } from "#search/settings";
import { describeFacets, describeFilters } from "./contract-filters";
import { expectHitSet, missionQuery, resetAll, secretaryQuery, type SecretaryRun } from "./contract-helpers";
import { describeSorts } from "./contract-sorts";
import { describeText } from "./contract-text";
import { GRENOBLE, LYON, secretaryFixtures, southOf } from "./fixtures";

export { missionQuery, secretaryQuery } from "./contract-helpers";

export function describeSearchContract(name: string, makeEngine: () => Promise<SearchEngine>) {
  describe(`search contract — ${name}`, () => {
    let engine: SearchEngine;
    const s = (p: Partial<SecretarySearch> = {}) => engine.search(secretaryQuery(p));
    const m = (p: Partial<MissionSearch> = {}) => engine.search(missionQuery(p));

    beforeAll(async () => {
      engine = await makeEngine();
      await engine.setup();
    });
    afterAll(async () => {
      await engine?.close();
    });

    describe("reading the fixtures", () => {
      beforeAll(async () => {
        await resetAll(engine);
      });

      describeBasics(() => engine, s);
      describeText(s, m);
      describeFilters(s, m);
      describeFacets(s, m);
      describeSorts(s, m);
    });

    describe("writing", () => {
      beforeEach(async () => {
        await resetAll(engine);
      });
      describeWrites(() => engine, s);
    });
  });
}

function describeBasics(getEngine: () => SearchEngine, s: SecretaryRun) {
  it("counts the documents of each index", async () => {
    expect(await getEngine().count("secretaries")).toBe(12);
    expect(await getEngine().count("missions")).toBe(5);
  });

  it("returns everything for an empty text, with an exact total", async () => {
    const r = await s({ perPage: 5 });
    expect(r.total).toBe(12);
    expect(r.hits).toHaveLength(5);
    expect(r.page).toBe(1);
    expect(r.perPage).toBe(5);
    expect(r.totalPages).toBe(3);
  });

  it("returns only the displayed attributes (no bio, no labels)", async () => {
    const r = await s({ text: "agenda" });
    expect(r.hits.length).toBeGreaterThan(0);
    const allowed = new Set<string>([...displayedAttributes.secretaries, "_distanceKm"]);
    for (const hit of r.hits) {
      for (const key of Object.keys(hit)) expect(allowed.has(key), key).toBe(true);
      expect(hit).not.toHaveProperty("bio");
      expect(hit).not.toHaveProperty("skillLabels");
    }
    const s01 = r.hits.find((h) => h.id === "s01");
    expect(s01?.displayName).toBe("Amélie Durand");
    expect(s01?.skills).toEqual(["AGENDA_MANAGEMENT", "APPOINTMENT_BOOKING"]);
    expect(s01?._geo).toEqual(LYON);
  });
}

function describeWrites(getEngine: () => SearchEngine, s: SecretaryRun) {
  const fixture = (id: string) => structuredClone(secretaryFixtures.find((d) => d.id === id)!);

  it("upsert adds a new document", async () => {
    const fresh = { ...fixture("s04"), id: "s13", slug: "s13", displayName: "Nadia Zerrouki" };
    await getEngine().upsert("secretaries", [fresh]);
    expect(await getEngine().count("secretaries")).toBe(13);
    expectHitSet(await s({ text: "zerrouki" }), ["s13"]);
  });

  it("upsert replaces a document by id, text, filters and facets included", async () => {
    const changed = {
      ...fixture("s04"),
      headline: "Saisie et relances",
      skills: ["BOOKKEEPING_ENTRY"],
      skillLabels: ["Saisie comptable"],
      hourlyRateCents: 2000,
    };
    await getEngine().upsert("secretaries", [changed]);
    expect(await getEngine().count("secretaries")).toBe(12);
    expectHitSet(await s({ text: "standard" }), ["s03", "s05"]);
    expectHitSet(await s({ filters: { maxHourlyRateCents: 2100 } }), ["s04"]);
    const r = await s({ facets: ["skills"] });
    expect(r.facets.skills?.CLIENT_REMINDERS).toBe(1);
    expect(r.facets.skills?.BOOKKEEPING_ENTRY).toBe(2);
    expect(r.hits.find((h) => h.id === "s04")?.headline).toBe("Saisie et relances");
  });

  it("upsert moves a document out of reach", async () => {
    await getEngine().upsert("secretaries", [{ ...fixture("s10"), _geo: { lat: 48.855, lng: 2.35 } }]);
    expectHitSet(await s({ filters: { reach: southOf(GRENOBLE, 19.9) } }), []);
  });

  it("remove deletes by id and ignores unknown ids", async () => {
    await getEngine().remove("secretaries", ["s01", "s11", "nobody"]);
    expect(await getEngine().count("secretaries")).toBe(10);
    expectHitSet(await s({ text: "agenda" }), ["s10"]);
    expect((await s({ facets: ["kind"] })).facets.kind).toEqual({ AGENCY: 2, INDEPENDENT: 8 });
    expectHitSet(await s({ filters: { reach: LYON } }), ["s05", "s08", "s12"]);
  });

  it("replaceAll swaps the whole content of one index only", async () => {
    await getEngine().replaceAll("secretaries", [fixture("s06"), fixture("s07")]);
    expect(await getEngine().count("secretaries")).toBe(2);
    expect(await getEngine().count("missions")).toBe(5);
    expectHitSet(await s(), ["s06", "s07"]);
    expectHitSet(await s({ text: "agenda" }), []);
    await getEngine().replaceAll("secretaries", []);
    expect(await getEngine().count("secretaries")).toBe(0);
    expect((await s()).total).toBe(0);
  });

  it("keeps every document when upserts run in parallel", async () => {
    const docs = Array.from({ length: 20 }, (_, i) => ({
      ...fixture("s05"),
      id: `p${String(i).padStart(2, "0")}`,
      slug: `p${i}`,
      displayName: `Parallèle Numéro${i}`,
    }));
    await Promise.all(docs.map((d) => getEngine().upsert("secretaries", [d])));
    expect(await getEngine().count("secretaries")).toBe(32);
    expect((await s({ text: "parallele" })).total).toBe(20);
  });
}
