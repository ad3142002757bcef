import { Form, Link, NavLink } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { HeaderCounters, type UnreadCounts } from "#app/components/chat-header-counters";

type HeaderUser = { id: string; displayName: string; kind: string; isStaff: boolean } | null;

type HeaderProps = { user: HeaderUser; showDevTools: boolean; unread?: UnreadCounts | null };

export function SiteHeader({ user, showDevTools, unread }: HeaderProps) {
  return (
    <header className="site-header">
      <Link to="/" className="brand" aria-label="Permanence, accueil">
        Permanence
      </Link>
      <nav aria-label="Navigation principale">
        <ul>
          <li>
            <NavLink to="/secretaires">Secrétaires</NavLink>
          </li>
          <li>
            <NavLink to="/missions" end>
              Missions
            </NavLink>
          </li>
          {user ? (
            <>
              <li>
                <NavLink to="/tableau-de-bord">Tableau de bord</NavLink>
              </li>
              {user.isStaff ? null : (
                <li>
                  <NavLink to="/contrats">Contrats</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/factures">Factures</NavLink>
              </li>
            </>
          ) : null}
          {user?.kind === "BUSINESS" ? (
            <li>
              <NavLink to="/compte/missions">Mes missions</NavLink>
            </li>
          ) : null}
          {user?.kind === "SECRETARY" ? (
            <li>
              <NavLink to="/compte/profil">Mon profil</NavLink>
            </li>
          ) : null}
          {user?.kind === "SECRETARY" || user?.kind === "AGENCY_OWNER" ? (
            <li>
              <NavLink to="/compte/propositions">Propositions</NavLink>
            </li>
          ) : null}
          {user?.kind === "AGENCY_OWNER" ? (
            <li>
              <NavLink to="/agence/equipe">Mon équipe</NavLink>
            </li>
          ) : null}
          {user && (user.kind === "BUSINESS" || user.kind === "AGENCY_OWNER") ? (
            <li>
              <NavLink to="/compte/organisation">Mon organisation</NavLink>
            </li>
          ) : null}
          {user?.isStaff ? (
            <li>
              <NavLink to="/moderation">Modération</NavLink>
            </li>
          ) : null}
          {showDevTools ? (
            <li>
              <NavLink to="/dev/emails">E-mails (dev)</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="session-actions">
        {user ? (
          <>
            <ul className="header-counters">
              <HeaderCounters userId={user.id} counts={unread ?? { messages: 0, notifications: 0 }} />
            </ul>
            <Link to="/compte">{user.displayName}</Link>
            <Form method="post" action="/deconnexion">
              <AuthenticityTokenInput />
              <button type="submit" className="button-link">
                Se déconnecter
              </button>
            </Form>
          </>
        ) : (
          <>
            <Link to="/connexion">Se connecter</Link>
            <Link to="/inscription" className="button">
              Créer un compte
            </Link>
          </>
        )}
      </div>
    </header>
  );
}
