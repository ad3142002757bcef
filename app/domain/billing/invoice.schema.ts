// Invoices and credit notes: the snapshots stored on each row and the DTOs the pages read.
// Client-safe. Amounts are integer cents; a credit note stores NEGATIVE amounts (see README.md).
import { z } from "zod";

export type IssuerKey = `user:${string}` | `agency:${string}` | "platform";
export type PayeeKey = `user:${string}` | `agency:${string}`;

export const payeeKeySchema = z
  .string()
  .regex(/^(user|agency):[\w-]+$/, "Bénéficiaire inconnu.") as z.ZodType<PayeeKey>;

/** Who issues or receives an invoice, frozen on the row at issue time (never re-read). */
export const partySnapshotSchema = z.object({
  /** "user:<id>" | "agency:<orgId>" | "platform" | "organization:<orgId>". */
  key: z.string(),
  legalName: z.string(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  vatExempt: z.boolean(),
  addressLine: z.string(),
  postcode: z.string(),
  commune: z.string(),
  /** An individual entrepreneur: her name carries "EI". */
  individual: z.boolean(),
  /** Companies only (the platform): "SAS au capital de 10 000 €", "RCS Paris". */
  legalForm: z.string().optional(),
  rcs: z.string().optional(),
});
export type PartySnapshot = z.infer<typeof partySnapshotSchema>;

export const invoiceLineSchema = z.object({
  description: z.string(),
  /** Hours for time (2 decimals), units for tasks, 1 for a milestone or a commission. */
  quantity: z.number(),
  unit: z.enum(["HOUR", "UNIT", "LUMP_SUM"]),
  unitPriceCents: z.number().int(),
  vatRateBps: z.number().int(),
  totalCents: z.number().int(),
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;
export const invoiceLinesSchema = z.array(invoiceLineSchema);

export type InvoiceKind = "INVOICE" | "CREDIT_NOTE";

/** What the PDF, the XML, the HTML page and the CSV read: one invoice, as stored. */
export type InvoiceDocument = {
  id: string;
  number: string;
  kind: InvoiceKind;
  issuerKey: string;
  contractId: string | null;
  paymentId: string | null;
  correctsNumber: string | null;
  issuedAt: Date;
  periodStart: Date;
  periodEnd: Date;
  dueDate: Date;
  issuer: PartySnapshot;
  client: PartySnapshot;
  lines: InvoiceLine[];
  totalExclTaxCents: number;
  vatCents: number;
  totalInclTaxCents: number;
};

export const unitLabels: Record<InvoiceLine["unit"], string> = {
  HOUR: "h",
  UNIT: "u.",
  LUMP_SUM: "forfait",
};

/** ?mois=2026-11 on the list and the CSV export; anything else is ignored (list) or refused (CSV). */
export const invoiceMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choisissez un mois au format AAAA-MM.");

/** The list's search on an issuer's or client's name (or an invoice number). */
export const invoicePartySearchSchema = z
  .string()
  .trim()
  .min(2, "Saisissez au moins 2 caractères.")
  .max(80, "Saisissez au plus 80 caractères.");

export const invoiceIdSchema = z.string().min(1).max(64);

export const creditNoteInputSchema = z.object({
  invoiceId: invoiceIdSchema,
  /** TTC to credit; omitted = everything not yet credited. */
  amountCents: z.number().int().positive("Le montant de l’avoir doit être positif.").optional(),
  reason: z.string().trim().min(1, "Indiquez le motif de l’avoir.").max(500),
  issuedAt: z.date().optional(),
});
export type CreditNoteInput = z.input<typeof creditNoteInputSchema>;
