import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { getSessionUser } from "#app/auth/session.server";
import { accountKindLabel, endOtherSessions, getAccountOverview } from "#app/domain/accounts/account-page.server";
import { resendVerification } from "#app/domain/accounts/accounts.server";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { formatDate, formatDateTime } from "#app/lib/dates";
import { getEnv } from "#app/lib/env.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Mon compte — Permanence" }];

async function requireSession(request: Request) {
  const found = await getSessionUser(request);
  if (!found) throw redirect("/connexion?redirectTo=/compte");
  return found;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, session } = await requireSession(request);
  const overview = await handle(() => getAccountOverview(user.id, session.id));
  return { ...overview, kindLabel: accountKindLabel(overview.kind) };
}

const intentSchema = z.object({ intent: z.enum(["resend-verification", "end-other-sessions"]) });

export async function action({ request }: ActionFunctionArgs) {
  const { user, session } = await requireSession(request);
  const formData = await handle(() => readForm(request));
  const parsed = intentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ message: "Action inconnue." }, { status: 400 });
  if (parsed.data.intent === "resend-verification") {
    try {
      await resendVerification(user.id, getEnv().appUrl);
    } catch (error) {
      if (error instanceof DomainError && error.code === "RATE_LIMITED") {
        return data({ message: error.message }, { status: 429 });
      }
      throw error;
    }
    return { message: "Un nouveau lien de vérification vient de vous être envoyé." };
  }
  const count = await endOtherSessions(user.id, session.id);
  return { message: count ? `${count} autre${count > 1 ? "s" : ""} session${count > 1 ? "s" : ""} fermée${count > 1 ? "s" : ""}.` : "Aucune autre session n’était ouverte." };
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Mon compte</h1>
      {result?.message ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="identite">
        <h2 id="identite">Identité</h2>
        <dl>
          <dt>Nom</dt>
          <dd>{account.displayName}</dd>
          <dt>Adresse e-mail</dt>
          <dd>
            {account.email}{" "}
            {account.emailVerified ? <span className="badge ok">vérifiée</span> : <span className="badge warn">à vérifier</span>}
          </dd>
          <dt>Type de compte</dt>
          <dd>{account.kindLabel}</dd>
          <dt>Inscription</dt>
          <dd>{formatDate(account.createdAt)}</dd>
        </dl>
        {!account.emailVerified ? (
          <Form method="post">
            <AuthenticityTokenInput />
            <p className="notice warning">Confirmez votre adresse e-mail pour pouvoir publier votre profil ou vos missions.</p>
            <button type="submit" name="intent" value="resend-verification" className="secondary">
              Renvoyer le lien de vérification
            </button>
          </Form>
        ) : null}
        <p className="row">
          {account.kind === "SECRETARY" ? <Link to="/compte/profil">Mon profil de secrétaire</Link> : null}
          {account.kind === "BUSINESS" || account.kind === "AGENCY_OWNER" ? <Link to="/compte/organisation">Mon organisation</Link> : null}
          {account.kind === "AGENCY_OWNER" ? <Link to="/agence/equipe">Mon équipe</Link> : null}
          {account.kind === "SECRETARY" || account.kind === "AGENCY_OWNER" ? <Link to="/compte/propositions">Mes propositions et offres</Link> : null}
          {account.kind === "SECRETARY" || account.kind === "AGENCY_OWNER" ? (
            <Link to="/compte/engagement-confidentialite">Engagement de confidentialité</Link>
          ) : null}
          {account.kind === "SECRETARY" || account.kind === "AGENCY_OWNER" ? <Link to="/compte/paiements">Paiements</Link> : null}
          {account.kind === "SECRETARY" || account.kind === "AGENCY_OWNER" ? (
            <Link to="/compte/attestation">Attestation de vigilance URSSAF</Link>
          ) : null}
          {account.kind === "SECRETARY" || account.kind === "AGENCY_OWNER" ? (
            <Link to="/compte/releve-annuel">Relevé annuel des sommes perçues</Link>
          ) : null}
          {account.kind === "BUSINESS" ? <Link to="/compte/facturation">Facturation</Link> : null}
          <Link to="/compte/notifications">Notifications par e-mail</Link>
          <Link to="/compte/donnees">Mes données (export, suppression du compte)</Link>
          <Link to="/mot-de-passe-oublie">Changer de mot de passe</Link>
        </p>
      </section>
      <section className="card stack" aria-labelledby="sessions">
        <h2 id="sessions">Sessions ouvertes</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Ouverte le</th>
              <th scope="col">Expire le</th>
              <th scope="col">Cet appareil</th>
            </tr>
          </thead>
          <tbody>
            {account.sessions.map((s) => (
              <tr key={s.id}>
                <td>{formatDateTime(s.createdAt)}</td>
                <td>{formatDate(s.expiresAt)}</td>
                <td>{s.current ? "Oui" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post">
          <AuthenticityTokenInput />
          <button type="submit" name="intent" value="end-other-sessions" className="secondary">
            Se déconnecter de tous les autres appareils
          </button>
        </Form>
      </section>
    </div>
  );
}
