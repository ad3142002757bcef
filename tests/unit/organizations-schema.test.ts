import { describe, expect, it } from "vitest";
import { POSTCODE_MESSAGE } from "#app/domain/geo/postcode";
import { FRENCH_VAT_MESSAGE, SIRET_MESSAGE } from "#app/domain/organizations/identifiers";
import {
  organizationSchema,
  VAT_SIRET_MISMATCH_MESSAGE,
} from "#app/domain/organizations/organizations.schema";

const valid = {
  name: "Cabinet Dubois",
  legalName: "Dubois Santé SARL",
  siret: "732 829 320 00074",
  vatNumber: "fr44 732 829 320",
  sector: "MEDICAL",
  addressLine: "12 rue de la Roquette",
  postcode: "75 011",
  commune: "Paris",
};

function errorsFor(input: Record<string, unknown>) {
  const result = organizationSchema.safeParse(input);
  if (result.success) return {};
  return result.error.flatten().fieldErrors as Record<string, string[] | undefined>;
}

describe("organizationSchema", () => {
  it("normalizes SIRET, VAT number and postcode", () => {
    expect(organizationSchema.parse(valid)).toMatchObject({
      siret: "73282932000074",
      vatNumber: "FR44732829320",
      postcode: "75011",
    });
  });

  it("accepts a La Poste SIRET that only passes the sum-of-digits rule", () => {
    const result = organizationSchema.safeParse({ ...valid, siret: "35600000049837", vatNumber: undefined });
    expect(result.success).toBe(true);
  });

  it("accepts no VAT number at all", () => {
    expect(organizationSchema.parse({ ...valid, vatNumber: undefined }).vatNumber).toBeUndefined();
  });

  it.each([
    ["a SIRET with a wrong key", { siret: "73282932000075" }, "siret", SIRET_MESSAGE],
    ["a 13-digit SIRET", { siret: "7328293200007" }, "siret", SIRET_MESSAGE],
    ["a missing SIRET", { siret: undefined }, "siret", SIRET_MESSAGE],
    ["a VAT number with a wrong key", { vatNumber: "FR45732829320" }, "vatNumber", FRENCH_VAT_MESSAGE],
    ["a foreign VAT number", { vatNumber: "DE123456789" }, "vatNumber", FRENCH_VAT_MESSAGE],
    ["a 4-digit postcode", { postcode: "7501" }, "postcode", POSTCODE_MESSAGE],
    ["a 99xxx postcode", { postcode: "99000" }, "postcode", POSTCODE_MESSAGE],
    ["an unknown sector", { sector: "MINING" }, "sector", "Choisissez un secteur d’activité."],
    [
      "an empty legal name",
      { legalName: " " },
      "legalName",
      "La raison sociale doit comporter au moins 2 caractères.",
    ],
    [
      "an address over 200 characters",
      { addressLine: "a".repeat(201) },
      "addressLine",
      "L’adresse ne doit pas dépasser 200 caractères.",
    ],
    ["no commune", { commune: "" }, "commune", "La commune est obligatoire."],
  ])("rejects %s with a French message", (_label, override, field, message) => {
    expect(errorsFor({ ...valid, ...override })[field]).toEqual([message]);
  });

  it("rejects a VAT number whose SIREN is not the SIRET's", () => {
    const errors = errorsFor({ ...valid, siret: "44306184100047" });
    expect(errors.vatNumber).toEqual([VAT_SIRET_MISMATCH_MESSAGE]);
    expect(errors.siret).toBeUndefined();
  });

  it("does not add a mismatch message when the SIRET itself is invalid", () => {
    const errors = errorsFor({ ...valid, siret: "73282932000075" });
    expect(errors.siret).toEqual([SIRET_MESSAGE]);
    expect(errors.vatNumber).toBeUndefined();
  });

  it("accepts an address of exactly 200 characters", () => {
    expect(organizationSchema.safeParse({ ...valid, addressLine: "a".repeat(200) }).success).toBe(true);
  });
});
