import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { ModerationStatusCounts } from "#app/components/moderation-status-counts";
import { countDisputes } from "#app/domain/moderation/disputes-queue.server";
import { canManageStaff } from "#app/domain/moderation/moderation.policy";
import { decisionNotices, decisionNoticeSchema } from "#app/domain/moderation/moderation.schema";
import { getReviewQueue } from "#app/domain/moderation/moderation.server";
import { formatDate } from "#app/lib/dates";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "File de modération — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const queue = await handle(() => getReviewQueue({ actor: staff }));
  const isAdmin = canManageStaff(staff);
  return { ...queue, disputes: await handle(() => countDisputes({ actor: staff })), isAdmin };
}

export default function ModerationQueue() {
  const { counts, queue, limit, disputes, isAdmin } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const decision = decisionNoticeSchema.parse(params.get("decision") ?? undefined);
  return (
    <div className="stack">
      <h1>Profils à valider</h1>
      <p>
        <Link to="/moderation/missions">Voir aussi les missions à valider</Link>
      </p>
      <p>
        <Link to="/moderation/litiges">
          Litiges et contrats signalés : {disputes === 0 ? "aucun en cours" : `${disputes} à examiner`}
        </Link>
      </p>
      {isAdmin ? (
        <p>
          <Link to="/moderation/equipe">Équipe et commission (administrateurs)</Link>
        </p>
      ) : null}
      {decision ? (
        <p className="notice" role="status">
          {decisionNotices[decision]}
          {params.get("mail") === "echec"
            ? " (L’e-mail n’a pas pu être envoyé : prévenez-la autrement.)"
            : null}
        </p>
      ) : null}
      <ModerationStatusCounts counts={counts} />
      {queue.length === 0 ? (
        <p className="notice" role="status">
          Aucun profil n’attend de validation. Tout est à jour, merci !
        </p>
      ) : (
        <>
          <p className="muted">
            Les profils sont classés du plus ancien au plus récent envoi.
            {counts.PENDING_REVIEW > limit ? ` Seuls les ${limit} plus anciens sont affichés.` : null}
          </p>
          <table>
            <caption className="muted">Profils en attente de validation</caption>
            <thead>
              <tr>
                <th scope="col">Secrétaire</th>
                <th scope="col">Titre du profil</th>
                <th scope="col">Agence</th>
                <th scope="col">Envoyé le</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/moderation/profils/${item.id}`}>{item.displayName}</Link>
                  </td>
                  <td>{item.headline || <span className="muted">Sans titre</span>}</td>
                  <td>{item.agencyName ?? <span className="muted">Indépendante</span>}</td>
                  <td>
                    {item.submittedAt ? (
                      formatDate(item.submittedAt)
                    ) : (
                      <span className="muted">Date inconnue</span>
                    )}
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
