// Invoices are never edited: a correction is a credit note (avoir) in the same issuer series,
// referring to the invoice it corrects, with the same parties and NEGATIVE amounts.
import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { splitInclusive, totalsOf, type InvoiceTotals } from "./invoice-amounts";
import { issueDocument } from "./invoice-documents.server";
import type { IssuedInvoice } from "./invoice-issuing.server";
import { creditedCents, findInvoiceRow } from "./invoice.repo.server";
import {
  creditNoteInputSchema,
  invoiceLinesSchema,
  partySnapshotSchema,
  type CreditNoteInput,
  type InvoiceLine,
  type PayeeKey,
} from "./invoice.schema";
import { issueInput } from "./issuing.schema";

function creditLines(
  lines: InvoiceLine[],
  amountCents: number,
  remaining: number,
  reason: string,
): InvoiceLine[] {
  const rate = lines[0]?.vatRateBps ?? 0;
  if (amountCents === remaining && remaining === totalsOf(lines).totalInclTaxCents)
    return lines.map((l) => ({
      ...l,
      description: `${l.description} (${reason})`,
      unitPriceCents: -l.unitPriceCents,
      totalCents: -l.totalCents,
    }));
  const { exclTaxCents } = splitInclusive(amountCents, rate);
  return [
    {
      description: `Avoir : ${reason}`,
      quantity: 1,
      unit: "LUMP_SUM",
      unitPriceCents: -exclTaxCents,
      vatRateBps: rate,
      totalCents: -exclTaxCents,
    },
  ];
}

/** Exactly `amount` TTC: the whole invoice mirrored, or a part split back into HT + TVA. */
function creditTotals(invoice: InvoiceTotals, lines: InvoiceLine[], amount: number): InvoiceTotals {
  if (amount === invoice.totalInclTaxCents)
    return {
      totalExclTaxCents: -invoice.totalExclTaxCents,
      vatCents: -invoice.vatCents,
      totalInclTaxCents: -amount,
    };
  const totalExclTaxCents = lines.reduce((sum, l) => sum + l.totalCents, 0);
  return { totalExclTaxCents, vatCents: -amount - totalExclTaxCents, totalInclTaxCents: -amount };
}

/**
 * Credits `amountCents` TTC (default: all that is not credited yet) of an invoice. The credit note
 * gets the next number of the invoice's issuer, in the caller's transaction.
 */
export async function issueCreditNote(tx: Tx, input: CreditNoteInput): Promise<IssuedInvoice> {
  const { invoiceId, amountCents, reason, issuedAt = new Date() } = issueInput(creditNoteInputSchema, input);
  const invoice = await findInvoiceRow(tx, invoiceId);
  if (!invoice || invoice.kind !== "INVOICE")
    throw new DomainError("NOT_FOUND", "Cette facture est introuvable.");
  const remaining = invoice.totalInclTaxCents - (await creditedCents(tx, invoiceId));
  const amount = amountCents ?? remaining;
  if (amount <= 0 || amount > remaining)
    throw new DomainError(
      "VALIDATION",
      "Le montant de l’avoir dépasse ce qui reste à créditer sur cette facture.",
    );
  const lines = creditLines(invoiceLinesSchema.parse(invoice.lines), amount, remaining, reason);
  const totals = creditTotals(invoice, lines, amount);
  const issuer = partySnapshotSchema.parse(invoice.issuer);
  const client = partySnapshotSchema.parse(invoice.client);
  const row = await issueDocument(
    tx,
    {
      issuerKey: invoice.issuerKey,
      kind: "CREDIT_NOTE",
      correctsId: invoice.id,
      issuer,
      client,
      lines,
      ...totals,
    },
    {
      issuedAt,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      contractId: invoice.contractId,
      paymentId: invoice.paymentId,
    },
  );
  const payeeKey = (invoice.issuerKey === "platform" ? client.key : invoice.issuerKey) as PayeeKey;
  return {
    id: row.id,
    number: row.number,
    issuerKey: row.issuerKey,
    role: invoice.issuerKey === "platform" ? "COMMISSION" : "WORK",
    payeeKey,
    totalExclTaxCents: row.totalExclTaxCents,
    vatCents: row.vatCents,
    totalInclTaxCents: row.totalInclTaxCents,
  };
}
