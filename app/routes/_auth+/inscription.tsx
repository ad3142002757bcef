import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { getOptionalUser, startSession } from "#app/auth/session.server";
import { ErrorList, Field, FormErrors } from "#app/components/forms";
import { signupSchema, type SignupInput } from "#app/domain/accounts/accounts.schema";
import { signUp } from "#app/domain/accounts/accounts.server";
import { readForm } from "#app/lib/csrf.server";
import { getEnv } from "#app/lib/env.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Créer un compte — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/compte");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: signupSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await handle(() => signUp(submission.value, { appUrl: getEnv().appUrl, ip: context.clientIp }));
  if (!result.ok) {
    const reply = result.field
      ? submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: ["password"] })
      : submission.reply({ formErrors: [result.message], hideFields: ["password"] });
    return data(reply, { status: 400 });
  }
  const next = submission.value.kind === "SECRETARY" ? "/compte/profil" : submission.value.kind === "AGENCY" ? "/agence/equipe" : "/compte/organisation";
  return redirect(`${next}?bienvenue=1`, { headers: { "Set-Cookie": await startSession(result.userId) } });
}

const kindChoices = [
  { value: "BUSINESS", label: "Je cherche une secrétaire", hint: "Cabinet, entreprise, artisan, indépendant" },
  { value: "SECRETARY", label: "Je suis secrétaire indépendante", hint: "Proposez vos services et trouvez des missions" },
  { value: "AGENCY", label: "Je dirige un cabinet de télésecrétariat", hint: "Présentez votre équipe et répondez à plusieurs" },
] as const;

export default function Signup() {
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<SignupInput>({
    lastResult,
    constraint: getZodConstraint(signupSchema),
    defaultValue: { kind: params.get("type") ?? "BUSINESS" },
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });
  const [kind, setKind] = useState(String(fields.kind.initialValue ?? "BUSINESS"));

  return (
    <div className="stack">
      <h1>Créer un compte</h1>
      <Form method="post" className="form card" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset>
          <legend>Vous êtes…</legend>
          {kindChoices.map((c) => (
            <p key={c.value}>
              <label>
                <input
                  type="radio"
                  name={fields.kind.name}
                  value={c.value}
                  defaultChecked={kind === c.value}
                  onChange={() => setKind(c.value)}
                />{" "}
                <strong>{c.label}</strong> <span className="muted">— {c.hint}</span>
              </label>
            </p>
          ))}
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </fieldset>
        <Field label="Votre nom et prénom" meta={fields.displayName} autoComplete="name" />
        <Field
          label="Nom de votre structure"
          meta={fields.organizationName}
          autoComplete="organization"
          hint={kind === "SECRETARY" ? "Inutile pour une secrétaire indépendante." : "Cabinet, entreprise ou agence."}
        />
        <Field label="Adresse e-mail" meta={fields.email} type="email" autoComplete="email" />
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
        <button type="submit">Créer mon compte</button>
      </Form>
      <p>
        Déjà inscrit ? <Link to="/connexion">Se connecter</Link>
      </p>
    </div>
  );
}
