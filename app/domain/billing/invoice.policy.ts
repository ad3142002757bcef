// Who may read an invoice. Pure: the facts are loaded by invoices.server.ts.
// - staff: every invoice;
// - a member of a business: the invoices addressed to her organisation (its payees' invoices and
//   their credit notes — never the platform's commission invoices, which are addressed to payees);
// - a payee (a secretary, or an agency's owner for the agency): the invoices issued in her name and
//   the platform's invoices addressed to her.

export type InvoiceViewer = {
  userId: string;
  staff: boolean;
  /** Organisations of kind BUSINESS she belongs to. */
  businessOrgIds: readonly string[];
  /** Agencies she owns: she reads the invoices issued in the agency's name. */
  agencyOrgIds: readonly string[];
};

export type InvoiceParties = { issuerKey: string; clientKey: string };

export function payeeKeysOf(viewer: InvoiceViewer): string[] {
  return [`user:${viewer.userId}`, ...viewer.agencyOrgIds.map((id) => `agency:${id}`)];
}

export function mayViewInvoice(viewer: InvoiceViewer, invoice: InvoiceParties): boolean {
  if (viewer.staff) return true;
  const payeeKeys = payeeKeysOf(viewer);
  if (payeeKeys.includes(invoice.issuerKey)) return true;
  if (invoice.issuerKey === "platform") return payeeKeys.includes(invoice.clientKey);
  return viewer.businessOrgIds.some((id) => invoice.clientKey === `organization:${id}`);
}
