import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { handle } from "#app/lib/http.server";

// Staff only: anonymous visitors go to /connexion, other accounts get a 403. Layouts do not guard
// actions, so every child loader and action checks again.
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  return { isAdmin: staff.role === "ADMIN" };
}

export default function ModerationLayout() {
  const { isAdmin } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <nav aria-label="Modération">
        <ul className="tags">
          <li>
            <NavLink to="/moderation" end>
              File d’attente
            </NavLink>
          </li>
          <li>
            <NavLink to="/moderation/missions">Missions</NavLink>
          </li>
          <li>
            <NavLink to="/moderation/journal">Journal des actions</NavLink>
          </li>
          <li>
            <NavLink to="/moderation/signalements">Signalements</NavLink>
          </li>
          <li>
            <NavLink to="/moderation/litiges">Litiges</NavLink>
          </li>
          <li>
            <NavLink to="/moderation/avis">Avis</NavLink>
          </li>
          <li>
            <NavLink to="/moderation/paiements">Paiements</NavLink>
          </li>
          {isAdmin ? (
            <li>
              <NavLink to="/moderation/equipe">Équipe et commission</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
