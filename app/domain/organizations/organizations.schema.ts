// The organisation form (business or agency), client-safe: conform validates it in the browser
// and again on the server. The commune is resolved against the postcode table on the server only.
import { z } from "zod";
import { organizationNameField } from "#app/domain/accounts/accounts.schema";
import { postcodeSchema } from "#app/domain/geo/postcode";
import { sectorLabels, type Sector } from "#app/domain/profiles/taxonomy";
import { frenchVatSchema, isValidFrenchVat, isValidSiret, siretSchema, vatMatchesSiret } from "./identifiers";

export const VAT_SIRET_MISMATCH_MESSAGE =
  "Ce numéro de TVA ne correspond pas à votre SIRET : après « FR » et la clé, il doit reprendre le SIREN (les 9 premiers chiffres du SIRET).";

const sectorCodes = Object.keys(sectorLabels) as [Sector, ...Sector[]];

export const organizationSchema = z
  .object({
    name: organizationNameField,
    legalName: z
      .string({ required_error: "La raison sociale est obligatoire." })
      .trim()
      .min(2, "La raison sociale doit comporter au moins 2 caractères.")
      .max(160, "La raison sociale ne doit pas dépasser 160 caractères."),
    siret: siretSchema,
    // Optional: micro-entrepreneurs under the VAT threshold (franchise en base) have none.
    vatNumber: frenchVatSchema.optional(),
    sector: z.enum(sectorCodes, { errorMap: () => ({ message: "Choisissez un secteur d’activité." }) }),
    addressLine: z
      .string({ required_error: "L’adresse est obligatoire." })
      .trim()
      .min(3, "L’adresse doit comporter au moins 3 caractères.")
      .max(200, "L’adresse ne doit pas dépasser 200 caractères."),
    postcode: postcodeSchema,
    commune: z
      .string({ required_error: "La commune est obligatoire." })
      .trim()
      .min(1, "La commune est obligatoire.")
      .max(100, "Le nom de la commune ne doit pas dépasser 100 caractères."),
  })
  .superRefine((value, ctx) => {
    // Zod still runs this when a field only failed a refinement: compare well-formed numbers only,
    // so a bad SIRET gets its own message and not a second one on the VAT field.
    const bothValid = !!value.vatNumber && isValidFrenchVat(value.vatNumber) && isValidSiret(value.siret);
    if (bothValid && !vatMatchesSiret(value.vatNumber!, value.siret)) {
      ctx.addIssue({ code: "custom", path: ["vatNumber"], message: VAT_SIRET_MISMATCH_MESSAGE });
    }
  });

export type OrganizationInput = z.output<typeof organizationSchema>;
export type OrganizationFormValues = z.input<typeof organizationSchema>;

export type OrganizationKind = "BUSINESS" | "AGENCY";

/** What the owner sees on /compte/organisation: no internal ids beyond the public slug. */
export type OrganizationDto = {
  kind: OrganizationKind;
  name: string;
  slug: string;
  legalName: string | null;
  siret: string | null;
  vatNumber: string | null;
  sector: Sector | null;
  addressLine: string | null;
  postcode: string | null;
  commune: string | null;
  inseeCode: string | null;
};

export const organizationKindLabels: Record<OrganizationKind, string> = {
  BUSINESS: "Entreprise",
  AGENCY: "Cabinet de télésecrétariat",
};

export function isSector(value: string | null | undefined): value is Sector {
  return !!value && Object.hasOwn(sectorLabels, value);
}
