import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { InvoiceFilters, InvoiceList } from "#app/components/invoice-list";
import { listInvoiceItems } from "#app/domain/billing/invoices.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Factures — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  return handle(() =>
    listInvoiceItems({ actorId: user.id, month: params.get("mois"), party: params.get("qui") }),
  );
}

export default function InvoicesPage() {
  const { month, party, everyone, invoices, truncated, limit } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Factures</h1>
      <p className="muted">
        Les factures des prestataires sont émises par Permanence en leur nom et pour leur compte (mandat de
        facturation) ; Permanence facture sa commission aux prestataires.
      </p>
      {everyone ? (
        <p className="notice">
          Vue de l’équipe : toutes les factures et tous les avoirs de la plateforme, en lecture seule. Filtrez
          par mois ou par nom d’émetteur ou de client.
        </p>
      ) : null}
      <InvoiceFilters month={month} party={party} />
      {truncated ? (
        <p className="muted">
          Seules les {limit} plus récentes sont affichées ; l’export CSV d’un mois les contient toutes.
        </p>
      ) : null}
      <InvoiceList invoices={invoices} />
    </div>
  );
}
