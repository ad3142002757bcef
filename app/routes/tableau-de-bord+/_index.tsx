import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { DashboardAgency } from "#app/components/dashboard-agency";
import { DashboardBusiness } from "#app/components/dashboard-business";
import { DashboardSecretary } from "#app/components/dashboard-secretary";
import { loadDashboard } from "#app/domain/dashboards/dashboards.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => loadDashboard({ actorId: user.id }));
}

export default function DashboardPage() {
  const page = useLoaderData<typeof loader>();
  const nothing = !page.business && !page.secretary && !page.agency && !page.staff;
  return (
    <div className="stack">
      <h1>Tableau de bord</h1>
      <p className="lead">Bonjour {page.displayName}.</p>
      {page.staff ? (
        <p>
          Équipe Permanence : <Link to="/moderation">file de modération</Link>,{" "}
          <Link to="/moderation/missions">missions à relire</Link>,{" "}
          <Link to="/moderation/journal">journal</Link>.
        </p>
      ) : null}
      {page.business ? <DashboardBusiness page={page.business} /> : null}
      {page.agency ? <DashboardAgency page={page.agency} /> : null}
      {page.secretary ? <DashboardSecretary page={page.secretary} /> : null}
      {nothing ? (
        <p>
          Rien à afficher pour l’instant. <Link to="/compte">Votre compte</Link>
        </p>
      ) : null}
    </div>
  );
}
