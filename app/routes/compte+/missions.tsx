import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { scheduleTypeLabels, type ScheduleType } from "#app/domain/missions/mission-columns";
import { missionStatuses, missionStatusLabels } from "#app/domain/missions/mission-machine";
import { listOwnMissions } from "#app/domain/missions/missions.server";
import { formatDate } from "#app/lib/dates";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Mes missions — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const missions = await handle(() => listOwnMissions({ actorId: user.id }));
  const groups = missionStatuses
    .map((status) => ({
      status,
      label: missionStatusLabels[status],
      missions: missions.filter((m) => m.status === status),
    }))
    .filter((group) => group.missions.length > 0);
  return { groups, total: missions.length };
}

/** The one next step for the business, by status (the page of the mission holds the others). */
const mainAction: Partial<Record<string, { label: string; suffix: string }>> = {
  DRAFT: { label: "Modifier et envoyer", suffix: "/modifier" },
  PENDING_REVIEW: { label: "Voir (en relecture)", suffix: "" },
  OPEN: { label: "Voir ou fermer", suffix: "" },
};

export default function OwnMissions() {
  const page = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Mes missions</h1>
      <p>
        <Link className="button" to="/missions/nouvelle">
          Publier une mission
        </Link>
      </p>
      {page.total === 0 ? <p className="muted">Vous n’avez pas encore de mission.</p> : null}
      {page.groups.map((group) => (
        <section key={group.status} className="card stack" aria-labelledby={`statut-${group.status}`}>
          <h2 id={`statut-${group.status}`}>
            {group.label} ({group.missions.length})
          </h2>
          <ul className="stack">
            {group.missions.map((m) => {
              const action = mainAction[m.status];
              return (
                <li key={m.id}>
                  <Link to={`/missions/${m.id}`}>{m.title}</Link>{" "}
                  <span className="muted">
                    — {scheduleTypeLabels[m.scheduleType as ScheduleType] ?? m.scheduleType}, à partir du{" "}
                    {formatDate(`${m.startDate}T12:00:00Z`)}
                  </span>{" "}
                  {action ? <Link to={`/missions/${m.id}${action.suffix}`}>{action.label}</Link> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
