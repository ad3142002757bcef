import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { z } from "zod";
import { ErrorList, Field, FormErrors } from "#app/components/forms";
import { acceptInvitationSchema, type InvitationView } from "#app/domain/agencies/agencies.schema";

type Props = { view: InvitationView; token: string; lastResult?: SubmissionResult<string[]> };

/** What the invited person can do, one state per screen (see viewInvitation). */
export function InvitationPanel({ view, token, lastResult }: Props) {
  const here = `/invitation/${token}`;
  switch (view.state) {
    case "INVALID":
      return (
        <p className="notice warning" role="alert">
          {view.message}
        </p>
      );
    case "NEW_ACCOUNT":
      return <NewAccountForm email={view.email} lastResult={lastResult} />;
    case "SIGN_IN":
      return (
        <div className="stack">
          <p>
            Un compte de secrétaire existe déjà avec l’adresse <strong>{view.email}</strong>. Connectez-vous
            pour rejoindre l’agence.
          </p>
          <p>
            <Link className="button" to={`/connexion?${new URLSearchParams({ redirectTo: here })}`}>
              Se connecter
            </Link>
          </p>
        </div>
      );
    case "JOIN":
      return <JoinForm lastResult={lastResult} />;
    case "JOINED":
      return (
        <div className="stack">
          <p className="notice" role="status">
            Vous faites partie de l’équipe de {view.agencyName}.
          </p>
          <p className="row">
            <Link to="/compte/profil">Compléter mon profil</Link>
            <Link to={`/agences/${view.agencySlug}`}>Voir la page de l’agence</Link>
          </p>
        </div>
      );
    case "OTHER_AGENCY":
      return (
        <p className="notice warning" role="alert">
          {view.message}
        </p>
      );
    case "WRONG_ACCOUNT":
      return <WrongAccount />;
    case "NOT_SECRETARY":
      return (
        <p className="notice warning" role="alert">
          L’adresse invitée appartient à un compte qui n’est pas un compte de secrétaire : elle ne peut pas
          rejoindre une agence. Demandez à l’agence d’inviter une autre adresse.
        </p>
      );
  }
}

function NewAccountForm({ email, lastResult }: { email: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm<z.input<typeof acceptInvitationSchema>>({
    lastResult,
    constraint: getZodConstraint(acceptInvitationSchema),
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInvitationSchema }),
  });
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="create" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <p>
        Votre compte de secrétaire sera créé avec l’adresse <strong>{email}</strong>, à laquelle l’invitation
        a été envoyée.
      </p>
      <Field label="Votre nom et prénom" meta={fields.displayName} autoComplete="name" />
      <Field
        label="Mot de passe"
        meta={fields.password}
        type="password"
        autoComplete="new-password"
        hint="Au moins 10 caractères."
      />
      <div className="field">
        <label>
          <input {...getInputProps(fields.acceptTerms, { type: "checkbox", value: "on" })} /> J’accepte les
          conditions d’utilisation de Permanence.
        </label>
        <ErrorList id={fields.acceptTerms.errorId} errors={fields.acceptTerms.errors} />
      </div>
      <button type="submit">Créer mon compte et rejoindre l’agence</button>
    </Form>
  );
}

function JoinForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const errors = lastResult?.error?.[""] ?? null;
  return (
    <Form method="post" className="form card">
      <AuthenticityTokenInput />
      <FormErrors errors={errors} />
      <p>
        Votre profil de secrétaire sera rattaché à l’agence. Vous gardez votre compte si vous quittez
        l’équipe.
      </p>
      <button type="submit" name="intent" value="join">
        Rejoindre l’agence
      </button>
    </Form>
  );
}

function WrongAccount() {
  return (
    <div className="stack">
      <p className="notice warning" role="alert">
        Cette invitation a été envoyée à une autre adresse e-mail que celle de votre compte. Déconnectez-vous,
        puis ouvrez à nouveau le lien reçu par e-mail.
      </p>
      <Form method="post" action="/deconnexion">
        <AuthenticityTokenInput />
        <button type="submit" className="secondary">
          Se déconnecter
        </button>
      </Form>
    </div>
  );
}
