import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { InvoiceView } from "#app/components/invoice-view";
import { getInvoice } from "#app/domain/billing/invoices.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} ${data.number} — Permanence`
      : "Facture — Permanence",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => getInvoice({ actorId: user.id, invoiceId: params.invoiceId ?? "" }));
}

export default function InvoicePage() {
  const doc = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p className="no-print">
        <Link to="/factures">Toutes les factures</Link> ·{" "}
        <a href={`/factures/${doc.id}.pdf`}>Télécharger le PDF</a> ·{" "}
        <a href={`/factures/${doc.id}.xml`}>Export EN 16931 (XML CII)</a> ·{" "}
        <a href={`/factures/${doc.id}/facturx.pdf`}>Factur-X (PDF avec XML)</a>
      </p>
      <InvoiceView doc={doc} />
    </div>
  );
}
