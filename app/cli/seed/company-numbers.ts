// Well-formed SIREN / SIRET / VAT numbers for demo organisations. The check digits are found
// with the same validators the forms use, so a seeded number always passes them.
import { frenchVatFromSiren, isValidSiren, isValidSiret } from "#app/domain/organizations/identifiers";
import type { Random } from "./random";

/** Appends the one digit that makes `isValid` accept the number. */
function withKey(body: string, isValid: (value: string) => boolean): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (isValid(`${body}${digit}`)) return `${body}${digit}`;
  }
  throw new RangeError(`No check digit for ${body}`);
}

/** SIREN from its first 8 digits, SIRET from the SIREN and the first 4 digits of the NIC. */
export function companyNumbers(sirenBody: string, nicBody: string) {
  const siren = withKey(sirenBody, isValidSiren);
  const siret = withKey(`${siren}${nicBody}`, isValidSiret);
  return { siren, siret, vatNumber: frenchVatFromSiren(siren) };
}

/** Random numbers; the SIREN never starts with 0 (INSEE's ranges start at 3xx for companies). */
export function randomCompanyNumbers(random: Random) {
  return companyNumbers(`${random.int(3, 9)}${random.digits(7)}`, `000${random.int(1, 9)}`);
}
