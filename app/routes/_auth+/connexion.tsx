import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { z } from "zod";
import { getOptionalUser, startSession } from "#app/auth/session.server";
import { destinationAfterLogin } from "#app/auth/totp.server";
import { Field, FormErrors } from "#app/components/forms";
import { loginSchema, safeRedirect } from "#app/domain/accounts/accounts.schema";
import { authenticate } from "#app/domain/accounts/accounts.server";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Connexion — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/tableau-de-bord");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  let result;
  try {
    result = await authenticate({ email, password, ip: context.clientIp });
  } catch (error) {
    if (error instanceof DomainError && error.code === "RATE_LIMITED") {
      return data(submission.reply({ formErrors: [error.message], hideFields: ["password"] }), { status: 429 });
    }
    throw error;
  }
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.message], hideFields: ["password"] }), { status: 400 });
  }
  const next = await destinationAfterLogin(result.userId, safeRedirect(redirectTo, "/tableau-de-bord"));
  return redirect(next, {
    headers: { "Set-Cookie": await startSession(result.userId) },
  });
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof loginSchema>>({
    lastResult,
    constraint: getZodConstraint(loginSchema),
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <div className="stack">
      <h1>Se connecter</h1>
      {params.get("motdepasse") === "change" ? (
        <p className="notice" role="status">
          Votre mot de passe a été changé. Connectez-vous avec le nouveau.
        </p>
      ) : null}
      <Form method="post" className="form card" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Adresse e-mail" meta={fields.email} type="email" autoComplete="email" />
        <Field label="Mot de passe" meta={fields.password} type="password" autoComplete="current-password" />
        <button type="submit">Se connecter</button>
      </Form>
      <p>
        <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link> · <Link to="/inscription">Créer un compte</Link>
      </p>
    </div>
  );
}
