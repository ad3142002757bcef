import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { z } from "zod";
import { Field, FormErrors } from "#app/components/forms";
import { resetPasswordSchema } from "#app/domain/accounts/accounts.schema";
import { checkResetToken, resetPassword } from "#app/domain/accounts/accounts.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Nouveau mot de passe — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const valid = token.length >= 20 && token.length <= 200 && (await checkResetToken(token));
  return { token: valid ? token : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: resetPasswordSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password", "confirmPassword"] }), { status: 400 });
  }
  const result = await resetPassword(submission.value.token, submission.value.password);
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.message], hideFields: ["password", "confirmPassword"] }), {
      status: 400,
    });
  }
  return redirect("/connexion?motdepasse=change");
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof resetPasswordSchema>>({
    lastResult,
    constraint: getZodConstraint(resetPasswordSchema),
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
  });
  if (!token) {
    return (
      <div className="stack">
        <h1>Lien expiré</h1>
        <p className="form-error" role="alert">
          Ce lien de réinitialisation n’est pas valide, a expiré ou a déjà servi.
        </p>
        <p>
          <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <h1>Choisir un nouveau mot de passe</h1>
      <Form method="post" className="form card" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <input type="hidden" name="token" value={token} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Nouveau mot de passe" meta={fields.password} type="password" autoComplete="new-password" hint="Au moins 10 caractères." />
        <Field label="Confirmez le mot de passe" meta={fields.confirmPassword} type="password" autoComplete="new-password" />
        <button type="submit">Enregistrer</button>
      </Form>
    </div>
  );
}
