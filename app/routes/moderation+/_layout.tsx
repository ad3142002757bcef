import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { handle } from "#app/lib/http.server";

// Staff only: anonymous visitors go to /connexion, other accounts get a 403. Layouts do not guard
// actions, so every child loader and action checks again.
export async function loader({ request }: LoaderFunctionArgs) {
  await handle(() => requireStaff(request));
  return null;
}

export default function ModerationLayout() {
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
            <NavLink to="/moderation/paiements">Paiements</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
