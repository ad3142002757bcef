// Every mandatory mention of a French invoice, worded once and read by the HTML page, the PDF and
// the XML (CGI art. 242 nonies A, Code de commerce L441-9 / L441-10 / D441-5). Pure, client-safe.
import { formatDate } from "#app/lib/dates";
import type { InvoiceDocument, PartySnapshot } from "./invoice.schema";

export const VAT_EXEMPT_MENTION = "TVA non applicable, art. 293 B du CGI";
export const LATE_PENALTY_MENTION =
  "En cas de retard de paiement, pénalités exigibles au taux de trois fois le taux d’intérêt légal " +
  "en vigueur (art. L441-10 du Code de commerce), dès le lendemain de la date d’échéance.";
export const RECOVERY_INDEMNITY_MENTION =
  "Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : 40 € (art. D441-5 du Code de commerce).";
export const NO_DISCOUNT_MENTION = "Pas d’escompte pour paiement anticipé.";

/** "Claire Morel EI": an individual entrepreneur's name always carries "EI" (Code de commerce R123-237). */
export function partyName(party: Pick<PartySnapshot, "legalName" | "individual">): string {
  const name = party.legalName.trim();
  if (!party.individual || /\bEI\b|entrepreneur individuel/i.test(name)) return name;
  return `${name} EI`;
}

const group = (digits: string, sizes: number[]) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(digits.slice(at, (at += size)));
  return parts.filter(Boolean).join(" ");
};

/** "912 345 675" from a SIRET or a SIREN. */
export const sirenOf = (siret: string) => group(siret.replace(/\s/g, "").slice(0, 9), [3, 3, 3]);
/** "912 345 675 00017". */
export const formatSiret = (siret: string) => group(siret.replace(/\s/g, ""), [3, 3, 3, 5]);

export function addressLines(party: PartySnapshot): string[] {
  return [party.addressLine, `${party.postcode} ${party.commune}`.trim(), "France"].filter(Boolean);
}

/** The identity block of a party: name, address, SIREN/SIRET, VAT status. */
export function partyLines(party: PartySnapshot, role: "issuer" | "client"): string[] {
  const lines = [partyName(party), ...addressLines(party)];
  if (party.siret) {
    lines.push(
      role === "issuer" || party.siret.length === 14
        ? `SIREN ${sirenOf(party.siret)} — SIRET ${formatSiret(party.siret)}`
        : `SIREN ${sirenOf(party.siret)}`,
    );
  }
  if (party.vatNumber) lines.push(`N° TVA intracommunautaire : ${party.vatNumber}`);
  else if (role === "issuer" && party.vatExempt) lines.push(VAT_EXEMPT_MENTION);
  return lines;
}

export const documentTitle = (doc: Pick<InvoiceDocument, "kind" | "number">) =>
  `${doc.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} n° ${doc.number}`;

const isMandated = (doc: Pick<InvoiceDocument, "issuerKey">) => doc.issuerKey !== "platform";

/** "Facture établie par Permanence au nom et pour le compte de Claire Morel EI" (billing mandate). */
export function mandateMention(doc: Pick<InvoiceDocument, "issuerKey" | "kind" | "issuer">): string | null {
  if (!isMandated(doc)) return null;
  const what = doc.kind === "CREDIT_NOTE" ? "Avoir établi" : "Facture établie";
  return `${what} par Permanence au nom et pour le compte de ${partyName(doc.issuer)}`;
}

export const periodMention = (doc: Pick<InvoiceDocument, "periodStart" | "periodEnd">) =>
  `Période de la prestation : du ${formatDate(doc.periodStart)} au ${formatDate(doc.periodEnd)}`;

/** Due date, late-payment penalties, the €40 indemnity, no discount: the payment terms. */
export function paymentTermsMentions(doc: Pick<InvoiceDocument, "dueDate">): string[] {
  return [
    `Date d’échéance : ${formatDate(doc.dueDate)}`,
    LATE_PENALTY_MENTION,
    RECOVERY_INDEMNITY_MENTION,
    NO_DISCOUNT_MENTION,
  ];
}

/** The mentions printed under the totals, in order. */
export function legalMentions(doc: InvoiceDocument, platformFooter: string | null): string[] {
  const mentions = paymentTermsMentions(doc);
  if (doc.issuer.vatExempt && !doc.issuer.vatNumber) mentions.unshift(VAT_EXEMPT_MENTION);
  if (doc.correctsNumber) mentions.unshift(`Avoir rectifiant la facture n° ${doc.correctsNumber}`);
  const mandate = mandateMention(doc);
  if (mandate) mentions.push(mandate);
  if (platformFooter) mentions.push(platformFooter);
  return mentions;
}

/** "Permanence SAS, SAS au capital de 10 000 €, RCS Paris 912 345 675" — the company's own mentions. */
export function platformFooter(platform: {
  legalName: string;
  legalForm: string;
  rcs: string;
  siret: string | null;
}) {
  return `${platform.legalName}, ${platform.legalForm}, ${platform.rcs}${platform.siret ? ` ${sirenOf(platform.siret)}` : ""}`;
}
