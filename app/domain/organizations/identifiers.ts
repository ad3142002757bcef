// French business identifiers, checked offline. Pure and client-safe: forms validate them
// before any call to a registry. A valid key only proves the number is well formed, not
// that the business exists.
import { z } from "zod";

/** La Poste's establishments do not follow the Luhn key on their SIRET (see isValidSiret). */
const LA_POSTE_SIREN = "356000000";

/** Identifiers are often copied as "732 829 320" or with no-break spaces. */
const stripSpaces = (value: string) => value.replace(/\s+/g, "");

function digitSum(digits: string): number {
  return [...digits].reduce((sum, digit) => sum + Number(digit), 0);
}

/** Luhn: from the right, every second digit is doubled (minus 9 past 9); the sum ends in 0. */
function hasLuhnKey(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const weighted = i % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}

/** 9 digits with a Luhn key. "000000000" passes Luhn but is never issued. */
export function isValidSiren(input: string): boolean {
  const siren = stripSpaces(input);
  return /^\d{9}$/.test(siren) && siren !== "000000000" && hasLuhnKey(siren);
}

/**
 * 14 digits: a valid SIREN, then the establishment number (NIC), with a Luhn key over all 14.
 * INSEE's one exception: La Poste has more establishments than its keys allow, so a La Poste
 * SIRET is also valid when its digits add up to a multiple of 5 (its head office,
 * 356 000 000 00048, has a regular Luhn key).
 */
export function isValidSiret(input: string): boolean {
  const siret = stripSpaces(input);
  if (!/^\d{14}$/.test(siret) || !isValidSiren(siret.slice(0, 9))) return false;
  if (hasLuhnKey(siret)) return true;
  return siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0;
}

/** Numeric key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97, on 2 digits. */
function vatKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, "0");
}

/** "732829320" → "FR44732829320". Throws on an invalid SIREN: there is no VAT number for it. */
export function frenchVatFromSiren(input: string): string {
  const siren = stripSpaces(input);
  if (!isValidSiren(siren)) throw new RangeError(`Invalid SIREN: ${input}`);
  return `FR${vatKey(siren)}${siren}`;
}

/**
 * "FR" + 2-character key + SIREN. Only the numeric key is accepted: some old numbers carry
 * an alphanumeric key whose algorithm is not public, so they are rejected rather than waved
 * through unchecked.
 */
export function isValidFrenchVat(input: string): boolean {
  const match = /^FR(\d{2})(\d{9})$/.exec(stripSpaces(input).toUpperCase());
  if (!match) return false;
  const [, key = "", siren = ""] = match;
  return isValidSiren(siren) && key === vatKey(siren);
}

/** The VAT number belongs to the company of this establishment: same SIREN. */
export function vatMatchesSiret(vat: string, siret: string): boolean {
  if (!isValidFrenchVat(vat) || !isValidSiret(siret)) return false;
  return stripSpaces(vat).slice(4) === stripSpaces(siret).slice(0, 9);
}

export const SIREN_MESSAGE = "Le numéro SIREN est invalide (9 chiffres, clé de contrôle).";
export const SIRET_MESSAGE = "Le numéro SIRET est invalide (14 chiffres, clé de contrôle).";
export const FRENCH_VAT_MESSAGE =
  "Le numéro de TVA intracommunautaire est invalide (FR, clé à 2 chiffres, puis le SIREN).";

/** A string schema that normalizes (no spaces, upper case) then checks, with one message. */
function identifierSchema(isValid: (value: string) => boolean, message: string) {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .transform((value) => stripSpaces(value).toUpperCase())
    .refine(isValid, message);
}

export const sirenSchema = identifierSchema(isValidSiren, SIREN_MESSAGE);
export const siretSchema = identifierSchema(isValidSiret, SIRET_MESSAGE);
export const frenchVatSchema = identifierSchema(isValidFrenchVat, FRENCH_VAT_MESSAGE);
