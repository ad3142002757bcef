import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { InvoiceList, InvoiceMonthFilter } from "#app/components/invoice-list";
import { listInvoiceItems } from "#app/domain/billing/invoices.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Factures — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const month = new URL(request.url).searchParams.get("mois");
  return handle(() => listInvoiceItems({ actorId: user.id, month }));
}

export default function InvoicesPage() {
  const { month, invoices, truncated, limit } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Factures</h1>
      <p className="muted">
        Les factures des prestataires sont émises par Permanence en leur nom et pour leur compte (mandat de
        facturation) ; Permanence facture sa commission aux prestataires.
      </p>
      <InvoiceMonthFilter month={month} />
      {truncated ? (
        <p className="muted">
          Seules les {limit} plus récentes sont affichées ; l’export CSV d’un mois les contient toutes.
        </p>
      ) : null}
      <InvoiceList invoices={invoices} />
    </div>
  );
}
