// French messages for an address the postcode table could not settle, each aimed at the field
// the person should correct.
import type { AddressResolution } from "#app/domain/geo/geo.server";

type Failure = Extract<AddressResolution, { ok: false }>;

/** A long list helps nobody: some postcodes serve dozens of villages. */
const MAX_LISTED = 12;

function listNames(failure: Failure): string {
  const names = failure.candidates.map((commune) => commune.name);
  const shown = names.slice(0, MAX_LISTED).join(", ");
  return names.length > MAX_LISTED ? `${shown}… (${names.length} communes)` : shown;
}

export function addressProblem(
  failure: Failure,
  postcode: string,
): { field: "postcode" | "commune"; message: string } {
  switch (failure.reason) {
    case "UNKNOWN_POSTCODE":
      return { field: "postcode", message: `Le code postal ${postcode} est inconnu. Vérifiez-le.` };
    case "AMBIGUOUS":
      return {
        field: "commune",
        message: `Plusieurs communes correspondent : ${listNames(failure)}. Indiquez son nom exact.`,
      };
    case "COMMUNE_MISMATCH":
      return {
        field: "commune",
        message: `Cette commune ne correspond pas au code postal ${postcode}. Communes possibles : ${listNames(failure)}.`,
      };
  }
}
