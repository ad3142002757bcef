import { describe, expect, it } from "vitest";
import { pageWindow } from "#app/components/search-pagination";
import {
  formatDistance,
  formatRating,
  formatWeekdays,
  initialsOf,
  reachSummary,
} from "#app/domain/discovery/secretary-card";
import {
  ADDRESS_FORMAT_MESSAGE,
  emptySecretarySearch,
  parseAddressInput,
  parseSecretarySearch,
  searchMessages,
  serializeSecretarySearch,
} from "#app/domain/discovery/secretary-search.schema";

const parse = (search: string) => parseSecretarySearch(new URLSearchParams(search));

describe("reading /secretaires params", () => {
  it("reads a full query with French names and repeated values", () => {
    const { query, errors } = parse(
      "q=prise+de+rdv&adresse=75011+Paris&competences=APPOINTMENT_BOOKING&competences=PHONE_ANSWERING" +
        "&secteurs=MEDICAL&logiciels=DOCTOLIB&langues=en&facturation=HOURLY&tarifMax=35%2C50" +
        "&disponibleLe=2026-12-01&creneaux=1-MATIN&creneaux=5-APRES_MIDI&verifiee=oui&type=agence&distance=oui&tri=note&page=3",
    );
    expect(errors).toEqual({});
    expect(query).toEqual({
      q: "prise de rdv",
      adresse: "75011 Paris",
      skills: ["APPOINTMENT_BOOKING", "PHONE_ANSWERING"],
      sectors: ["MEDICAL"],
      software: ["DOCTOLIB"],
      languages: ["en"],
      billingModes: ["HOURLY"],
      maxRateCents: 3550,
      availableOn: "2026-12-01",
      slots: ["1-MATIN", "5-APRES_MIDI"],
      verified: true,
      kind: "agence",
      remote: true,
      sort: "note",
      page: 3,
    });
  });

  it("gives the defaults for an empty URL and for empty fields of a submitted form", () => {
    expect(parse("")).toEqual({ query: emptySecretarySearch, errors: {} });
    expect(parse("q=&adresse=&tarifMax=&disponibleLe=&type=&tri=pertinence")).toEqual({
      query: emptySecretarySearch,
      errors: {},
    });
  });

  it("accepts the older ?competence= as one more skill, without duplicates", () => {
    const { query } = parse("competence=MAIL&competences=MAIL&competences=TYPING");
    expect(query.skills).toEqual(["MAIL", "TYPING"]);
  });

  it("drops unknown codes, keeps the known ones and says which filter was wrong", () => {
    const { query, errors } = parse(
      "competences=MAIL&competences=MAILS&logiciels=WORD&creneaux=8-MATIN&creneaux=1-SOIR",
    );
    expect(query.skills).toEqual(["MAIL"]);
    expect(query.software).toEqual([]);
    expect(query.slots).toEqual(["1-SOIR"]);
    expect(errors).toEqual({
      competences: "Cette compétence n’existe pas.",
      logiciels: searchMessages.logiciels,
      creneaux: searchMessages.creneaux,
    });
  });

  it.each([
    ["page=abc", "page"],
    ["page=0", "page"],
    ["page=1.5", "page"],
    ["tarifMax=beaucoup", "tarifMax"],
    ["tarifMax=-3", "tarifMax"],
    ["tarifMax=5000", "tarifMax"],
    ["disponibleLe=2026-02-30", "disponibleLe"],
    ["disponibleLe=demain", "disponibleLe"],
    ["verifiee=peut-etre", "verifiee"],
    ["type=cabinet", "type"],
    ["tri=prix", "tri"],
  ] as const)("reports %s in French and falls back to the default", (search, name) => {
    const { query, errors } = parse(search);
    expect(errors).toEqual({ [name]: searchMessages[name] });
    expect(query).toEqual(emptySecretarySearch);
  });

  it("shortens a text that is too long and says so", () => {
    const { query, errors } = parse(`q=${"a".repeat(250)}`);
    expect(query.q).toHaveLength(200);
    expect(errors.q).toMatch(/trop longue/);
  });

  it("writes the canonical URL back, defaults left out, and reads it again to the same query", () => {
    const { query } = parse("tri=pertinence&page=1&q=++agenda++&competence=MAIL&tarifMax=35.0&verifiee=on");
    const search = serializeSecretarySearch(query);
    expect(search).toBe("q=agenda&competences=MAIL&tarifMax=35&verifiee=oui");
    expect(parse(search).query).toEqual(query);
    expect(serializeSecretarySearch(emptySecretarySearch)).toBe("");
  });
});

describe("the on-site address field", () => {
  it.each([
    ["75011", { postcode: "75011", commune: null }],
    ["75 011 Paris", { postcode: "75011", commune: "Paris" }],
    ["Lyon 69006", { postcode: "69006", commune: "Lyon" }],
    ["69006, Lyon", { postcode: "69006", commune: "Lyon" }],
  ])("reads %s", (text, expected) => {
    expect(parseAddressInput(text)).toEqual({ ok: true, ...expected });
  });

  it.each([["Paris"], ["7501"], ["750111"]])("asks for a 5-digit postcode when given %s", (text) => {
    expect(parseAddressInput(text)).toEqual({ ok: false, message: ADDRESS_FORMAT_MESSAGE });
  });
});

describe("card phrases", () => {
  it("writes initials, reach, distance, rating and weekdays in French", () => {
    expect(initialsOf("Claire Morel")).toBe("CM");
    expect(initialsOf("Anne-Sophie de La Tour")).toBe("AT");
    expect(reachSummary({ onSite: true, radiusKm: 20, baseCommune: "Lyon" })).toBe(
      "Se déplace jusqu’à 20 km autour de Lyon",
    );
    expect(reachSummary({ onSite: false, radiusKm: null, baseCommune: null })).toBeNull();
    expect(formatDistance(12.4)).toBe("à 12 km");
    expect(formatDistance(0.3)).toBe("à moins de 1 km");
    expect(formatRating(4.8, 23)).toBe("4,8 ★ (23 avis)");
    expect(formatRating(null, 0)).toBeNull();
    expect(formatWeekdays([5, 1, 2, 3, 4, 1])).toBe("du lundi au vendredi");
    expect(formatWeekdays([1, 3, 5])).toBe("lundi, mercredi et vendredi");
    expect(formatWeekdays([2])).toBe("mardi");
    expect(formatWeekdays([])).toBeNull();
  });

  it("numbers pages around the current one, with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(6, 20)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 20]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});
