// The bookkeeping export of a period: one row per invoice or credit note, semicolons and decimal
// commas as French spreadsheets and accounting imports expect, credit notes negative. Pure.
import { partyName, sirenOf } from "./invoice-mentions";
import type { InvoiceDocument } from "./invoice.schema";

const euros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");
const day = (date: Date) => date.toISOString().slice(0, 10);
/** Paris calendar day of an instant, "2026-12-01". */
const parisDay = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(instant);

function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = /^[=+\-@]/.test(text) && !/^-\d/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const invoiceCsvHeader = [
  "Numéro",
  "Type",
  "Date d’émission",
  "Émetteur",
  "SIREN émetteur",
  "Client",
  "SIREN client",
  "Début de période",
  "Fin de période",
  "Échéance",
  "Total HT (€)",
  "TVA (€)",
  "Total TTC (€)",
  "Facture rectifiée",
  "Émise sous mandat",
];

function rowOf(doc: InvoiceDocument): (string | number | null)[] {
  return [
    doc.number,
    doc.kind === "CREDIT_NOTE" ? "Avoir" : "Facture",
    parisDay(doc.issuedAt),
    partyName(doc.issuer),
    doc.issuer.siret ? sirenOf(doc.issuer.siret).replace(/ /g, "") : null,
    partyName(doc.client),
    doc.client.siret ? sirenOf(doc.client.siret).replace(/ /g, "") : null,
    day(doc.periodStart),
    day(doc.periodEnd),
    day(doc.dueDate),
    euros(doc.totalExclTaxCents),
    euros(doc.vatCents),
    euros(doc.totalInclTaxCents),
    doc.correctsNumber,
    doc.issuerKey === "platform" ? "non" : "oui",
  ];
}

/** Oldest first; a BOM so Excel reads the accents as UTF-8; CRLF line ends. */
export function invoiceCsv(docs: readonly InvoiceDocument[]): string {
  const rows = [invoiceCsvHeader, ...docs.map(rowOf)];
  return `\uFEFF${rows.map((row) => row.map(cell).join(";")).join("\r\n")}\r\n`;
}
