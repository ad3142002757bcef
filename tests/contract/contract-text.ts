// Contract: text search — typos, prefix, accents, synonyms, escaping, text ranking.
import { describe, expect, it } from "vitest";
import { expectHitSet, ids, type MissionRun, type SecretaryRun } from "./contract-helpers";

export function describeText(s: SecretaryRun, m: MissionRun) {
  describe("text", () => {
    it("finds a word in labels, bio and synonyms (agenda ⇔ planning)", async () => {
      expectHitSet(await s({ text: "agenda" }), ["s01", "s10", "s11"]);
    });

    it("tolerates one typo in a 5-letter word: agnda finds agenda (synonyms do not follow typos)", async () => {
      expectHitSet(await s({ text: "agnda" }), ["s01", "s10"]);
    });

    it("counts a typo on the first letter double: xgenda finds nothing", async () => {
      expectHitSet(await s({ text: "xgenda" }), []);
    });

    it("tolerates no typo in a 4-letter word", async () => {
      expectHitSet(await s({ text: "paie" }), ["s06"]);
      expectHitSet(await s({ text: "paix" }), []);
    });

    it("tolerates one typo but not two from 5 to 8 letters", async () => {
      expectHitSet(await s({ text: "plonning" }), ["s10", "s11"]);
      expectHitSet(await s({ text: "plonnong" }), []);
    });

    it("tolerates two typos but not three from 9 letters", async () => {
      expectHitSet(await s({ text: "comptabolitu" }), ["s06"]);
      expectHitSet(await s({ text: "comptobolitu" }), []);
    });

    it("treats the last word as a prefix", async () => {
      expectHitSet(await s({ text: "juridi" }), ["s02", "s09"]);
    });

    it("requires every word", async () => {
      expectHitSet(await s({ text: "agenda juridique" }), []);
      expectHitSet(await s({ text: "secrétaire isère" }), ["s10"]);
    });

    it("ignores accents and case", async () => {
      const expected = ["s01", "s10", "s12"];
      expectHitSet(await s({ text: "medicale" }), expected);
      expectHitSet(await s({ text: "Médicale" }), expected);
      expectHitSet(await s({ text: "MÉDICALE" }), expected);
      expectHitSet(await s({ text: "telesecretariat" }), ["s05"]);
      expectHitSet(await s({ text: "TÉLÉSECRÉTARIAT" }), ["s05"]);
    });

    it("expands synonyms both ways: rdv ⇔ rendez-vous", async () => {
      expectHitSet(await s({ text: "rdv" }), ["s01", "s11"]);
      expectHitSet(await s({ text: "rendez-vous" }), ["s01", "s11"]);
    });

    it("expands a word into phrases: standard ⇔ accueil téléphonique ⇔ permanence téléphonique", async () => {
      expectHitSet(await s({ text: "standard" }), ["s03", "s04", "s05"]);
    });

    it("expands CR into compte rendu and PV", async () => {
      expectHitSet(await s({ text: "CR" }), ["s02", "s12"]);
      expectHitSet(await s({ text: "compte rendu" }), ["s02", "s12"]);
    });

    it("finds a name holding quotes, a backslash and AND, and never treats them as syntax", async () => {
      expectHitSet(await s({ text: '"Gigi" \\ AND' }), ["s07"]);
      expectHitSet(await s({ text: "Martin" }), ["s07"]);
      expectHitSet(await s({ text: 'gaelle "gigi' }), ["s07"]);
      const odd = await s({ text: 'NOT ) OR ( * : ^ "' });
      expect(odd.total).toBeGreaterThanOrEqual(0);
    });

    it("ranks a headline match above a bio match, before the rating", async () => {
      // s09 has the better rating score, but only "juridiques" in her bio.
      expect(ids(await s({ text: "juridique" }))).toEqual(["s02", "s09"]);
    });

    it("ranks exact matches above typo matches, before the rating", async () => {
      // s03 (best rating of the three) only has "coursiers", one typo away.
      const r = await s({ text: "courrier" });
      expect(r.total).toBe(3);
      expect(ids(r).slice(0, 2).sort()).toEqual(["s05", "s09"]);
      expect(ids(r)[2]).toBe("s03");
    });

    it("orders an empty-text relevance search by rating score", async () => {
      expect(ids(await s())).toEqual([
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
    });

    it("searches missions by title, description and skill labels", async () => {
      const r = await m({ text: "medicale" });
      expectHitSet(r, ["m03"]);
      expectHitSet(await m({ text: "rdv" }), ["m01", "m03"]);
      expectHitSet(await m({ text: "compte rendu" }), ["m04"]);
      expectHitSet(await m({ text: "Lumière" }), ["m05"]);
    });
  });
}
