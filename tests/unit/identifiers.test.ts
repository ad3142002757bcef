import { describe, expect, it } from "vitest";
import {
  FRENCH_VAT_MESSAGE,
  SIREN_MESSAGE,
  SIRET_MESSAGE,
  frenchVatFromSiren,
  frenchVatSchema,
  isValidFrenchVat,
  isValidSiren,
  isValidSiret,
  sirenSchema,
  siretSchema,
  vatMatchesSiret,
} from "#app/domain/organizations/identifiers";

// Every value below was checked with an independent Luhn / VAT-key computation.
describe("isValidSiren", () => {
  it.each(["732829320", "356000000", "443061841", "303265045", "404833048", "732 829 320"])(
    "accepts %j",
    (siren) => expect(isValidSiren(siren)).toBe(true),
  );

  it.each([
    ["732829321", "key off by one"],
    ["73282932", "8 digits"],
    ["7328293200", "10 digits"],
    ["73282932A", "a letter"],
    ["732-829-320", "dashes"],
    ["000000000", "never issued"],
    ["", "empty"],
  ])("rejects %j (%s)", (siren) => expect(isValidSiren(siren)).toBe(false));
});

describe("isValidSiret", () => {
  it.each([
    "73282932000074",
    "44306184100047",
    "35600000000048", // La Poste head office: a regular Luhn key
    "732 829 320 00074",
    "732\u00a0829\u00a0320\u00a000074",
  ])("accepts %j", (siret) => expect(isValidSiret(siret)).toBe(true));

  it("accepts a La Poste establishment whose digits add up to a multiple of 5", () => {
    expect(isValidSiret("35600000049837")).toBe(true); // Luhn fails, digit sum 45
  });

  it.each([
    ["73282932000075", "key off by one"],
    ["44306184100048", "key off by one"],
    ["7328293200007", "13 digits"],
    ["732829320000740", "15 digits"],
    ["7328293200007A", "a letter"],
    ["35600000049838", "La Poste, digit sum 46"],
    ["73282932000004", "digit sum 35, but only La Poste is exempt from Luhn"],
    ["73282932100007", "Luhn holds on 14 digits but the SIREN 732829321 is invalid"],
  ])("rejects %j (%s)", (siret) => expect(isValidSiret(siret)).toBe(false));
});

describe("French VAT numbers", () => {
  it.each([
    ["303265045", "FR40303265045"],
    ["404833048", "FR83404833048"],
    ["732829320", "FR44732829320"],
    ["443061841", "FR64443061841"],
    ["356000000", "FR39356000000"],
    ["100000207", "FR03100000207"], // key below 10 is zero-padded
  ])("frenchVatFromSiren(%j) = %j", (siren, vat) => {
    expect(frenchVatFromSiren(siren)).toBe(vat);
    expect(isValidFrenchVat(vat)).toBe(true);
  });

  it("refuses to compute a VAT number for an invalid SIREN", () => {
    expect(() => frenchVatFromSiren("303265046")).toThrow(RangeError);
  });

  it("accepts lower case and spaces", () => {
    expect(isValidFrenchVat("fr 40 303 265 045")).toBe(true);
  });

  it.each([
    ["FR41303265045", "wrong key"],
    ["FR3100000207", "key written without its leading zero"],
    ["FR40303265046", "key right for the number but SIREN invalid"],
    ["FR12000000000", "SIREN 000000000"],
    ["FRAB303265045", "alphanumeric key, not checkable"],
    ["DE40303265045", "not French"],
    ["FR4030326504", "8-digit SIREN"],
    ["303265045", "SIREN alone"],
  ])("rejects %j (%s)", (vat) => expect(isValidFrenchVat(vat)).toBe(false));

  it("matches a VAT number with a SIRET of the same company", () => {
    expect(vatMatchesSiret("FR44732829320", "73282932000074")).toBe(true);
    expect(vatMatchesSiret("fr44 732829320", "732 829 320 00074")).toBe(true);
    expect(vatMatchesSiret("FR64443061841", "73282932000074")).toBe(false);
    expect(vatMatchesSiret("FR45732829320", "73282932000074")).toBe(false);
  });
});

describe("zod schemas", () => {
  it("normalize spaces and case", () => {
    expect(sirenSchema.parse(" 732 829 320 ")).toBe("732829320");
    expect(siretSchema.parse("732 829 320 00074")).toBe("73282932000074");
    expect(frenchVatSchema.parse("fr 40 303265045")).toBe("FR40303265045");
  });

  it.each([
    [sirenSchema, "732829321", SIREN_MESSAGE],
    [siretSchema, "73282932000075", SIRET_MESSAGE],
    [frenchVatSchema, "FR41303265045", FRENCH_VAT_MESSAGE],
    [siretSchema, undefined, SIRET_MESSAGE],
  ] as const)("reject with a French message", (schema, input, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it("uses the agreed SIRET wording", () => {
    expect(SIRET_MESSAGE).toBe("Le numéro SIRET est invalide (14 chiffres, clé de contrôle).");
  });
});
