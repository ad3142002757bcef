import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { scheduleTypeLabels, type ScheduleType } from "#app/domain/missions/mission-columns";
import {
  missionDecisionNotices,
  missionDecisionNoticeSchema,
} from "#app/domain/moderation/mission-review.schema";
import { getMissionReviewQueue } from "#app/domain/moderation/mission-review.server";
import { billingModeLabels, type BillingMode } from "#app/domain/profiles/taxonomy";
import { formatDate } from "#app/lib/dates";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Missions à valider — Modération — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  return handle(() => getMissionReviewQueue({ actor: staff }));
}

const label = <T extends string>(labels: Record<T, string>, code: string) =>
  Object.hasOwn(labels, code) ? labels[code as T] : code;

export default function MissionQueue() {
  const { pending, queue, limit } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const decision = missionDecisionNoticeSchema.parse(params.get("decision") ?? undefined);
  return (
    <div className="stack">
      <h1>Missions à valider</h1>
      {decision ? (
        <p className="notice" role="status">
          {missionDecisionNotices[decision]}
          {params.get("mail") === "echec"
            ? " (L’e-mail n’a pas pu être envoyé : prévenez l’entreprise autrement.)"
            : null}
        </p>
      ) : null}
      {queue.length === 0 ? (
        <p className="notice" role="status">
          Aucune mission n’attend de validation. Tout est à jour, merci !
        </p>
      ) : (
        <>
          <p className="muted">
            {pending > 1 ? `${pending} missions attendent` : "1 mission attend"} une validation, de la plus
            ancienne à la plus récente.
            {pending > limit ? ` Seules les ${limit} plus anciennes sont affichées.` : null}
          </p>
          <table>
            <caption className="muted">Missions en attente de validation</caption>
            <thead>
              <tr>
                <th scope="col">Mission</th>
                <th scope="col">Entreprise</th>
                <th scope="col">Facturation</th>
                <th scope="col">Type</th>
                <th scope="col">Envoyée le</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/moderation/missions/${item.id}`}>{item.title}</Link>
                  </td>
                  <td>{item.businessName}</td>
                  <td>{label<BillingMode>(billingModeLabels, item.billingMode)}</td>
                  <td>{label<ScheduleType>(scheduleTypeLabels, item.scheduleType)}</td>
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
