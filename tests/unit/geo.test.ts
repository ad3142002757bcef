import { describe, expect, it } from "vitest";
import { buildPostcodeTable, parseCsv, serializePostcodeTable } from "#app/cli/build-postcodes";
import { distanceKm } from "#app/domain/geo/distance";
import { lookupPostcode, normalizeCommuneName, resolveAddress } from "#app/domain/geo/geo.server";
import { POSTCODE_MESSAGE, postcodeSchema } from "#app/domain/geo/postcode";

describe("lookupPostcode", () => {
  it("finds a Paris arrondissement under its own postcode", () => {
    expect(lookupPostcode("75011")).toEqual([
      {
        name: "Paris 11e Arrondissement",
        inseeCode: "75111",
        postcode: "75011",
        latitude: 48.8594,
        longitude: 2.3787,
      },
    ]);
  });

  it("finds a Marseille arrondissement", () => {
    expect(lookupPostcode("13001").map((c) => [c.name, c.inseeCode])).toEqual([
      ["Marseille 1er Arrondissement", "13201"],
    ]);
  });

  it("keeps the parent city alone under its own pseudo-postcode, never beside an arrondissement", () => {
    expect(lookupPostcode("75000").map((c) => c.name)).toEqual(["Paris"]);
    for (let n = 1; n <= 20; n++) {
      const postcode = n === 16 ? "75116" : `750${String(n).padStart(2, "0")}`;
      const names = lookupPostcode(postcode).map((c) => c.name);
      expect(names, postcode).toHaveLength(1);
      expect(names[0], postcode).toMatch(/^Paris \d+(er|e) Arrondissement$/);
    }
  });

  it("knows both postcodes of Paris 16e (75016 is added by the build script)", () => {
    expect(lookupPostcode("75016").map((c) => c.inseeCode)).toEqual(["75116"]);
    expect(lookupPostcode("75116").map((c) => c.inseeCode)).toEqual(["75116"]);
  });

  it("lists every commune sharing a postcode, sorted by name", () => {
    const names = lookupPostcode("01090").map((c) => c.name);
    expect(names).toEqual([
      "Francheleins",
      "Genouilleux",
      "Guéreins",
      "Lurcy",
      "Montceaux",
      "Montmerle-sur-Saône",
    ]);
  });

  it("covers Corsica and overseas", () => {
    expect(lookupPostcode("20167").map((c) => c.name)).toContain("Ajaccio");
    expect(lookupPostcode("97417")).toEqual([
      expect.objectContaining({ name: "Saint-Denis", inseeCode: "97411", latitude: -20.933 }),
    ]);
  });

  it("returns [] for an unknown postcode or an object key", () => {
    expect(lookupPostcode("00000")).toEqual([]);
    expect(lookupPostcode("constructor")).toEqual([]);
    expect(lookupPostcode("__proto__")).toEqual([]);
  });

  it("ignores spaces inside the postcode", () => {
    expect(lookupPostcode(" 75 011 ")).toHaveLength(1);
  });
});

describe("normalizeCommuneName", () => {
  it.each([
    ["Montmerle-sur-Saône", "montmerle sur saone"],
    ["  L'Abergement-Clémenciat ", "l abergement clemenciat"],
    ["ST DENIS LES BOURG", "saint denis les bourg"],
    ["Ste-Foy-lès-Lyon", "sainte foy les lyon"],
    ["Œuilly", "oeuilly"],
    ["PARIS CEDEX 11", "paris"],
    ["Lyon Cedex", "lyon"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeCommuneName(input)).toBe(expected);
  });
});

describe("resolveAddress", () => {
  it("resolves a single-commune postcode without a name", () => {
    const result = resolveAddress({ postcode: "75011" });
    expect(result).toMatchObject({ ok: true, matchedBy: "postcode" });
    expect(result.ok && result.commune.inseeCode).toBe("75111");
  });

  it("accepts the city name for an arrondissement, as in '75011 Paris' or '13001 Marseille'", () => {
    expect(resolveAddress({ postcode: "75011", commune: "Paris" })).toMatchObject({
      ok: true,
      matchedBy: "postcode-and-name",
      commune: { inseeCode: "75111" },
    });
    expect(resolveAddress({ postcode: "13001", commune: "MARSEILLE" })).toMatchObject({
      ok: true,
      commune: { name: "Marseille 1er Arrondissement" },
    });
    expect(resolveAddress({ postcode: "69001", commune: "lyon" })).toMatchObject({
      ok: true,
      commune: { inseeCode: "69381" },
    });
  });

  it("picks among communes sharing a postcode by case- and accent-insensitive name", () => {
    expect(resolveAddress({ postcode: "01090", commune: "MONTMERLE SUR SAONE" })).toMatchObject({
      ok: true,
      matchedBy: "postcode-and-name",
      commune: { name: "Montmerle-sur-Saône", inseeCode: "01263", postcode: "01090" },
    });
    expect(resolveAddress({ postcode: "01000", commune: "St-Denis-les-Bourg" })).toMatchObject({
      ok: true,
      commune: { inseeCode: "01344" },
    });
  });

  it("reports ambiguity with every candidate when no name is given", () => {
    const result = resolveAddress({ postcode: "01090" });
    expect(result).toMatchObject({ ok: false, reason: "AMBIGUOUS" });
    expect(result.ok ? [] : result.candidates).toHaveLength(6);
  });

  it("reports a mismatch, with the postcode's communes to choose from", () => {
    const result = resolveAddress({ postcode: "01090", commune: "Bourg-en-Bresse" });
    expect(result).toMatchObject({ ok: false, reason: "COMMUNE_MISMATCH" });
    expect(result.ok ? [] : result.candidates.map((c) => c.name)).toContain("Guéreins");
    expect(resolveAddress({ postcode: "75011", commune: "Lyon" })).toMatchObject({
      ok: false,
      reason: "COMMUNE_MISMATCH",
      candidates: [{ inseeCode: "75111" }],
    });
  });

  it("finds a city by name in its department when the table lacks that postcode", () => {
    // The source lists Ajaccio under 20167 and Saint-Denis (Réunion) under 97417 only.
    expect(resolveAddress({ postcode: "20000", commune: "Ajaccio" })).toMatchObject({
      ok: true,
      matchedBy: "name-in-department",
      commune: { name: "Ajaccio", inseeCode: "2A004", postcode: "20167" },
    });
    // Three other communes are called Saint-Denis; only one has a 974 postcode.
    expect(resolveAddress({ postcode: "97400", commune: "St Denis" })).toMatchObject({
      ok: true,
      matchedBy: "name-in-department",
      commune: { inseeCode: "97411" },
    });
    // A Cedex postcode falls back to the whole city.
    expect(resolveAddress({ postcode: "75543", commune: "PARIS CEDEX 11" })).toMatchObject({
      ok: true,
      commune: { name: "Paris", inseeCode: "75056" },
    });
  });

  it("reports an unknown postcode with no candidates", () => {
    expect(resolveAddress({ postcode: "00000" })).toEqual({
      ok: false,
      reason: "UNKNOWN_POSTCODE",
      candidates: [],
    });
    expect(resolveAddress({ postcode: "20000" })).toMatchObject({ reason: "UNKNOWN_POSTCODE" });
    expect(resolveAddress({ postcode: "20000", commune: "Lyon" })).toMatchObject({
      reason: "UNKNOWN_POSTCODE",
    });
  });
});

describe("distanceKm", () => {
  const [paris] = lookupPostcode("75000");
  const [lyon] = lookupPostcode("69000");

  it("gives about 392 km between Paris and Lyon", () => {
    expect(paris && lyon && distanceKm(paris, lyon)).toBeCloseTo(392, -1);
    expect(Math.abs(distanceKm(paris!, lyon!) - 392)).toBeLessThan(5);
  });

  it("is symmetric and zero for the same point", () => {
    expect(distanceKm(paris!, lyon!)).toBe(distanceKm(lyon!, paris!));
    expect(distanceKm(paris!, paris!)).toBe(0);
  });

  it("handles antipodes and the date line", () => {
    const halfCircumference = Math.PI * 6371;
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(
      halfCircumference,
      6,
    );
    expect(distanceKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeCloseTo(
      (Math.PI * 6371) / 180,
      6,
    );
  });
});

describe("postcodeSchema", () => {
  it.each(["75011", "01000", "20000", "20167", "97400", "97133", "98800", " 75 011 "])(
    "accepts %j",
    (input) => {
      expect(postcodeSchema.parse(input)).toBe(input.replace(/\s/g, ""));
    },
  );

  it.each(["7501", "750111", "7501a", "00000", "99000", "", "2A004"])("rejects %j", (input) => {
    const result = postcodeSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(POSTCODE_MESSAGE);
  });

  it("rejects a missing value with the same French message", () => {
    expect(postcodeSchema.safeParse(undefined).error?.issues[0]?.message).toBe(
      "Le code postal doit comporter 5 chiffres.",
    );
  });
});

describe("build-postcodes", () => {
  it("parses quoted fields with commas, doubled quotes, newlines and empty unquoted fields", () => {
    const csv = 'A,"B","C"\r\n"x, y","say ""hi""",\n"multi\nline",,"z"\n';
    expect(parseCsv(csv)).toEqual([
      ["A", "B", "C"],
      ["x, y", 'say "hi"', ""],
      ["multi\nline", "", "z"],
    ]);
  });

  it("parses a last line without a newline", () => {
    expect(parseCsv('"a","b"\n"1","2"')).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  const header =
    '"ID","REF_INSEE","NAME","SLUG","NORMALIZED","DEPARTMENT","REGION","IS_DISTRICT","DISTRICT_OF","ZIP_CODES","LATITUDE","LONGITUDE"';
  const csv = [
    header,
    '"1","01001","B-ville","b","b","01","84","0",,"01400, 01410","46.15342552","4.92611354"',
    '"2","01002","A-ville","a","a","01","84","0",,"01400","46.1","-4.92619"',
    '"3","01003","Nowhere","n","n","01","84","0",,"01500","",""',
    '"4","75116","Paris 16e Arrondissement","p","p","75","11","1","75056","75116","48.8603987604","2.2620995594"',
  ].join("\n");

  it("groups communes by postcode, rounds to 4 decimals and skips rows without coordinates", () => {
    expect(buildPostcodeTable(csv)).toEqual({
      "01400": [
        ["B-ville", "01001", 46.1534, 4.9261],
        ["A-ville", "01002", 46.1, -4.9262],
      ],
      "01410": [["B-ville", "01001", 46.1534, 4.9261]],
      "75016": [["Paris 16e Arrondissement", "75116", 48.8604, 2.2621]],
      "75116": [["Paris 16e Arrondissement", "75116", 48.8604, 2.2621]],
    });
  });

  it("writes one sorted line per postcode", () => {
    expect(serializePostcodeTable(buildPostcodeTable(csv)).split("\n").slice(0, 3)).toEqual([
      "{",
      '"01400":[["B-ville","01001",46.1534,4.9261],["A-ville","01002",46.1,-4.9262]],',
      '"01410":[["B-ville","01001",46.1534,4.9261]],',
    ]);
  });
});
