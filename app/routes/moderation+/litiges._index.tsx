// /moderation/litiges — staff: contracts in DISPUTED, with disputed work, a Stripe charge dispute,
// or flagged by a suspension; the oldest first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { listDisputeQueue } from "#app/domain/moderation/disputes-queue.server";
import { formatDate } from "#app/lib/dates";
import { handle } from "#app/lib/http.server";
import { formatEuros } from "#app/lib/money";

export const meta: MetaFunction = () => [{ title: "Litiges — Modération — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  return handle(() => listDisputeQueue({ actor: staff }));
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

function Why({ item }: { item: Item }) {
  const reasons: string[] = [];
  if (item.status === "DISPUTED") reasons.push("contrat en litige");
  if (item.disputedWorkCount > 0)
    reasons.push(`${item.disputedWorkCount} ligne(s) contestée(s), ${formatEuros(item.disputedAmountCents)}`);
  if (item.stripeDisputes > 0) reasons.push(`${item.stripeDisputes} contestation(s) bancaire(s) ouverte(s)`);
  if (item.flaggedAt)
    reasons.push(`signalé le ${formatDate(item.flaggedAt)}${item.flagReason ? ` : ${item.flagReason}` : ""}`);
  return <>{reasons.join(" · ")}</>;
}

export default function DisputeQueue() {
  const { items, total, limit } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Litiges et contrats signalés</h1>
      <p>
        <Link to="/moderation/paiements">Voir tous les paiements</Link>
      </p>
      {items.length === 0 ? (
        <p className="notice" role="status">
          Aucun litige en cours. Tout est à jour, merci !
        </p>
      ) : (
        <>
          <p className="muted">
            Les contrats sont classés du plus ancien au plus récent changement.
            {total > limit ? ` Seuls les ${limit} plus anciens sont affichés.` : null}
          </p>
          <table>
            <caption className="muted">Contrats à examiner</caption>
            <thead>
              <tr>
                <th scope="col">Contrat</th>
                <th scope="col">Entreprise</th>
                <th scope="col">Statut</th>
                <th scope="col">Pourquoi</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/moderation/litiges/${item.id}`}>{item.title}</Link>
                  </td>
                  <td>{item.businessName}</td>
                  <td>{item.statusLabel}</td>
                  <td>
                    <Why item={item} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
