// DAC7 seller data collected with the invoicing identity. Client-safe: the payout form validates
// with it too.
import { z } from "zod";

export const TIN_INVALID_MESSAGE =
  "Numéro fiscal invalide : 13 chiffres commençant par 0, 1, 2 ou 3 (il figure sur votre avis d’impôt).";
export const BIRTH_DATE_INVALID_MESSAGE = "Date de naissance invalide.";
export const COUNTRY_INVALID_MESSAGE =
  "Indiquez le pays du compte bancaire de versement en deux lettres (par exemple FR).";

/**
 * French numéro fiscal de référence (SPI): 13 digits, the first 0–3, the last three being the first
 * ten taken as a number modulo 511 (as python-stdnum's fr.nif checks it).
 */
export function isValidFrenchTin(value: string): boolean {
  const digits = value.replace(/\s+/g, "");
  if (!/^[0-3]\d{12}$/.test(digits)) return false;
  return Number(digits.slice(0, 10)) % 511 === Number(digits.slice(10));
}

/** "1234 5678 90123" → "1234567890123", or refused with a French message; empty means "not given". */
export const tinSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s+/g, ""))
  .refine((value) => value === "" || isValidFrenchTin(value), TIN_INVALID_MESSAGE)
  .transform((value) => value || null);

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => value === "" || /^[A-Z]{2}$/.test(value), COUNTRY_INVALID_MESSAGE)
  .transform((value) => value || null);

const earliestBirth = new Date("1900-01-01T00:00:00Z");

/** "1988-04-12" (a date field); not in the future, and an adult's. */
export const birthDateSchema = z
  .string()
  .trim()
  .refine((value) => {
    if (value === "") return true;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
    const adult = new Date();
    adult.setUTCFullYear(adult.getUTCFullYear() - 16);
    return date >= earliestBirth && date <= adult;
  }, BIRTH_DATE_INVALID_MESSAGE)
  .transform((value) => value || null);
