// /compte/donnees — "Mes données": download everything (zip) and delete the account for good.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { endSession, requireUser } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { eraseAccount } from "#app/domain/privacy/account-erasure.server";
import { EXPORT_LIMIT } from "#app/domain/privacy/data-export.server";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, statusOf, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Mes données — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  try {
    await eraseAccount({ actorId: user.id, input: Object.fromEntries(formData) });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === "NOT_FOUND") return toResponse(error);
    return data({ message: error.message }, { status: statusOf(error) });
  }
  return redirect("/?compte=supprime", { headers: { "Set-Cookie": await endSession(request) } });
}

export default function MyDataPage() {
  const result = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Mes données personnelles</h1>
      <section className="card stack" aria-labelledby="export-title">
        <h2 id="export-title">Télécharger mes données</h2>
        <p>
          Vous recevez une archive ZIP avec toutes les informations que Permanence conserve sur vous : compte,
          profil, organisations, missions, propositions, contrats, saisies de travail, conversations (telles
          que vous les voyez) avec leurs pièces jointes, notifications, signalements, avis rédigés, références
          des factures et dates de vos connexions. Rien ne concerne les autres utilisateurs au-delà de ce que
          vous voyez déjà sur le site.
        </p>
        <p className="hint">Limité à {EXPORT_LIMIT.points} téléchargements par heure.</p>
        <p>
          <a href="/compte/donnees.zip" download>
            Télécharger mes données (ZIP)
          </a>
        </p>
      </section>
      <section className="card stack" aria-labelledby="erase-title">
        <h2 id="erase-title">Supprimer mon compte</h2>
        <p>
          La suppression est définitive : votre profil disparaît des recherches, vos messages sont remplacés
          par « Message supprimé », vos pièces jointes, notifications et préférences sont effacées et votre
          compte est anonymisé. Elle est impossible tant qu’un contrat est en cours, qu’un paiement ou un
          versement est en attente, ou que vous êtes la seule propriétaire d’une organisation qui a d’autres
          membres.
        </p>
        <p>
          La loi nous oblige à garder les factures, les mandats de facturation, l’identité de facturation et
          les montants déclarables (DAC7) pendant 10 ans, dans une archive à accès restreint, puis à les
          effacer.
        </p>
        <Form method="post" className="stack">
          <AuthenticityTokenInput />
          <label className="stack">
            <span>Mot de passe</span>
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              aria-describedby={result ? "erase-error" : undefined}
            />
          </label>
          <label className="row">
            <input type="checkbox" name="confirm" value="on" required />
            <span>Je comprends que mon compte sera supprimé définitivement.</span>
          </label>
          {result ? (
            <p id="erase-error" className="form-error" role="alert">
              {result.message}
            </p>
          ) : null}
          <button type="submit" className="danger">
            Supprimer mon compte
          </button>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
