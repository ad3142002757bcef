// Payees (a secretary, or an agency) and what they fill in on /compte/paiements: the invoicing
// identity their invoices are issued under, and an agency's payout mode. Client-safe.
import { z } from "zod";
import { postcodeSchema } from "#app/domain/geo/postcode";
import {
  frenchVatSchema,
  isValidFrenchVat,
  isValidSiret,
  siretSchema,
  vatMatchesSiret,
} from "#app/domain/organizations/identifiers";
import { birthDateSchema, countrySchema, tinSchema } from "#app/domain/compliance/tax-identifiers";

export const VAT_EXEMPT_MENTION = "TVA non applicable, art. 293 B du CGI";

export const VAT_REQUIRED_MESSAGE =
  "Indiquez votre numéro de TVA intracommunautaire, ou choisissez la franchise en base de TVA.";
export const VAT_SIRET_MISMATCH_MESSAGE =
  "Ce numéro de TVA ne correspond pas à votre SIRET : il doit reprendre le SIREN (les 9 premiers chiffres du SIRET).";

const text = (label: string, min: number, max: number) =>
  z
    .string({ required_error: `${label} est obligatoire.`, invalid_type_error: `${label} est obligatoire.` })
    .trim()
    .min(min, min > 1 ? `${label} doit comporter au moins ${min} caractères.` : `${label} est obligatoire.`)
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`);

export const invoicingIdentitySchema = z
  .object({
    legalName: text("Le nom légal", 2, 160),
    siret: siretSchema,
    vatStatus: z.enum(["EXEMPT", "REGISTERED"], {
      errorMap: () => ({ message: "Indiquez si vous êtes assujettie à la TVA." }),
    }),
    // Checked against vatStatus below.
    vatNumber: z.string().trim().optional(),
    addressLine: text("L’adresse", 3, 200),
    postcode: postcodeSchema,
    commune: text("La commune", 1, 100),
    // DAC7 (reported yearly on sellers): optional here so an identity can be saved in steps; the
    // yearly export lists what is missing. Birth date: individuals only (ignored for an agency).
    taxIdentificationNumber: tinSchema.optional().transform((value) => value ?? null),
    birthDate: birthDateSchema.optional().transform((value) => value ?? null),
    payoutAccountCountry: countrySchema.optional().transform((value) => value ?? null),
  })
  .superRefine((value, ctx) => {
    if (value.vatStatus !== "REGISTERED") return;
    if (!value.vatNumber) {
      ctx.addIssue({ code: "custom", path: ["vatNumber"], message: VAT_REQUIRED_MESSAGE });
      return;
    }
    const parsed = frenchVatSchema.safeParse(value.vatNumber);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", path: ["vatNumber"], message: parsed.error.issues[0]!.message });
      return;
    }
    // A bad SIRET already has its own message: compare well-formed numbers only.
    if (
      isValidSiret(value.siret) &&
      isValidFrenchVat(parsed.data) &&
      !vatMatchesSiret(parsed.data, value.siret)
    ) {
      ctx.addIssue({ code: "custom", path: ["vatNumber"], message: VAT_SIRET_MISMATCH_MESSAGE });
    }
  })
  // Stored as "FR44732829320"; an exempt payee's number is dropped.
  .transform(({ vatNumber, ...value }) => ({
    ...value,
    vatNumber: value.vatStatus === "REGISTERED" && vatNumber ? frenchVatSchema.parse(vatNumber) : null,
  }));

export type InvoicingIdentityInput = z.output<typeof invoicingIdentitySchema>;
export type InvoicingIdentityFormValues = z.input<typeof invoicingIdentitySchema>;

export const AGENCY_PAYOUT_MODES = ["AGENCY", "MEMBERS"] as const;
export type AgencyPayoutMode = (typeof AGENCY_PAYOUT_MODES)[number];

export const agencyPayoutModeSchema = z.object({
  mode: z.enum(AGENCY_PAYOUT_MODES, {
    errorMap: () => ({ message: "Choisissez à qui les paiements sont versés." }),
  }),
});

export const agencyPayoutModeLabels: Record<AgencyPayoutMode, string> = {
  AGENCY: "Au cabinet : tous les paiements des contrats du cabinet sont versés sur son compte.",
  MEMBERS: "Aux secrétaires : chaque membre reçoit directement la part de son travail sur son propre compte.",
};

/** Who is paid: a secretary in her own name, or an agency (a company). */
export type PayeeKind = "SECRETARY" | "AGENCY";

export type PayoutStatus = "NONE" | "INCOMPLETE" | "PENDING" | "READY";

export const payoutStatusLabels: Record<PayoutStatus, string> = {
  NONE: "Versements non configurés",
  INCOMPLETE: "Informations à compléter sur Stripe",
  PENDING: "Vérification en cours par Stripe",
  READY: "Versements activés",
};

export type InvoicingIdentityDto = {
  legalName: string;
  siret: string;
  vatExempt: boolean;
  vatNumber: string | null;
  addressLine: string;
  postcode: string;
  commune: string;
  taxIdentificationNumber: string | null;
  /** "1988-04-12" */
  birthDate: string | null;
  payoutAccountCountry: string | null;
};

export type PayoutPageDto = {
  payeeKind: PayeeKind;
  payeeName: string;
  status: PayoutStatus;
  requirementsDue: string[];
  agencyPayoutMode: AgencyPayoutMode | null;
  /** A secretary in an agency paid per member: whether her agency pays her directly. */
  agency: { name: string; paysMembers: boolean } | null;
  identity: InvoicingIdentityDto | null;
  /** Form defaults when no identity is saved yet (an agency's organisation details). */
  identityDefaults: InvoicingIdentityDto | null;
};

/** Individual entrepreneurs must show "EI" (or "entrepreneur individuel") next to their name. */
export function withEntrepreneurMention(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (/(^|[\s(])E\.?I\.?($|[\s)])/.test(trimmed) || /entrepreneur individuel/i.test(trimmed)) return trimmed;
  return `${trimmed} EI`;
}
