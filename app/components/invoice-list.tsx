// The invoices a viewer may see, as a table, and its filters (a GET form: works without JS).
import { Form, Link } from "@remix-run/react";
import { formatDate } from "#app/lib/dates";
import { formatEuros } from "#app/lib/money";

export type InvoiceListItem = {
  id: string;
  number: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  issuedAt: string | Date;
  issuerName: string;
  clientName: string;
  mandated: boolean;
  totalInclTaxCents: number;
};

function exportHref(month: string, party: string | null) {
  const params = new URLSearchParams({ mois: month, ...(party ? { qui: party } : {}) });
  return `/factures/export.csv?${params.toString()}`;
}

/** Month of issue, and an issuer's or client's name (or a number). */
export function InvoiceFilters({ month, party }: { month: string | null; party: string | null }) {
  return (
    <Form method="get" className="row" aria-label="Filtrer les factures">
      <div className="field">
        <label htmlFor="mois">Mois d’émission (AAAA-MM)</label>
        <input id="mois" name="mois" type="month" defaultValue={month ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="qui">Émetteur, client ou numéro</label>
        <input id="qui" name="qui" type="search" minLength={2} maxLength={80} defaultValue={party ?? ""} />
      </div>
      <button type="submit">Filtrer</button>
      {month ? (
        <a href={exportHref(month, party)} download>
          Exporter le mois (CSV)
        </a>
      ) : null}
    </Form>
  );
}

export function InvoiceList({ invoices }: { invoices: InvoiceListItem[] }) {
  if (invoices.length === 0) return <p className="muted">Aucune facture pour l’instant.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Numéro</th>
          <th scope="col">Date</th>
          <th scope="col">Émetteur</th>
          <th scope="col">Client</th>
          <th scope="col">Total TTC</th>
          <th scope="col">Téléchargements</th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => (
          <tr key={invoice.id}>
            <td>
              <Link to={`/factures/${invoice.id}`}>
                {invoice.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} {invoice.number}
              </Link>
            </td>
            <td>{formatDate(invoice.issuedAt)}</td>
            <td>
              {invoice.issuerName}
              {invoice.mandated ? <span className="muted"> (émise par Permanence sous mandat)</span> : null}
            </td>
            <td>{invoice.clientName}</td>
            <td>{formatEuros(invoice.totalInclTaxCents)}</td>
            <td>
              <a href={`/factures/${invoice.id}.pdf`}>PDF</a> ·{" "}
              <a href={`/factures/${invoice.id}.xml`}>XML</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
