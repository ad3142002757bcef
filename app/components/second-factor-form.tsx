import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { totpCodeSchema, type TotpCodeInput } from "#app/auth/second-factor.schema";
import { Field, FormErrors } from "./forms";

/** One field, the 6-digit code; works without JavaScript. */
export function SecondFactorForm({
  lastResult,
  redirectTo,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  redirectTo: string;
  submitLabel: string;
}) {
  const [form, fields] = useForm<TotpCodeInput>({
    lastResult,
    constraint: getZodConstraint(totpCodeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: totpCodeSchema }),
  });
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label="Code à 6 chiffres"
        meta={fields.code}
        autoComplete="one-time-code"
        hint="Le code affiché par votre application d’authentification (il change toutes les 30 secondes)."
        extra={{ inputMode: "numeric", pattern: "[0-9 ]*", maxLength: 7, spellCheck: false }}
      />
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
