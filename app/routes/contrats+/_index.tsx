import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { listMyContracts } from "#app/domain/contracts/contracts.server";
import { formatDate } from "#app/lib/dates";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Mes contrats — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => listMyContracts({ actorId: user.id }));
}

const day = (isoDay: string) => formatDate(`${isoDay}T12:00:00Z`);

export default function MyContracts() {
  const { groups } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Mes contrats</h1>
      {groups.length === 0 ? (
        <p className="muted">
          Aucun contrat pour l’instant. Un contrat naît quand une entreprise accepte une proposition, ou quand
          une secrétaire accepte une offre directe.
        </p>
      ) : null}
      {groups.map((group) => (
        <section key={group.status} className="card stack" aria-labelledby={`statut-${group.status}`}>
          <h2 id={`statut-${group.status}`}>
            {group.label} ({group.contracts.length})
          </h2>
          <ul className="stack">
            {group.contracts.map((c) => (
              <li key={c.id}>
                <Link to={`/contrats/${c.id}`}>{c.title}</Link>{" "}
                <span className="muted">
                  — {c.businessName}
                  {c.agencyName ? ` avec ${c.agencyName}` : ""}, {c.billingMode.toLowerCase()}, à partir du{" "}
                  {day(c.startDate)}
                  {c.endDate ? ` jusqu’au ${day(c.endDate)}` : ""}
                </span>{" "}
                {c.awaitingMe ? <span className="badge warn">À accepter</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
