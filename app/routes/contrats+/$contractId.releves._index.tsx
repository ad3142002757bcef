import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { listStatementMonths } from "#app/domain/work/statement.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Relevés — ${data.contract.title} — Permanence` : "Relevés — Permanence" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => listStatementMonths({ actorId: user.id, contractId: params.contractId ?? "" }));
}

export default function StatementMonths() {
  const { contract, months } = useLoaderData<typeof loader>();
  return (
    <article className="stack">
      <p>
        <Link to={`/contrats/${contract.id}`}>Retour au contrat</Link> ·{" "}
        <Link to={`/contrats/${contract.id}/travail`}>Travail</Link>
      </p>
      <h1>Relevés mensuels — {contract.title}</h1>
      <p className="lead">
        Le travail validé de chaque mois, par secrétaire, avec les frais de service et le montant dû.
      </p>
      {months.length === 0 ? (
        <p className="muted">Aucun travail saisi pour l’instant.</p>
      ) : (
        <ul>
          {months.map((m) => (
            <li key={m.month}>
              <Link to={`/contrats/${contract.id}/releves/${m.month}`}>Relevé de {m.label}</Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
