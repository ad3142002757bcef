import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { z } from "zod";
import { Field, FormErrors } from "#app/components/forms";
import { forgotPasswordSchema } from "#app/domain/accounts/accounts.schema";
import { requestPasswordReset } from "#app/domain/accounts/accounts.server";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Permanence" }];

export async function action({ request }: ActionFunctionArgs) {
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: forgotPasswordSchema });
  if (submission.status !== "success") return data({ sent: false, reply: submission.reply() }, { status: 400 });
  try {
    await requestPasswordReset(submission.value.email, getEnv().appUrl);
  } catch (error) {
    if (error instanceof DomainError && error.code === "RATE_LIMITED") {
      return data({ sent: false, reply: submission.reply({ formErrors: [error.message] }) }, { status: 429 });
    }
    throw error;
  }
  return { sent: true, reply: submission.reply({ resetForm: true }) };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof forgotPasswordSchema>>({
    lastResult: result?.reply,
    constraint: getZodConstraint(forgotPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  });
  return (
    <div className="stack">
      <h1>Mot de passe oublié</h1>
      {result?.sent ? (
        <p className="notice" role="status">
          Si un compte existe avec cette adresse, un lien de réinitialisation vient d’y être envoyé. Il est valable
          une heure.
        </p>
      ) : null}
      <Form method="post" className="form card" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Adresse e-mail du compte" meta={fields.email} type="email" autoComplete="email" />
        <button type="submit">Recevoir un lien</button>
      </Form>
    </div>
  );
}
