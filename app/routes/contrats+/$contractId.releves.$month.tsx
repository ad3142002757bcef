import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { StatementView } from "#app/components/statement-view";
import { statementCsv } from "#app/domain/work/statement-csv";
import { buildMonthlyStatement } from "#app/domain/work/statement.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Relevé de ${data.monthLabel} — ${data.contract.title} — Permanence`
      : "Relevé — Permanence",
  },
];

/** The page, or with ?format=csv the same statement as a CSV download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const month = params.month ?? "";
  const page = await handle(() =>
    buildMonthlyStatement({ actorId: user.id, contractId: params.contractId ?? "", month }),
  );
  if (new URL(request.url).searchParams.get("format") === "csv") {
    return new Response(statementCsv(page.statement), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="releve-${month}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  return page;
}

export default function MonthlyStatementPage() {
  const page = useLoaderData<typeof loader>() as Exclude<Awaited<ReturnType<typeof loader>>, Response>;
  const { contract, statement } = page;
  return (
    <article className="stack">
      <p className="no-print">
        <Link to={`/contrats/${contract.id}/releves`}>Tous les relevés</Link> ·{" "}
        <Link to={`/contrats/${contract.id}/travail?mois=${statement.month}`}>Travail du mois</Link>
      </p>
      <header className="stack">
        <h1>Relevé de {page.monthLabel}</h1>
        <p className="lead">
          {contract.title} — {contract.businessName}
        </p>
      </header>
      <p className="no-print">
        <a href={`/contrats/${contract.id}/releves/${statement.month}?format=csv`} download>
          Télécharger le relevé (CSV)
        </a>{" "}
        · Pour l’imprimer, utilisez la fonction d’impression de votre navigateur.
      </p>
      <StatementView statement={statement} labels={page.taskLabels} />
    </article>
  );
}
