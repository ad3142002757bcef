import { describe, expect, it } from "vitest";
import { fold, indexText, words } from "#search/embedded/normalize";
import { buildTextMatch, parseQuery } from "#search/embedded/text-query";
import { editDistance, typoBudget, typoMatch } from "#search/embedded/typo";
import type { Vocabulary } from "#search/embedded/vocabulary";

describe("fold and words", () => {
  it("lowercases, removes accents, spells out ligatures and compatibility forms", () => {
    expect(fold("Œuvre Médicale d’ÉTAT ﬁn")).toBe("oeuvre medicale d’etat fin");
    expect(words("Gestion d’agenda, rendez-vous (RDV) à 14h30")).toEqual([
      "gestion",
      "d",
      "agenda",
      "rendez",
      "vous",
      "rdv",
      "a",
      "14h30",
    ]);
  });

  it("indexes arrays word by word and null as nothing", () => {
    expect(indexText(["Saisie comptable", "Médical"])).toBe("saisie comptable medical");
    expect(indexText(null)).toBe("");
    expect(words('"Gigi" \\ AND *')).toEqual(["gigi", "and"]);
  });
});

describe("typo budget and distance", () => {
  it("allows no typo below 5 letters, one from 5, two from 9", () => {
    expect(typoBudget("paie")).toBe(0);
    expect(typoBudget("agnda")).toBe(1);
    expect(typoBudget("planning")).toBe(1);
    expect(typoBudget("comptable")).toBe(2);
  });

  it("counts insertions, deletions, substitutions and swaps of neighbours as one edit (OSA)", () => {
    expect(editDistance("agnda", "agenda", 2).distance).toBe(1);
    expect(editDistance("acceuil", "accueil", 2).distance).toBe(1);
    expect(editDistance("plonnong", "planning", 3).distance).toBe(2);
    // Optimal string alignment never edits a swapped pair again: "ca" → "abc" is 3, not 2.
    expect(editDistance("ca", "abc", 3).distance).toBe(3);
  });

  it("gives up past the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 1).distance).toBe(2);
    expect(editDistance("a", "abcd", 2).distance).toBe(3);
  });

  it("measures a prefix against the closest start of the word", () => {
    expect(editDistance("agnda", "agendas", 1, true)).toEqual({ distance: 1, length: 6 });
    expect(editDistance("compta", "comptable", 1, true)).toEqual({ distance: 0, length: 6 });
  });
});

describe("typoMatch: the first letter counts double", () => {
  it("finds a one-typo word that keeps the first letter", () => {
    expect(typoMatch("agnda", "agenda", 1, false)).toEqual({ cost: 1, match: "agenda" });
  });

  it("refuses a first-letter typo with a budget of one", () => {
    expect(typoMatch("xgenda", "agenda", 1, false)).toBeNull();
    expect(typoMatch("genda", "agenda", 1, false)).toBeNull();
  });

  it("accepts a first-letter typo as two typos with a budget of two, and nothing more", () => {
    expect(typoMatch("xecretaire", "secretaire", 2, false)).toEqual({ cost: 2, match: "secretaire" });
    expect(typoMatch("xecretairx", "secretaire", 2, false)).toBeNull();
    expect(typoMatch("secretairxx", "secretaire", 2, false)).toEqual({ cost: 2, match: "secretaire" });
  });

  it("returns the closest prefix to search for the last word", () => {
    expect(typoMatch("agnda", "agendas", 1, true)).toEqual({ cost: 1, match: "agenda" });
    expect(typoMatch("agen", "agenda", 0, true)).toBeNull();
  });

  it("leaves exact words to the exact search", () => {
    expect(typoMatch("agenda", "agenda", 1, false)).toBeNull();
  });
});

describe("parseQuery", () => {
  it("drops stop words but keeps one ending the text, as a prefix", () => {
    expect(parseQuery("gestion de la paie")).toEqual([
      { kind: "word", word: "gestion", position: 0, last: false },
      { kind: "word", word: "paie", position: 3, last: true },
    ]);
    expect(parseQuery("rendez-vous").map((t) => t.kind === "word" && [t.word, t.last])).toEqual([
      ["rendez", false],
      ["vous", true],
    ]);
  });

  it("treats the last word as a prefix only when nothing follows it", () => {
    expect(parseQuery("agenda ")).toEqual([{ kind: "word", word: "agenda", position: 0, last: false }]);
    expect(parseQuery("agenda")).toEqual([{ kind: "word", word: "agenda", position: 0, last: true }]);
  });

  it("reads quoted words as a phrase, an unclosed quote running to the end", () => {
    expect(parseQuery('"compte rendu" mensuel')).toEqual([
      { kind: "phrase", words: ["compte", "rendu"], position: 0 },
      { kind: "word", word: "mensuel", position: 2, last: true },
    ]);
    expect(parseQuery('gaelle "gigi')).toEqual([
      { kind: "word", word: "gaelle", position: 0, last: false },
      { kind: "phrase", words: ["gigi"], position: 1 },
    ]);
  });

  it("keeps no operator: only words and phrases come out", () => {
    const terms = parseQuery('NOT ) OR ( * : ^ "AND" \\');
    expect(terms).toEqual([
      { kind: "word", word: "not", position: 0, last: false },
      { kind: "word", word: "or", position: 1, last: false },
      { kind: "phrase", words: ["and"], position: 2 },
    ]);
  });

  it("reads at most ten terms", () => {
    expect(parseQuery("un deux trois quatre cinq six sept huit neuf dix onze douze")).toHaveLength(10);
  });
});

describe("buildTextMatch", () => {
  // A vocabulary that knows a few words, as the FTS index would.
  const known = ["agenda", "agendas", "planning", "secretaire"];
  const vocabulary = {
    refresh: async () => {},
    candidates: (word: string, budget: 0 | 1 | 2, prefix: boolean) => {
      const found = known.flatMap((term) => typoMatch(word, term, budget, prefix) ?? []);
      return [...new Map(found.map((c) => [c.match, c])).values()];
    },
  } as unknown as Vocabulary;

  /** Everything outside quoted strings must be FTS5 structure only. */
  const structureOnly = (fts: string) =>
    fts.replace(/"(?:[^"]|"")*"/g, "").replace(/\(|\)|AND|OR|\*|\s/g, "");

  it("matches everything for empty or stop-word-only text", async () => {
    expect(await buildTextMatch("", vocabulary)).toEqual({ kind: "everything" });
    expect(await buildTextMatch("  le de ", vocabulary)).toEqual({ kind: "everything" });
  });

  it("adds typo alternatives to the full match only", async () => {
    expect(await buildTextMatch("agnda", vocabulary)).toEqual({
      kind: "match",
      full: '("agnda"* OR "agenda"*)',
      exact: '"agnda"*',
    });
  });

  it("expands a two-word synonym key into phrases beside the words themselves", async () => {
    const match = await buildTextMatch("compte rendu", vocabulary);
    expect(match.kind).toBe("match");
    const { full } = match as { full: string };
    for (const part of ['"compte"', '"rendu"*', '"cr"', '"pv"', '"proces verbal"'])
      expect(full).toContain(part);
    expect(full).toBe('(("compte" AND "rendu"*) OR ("cr" OR "pv" OR "proces verbal"))');
  });

  it("never lets user text become FTS5 syntax", async () => {
    for (const text of ['agenda" OR NOT *', "NEAR(a b)", '"\\" AND "', "col:agenda ^start", "a + b - c"]) {
      const match = await buildTextMatch(text, vocabulary);
      if (match.kind !== "match") continue;
      expect(structureOnly(match.full), text).toBe("");
      expect(structureOnly(match.exact ?? ""), text).toBe("");
    }
  });
});
