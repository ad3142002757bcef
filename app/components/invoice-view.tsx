// One invoice or credit note as a page, with the same mentions as its PDF (invoice-mentions.ts).
import { vatRateLabel, formatQuantity } from "#app/domain/billing/invoice-format";
import {
  documentTitle,
  legalMentions,
  partyLines,
  periodMention,
  platformFooter,
} from "#app/domain/billing/invoice-mentions";
import { unitLabels, type InvoiceDocument } from "#app/domain/billing/invoice.schema";
import { formatDate } from "#app/lib/dates";
import { formatEuros } from "#app/lib/money";

function Party({ title, lines }: { title: string; lines: string[] }) {
  return (
    <section className="stack" aria-label={title}>
      <h2>{title}</h2>
      <address>
        {lines.map((line) => (
          <span key={line}>
            {line}
            <br />
          </span>
        ))}
      </address>
    </section>
  );
}

function Lines({ doc }: { doc: InvoiceDocument }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Description</th>
          <th scope="col">Quantité</th>
          <th scope="col">Prix unitaire HT</th>
          <th scope="col">TVA</th>
          <th scope="col">Total HT</th>
        </tr>
      </thead>
      <tbody>
        {doc.lines.map((line, index) => (
          <tr key={index}>
            <td>{line.description}</td>
            <td>
              {formatQuantity(line.quantity)} {unitLabels[line.unit]}
            </td>
            <td>{formatEuros(line.unitPriceCents)}</td>
            <td>{vatRateLabel(line.vatRateBps)}</td>
            <td>{formatEuros(line.totalCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            Total HT
          </th>
          <td>{formatEuros(doc.totalExclTaxCents)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={4}>
            TVA {vatRateLabel(doc.lines[0]?.vatRateBps ?? 0)}
          </th>
          <td>{formatEuros(doc.vatCents)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={4}>
            Total TTC
          </th>
          <td>
            <strong>{formatEuros(doc.totalInclTaxCents)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

export function InvoiceView({ doc }: { doc: InvoiceDocument }) {
  const { legalForm, rcs } = doc.issuer;
  const footer = legalForm && rcs ? platformFooter({ ...doc.issuer, legalForm, rcs }) : null;
  return (
    <article className="stack">
      <header className="stack">
        <h1>{documentTitle(doc)}</h1>
        <p>
          Date d’émission : {formatDate(doc.issuedAt)}
          <br />
          {periodMention(doc)}
          <br />
          Date d’échéance : {formatDate(doc.dueDate)}
        </p>
      </header>
      <div className="row">
        <Party title="Émetteur" lines={partyLines(doc.issuer, "issuer")} />
        <Party title="Client" lines={partyLines(doc.client, "client")} />
      </div>
      <Lines doc={doc} />
      <ul className="muted">
        {legalMentions(doc, footer).map((mention) => (
          <li key={mention}>{mention}</li>
        ))}
      </ul>
    </article>
  );
}
