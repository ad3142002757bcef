import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { StatementView } from "#app/components/statement-view";
import { buildMonthlyStatement } from "#app/domain/work/statement.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Relevé de ${data.monthLabel} — ${data.contract.title} — Permanence`
      : "Relevé — Permanence",
  },
];

/** The page; the same statement as CSV is the sibling resource route `…/:month.csv`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() =>
    buildMonthlyStatement({ actorId: user.id, contractId: params.contractId ?? "", month: params.month ?? "" }),
  );
}

export default function MonthlyStatementPage() {
  const page = useLoaderData<typeof loader>();
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
        <a href={`/contrats/${contract.id}/releves/${statement.month}.csv`} download>
          Télécharger le relevé (CSV)
        </a>{" "}
        · Pour l’imprimer, utilisez la fonction d’impression de votre navigateur.
      </p>
      <StatementView statement={statement} labels={page.taskLabels} />
    </article>
  );
}
