import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { ErrorList, Field, FormErrors } from "#app/components/forms";
import { replacementFormSchema } from "#app/domain/contracts/contracts.schema";

type Replaceable = { id: string; name: string; roleLabel: string };

/** Name a replacement: who is away, the replacing secretary's public profile, first and last day. */
export function ContractReplacementForm({
  replaceable,
  lastResult,
  today,
}: {
  replaceable: Replaceable[];
  lastResult?: SubmissionResult<string[]> | null;
  today: string;
}) {
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(replacementFormSchema),
    defaultValue: { replacesAssigneeId: replaceable[0]?.id ?? "" },
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: replacementFormSchema }),
  });
  const select = getSelectProps(fields.replacesAssigneeId);
  return (
    <Form method="post" className="form card stack" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="add" />
      <fieldset className="stack">
        <legend>Prévoir un remplacement</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.replacesAssigneeId.id}>Personne absente</label>
          <select {...select} key={select.key}>
            {replaceable.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.roleLabel.toLowerCase()})
              </option>
            ))}
          </select>
          <ErrorList id={fields.replacesAssigneeId.errorId} errors={fields.replacesAssigneeId.errors} />
        </div>
        <Field
          label="Profil de la remplaçante"
          meta={fields.secretary}
          hint="L’adresse de son profil public sur Permanence, par exemple https://permanence.fr/secretaires/claire-morel, ou seulement « claire-morel ». Son profil doit être publié."
        />
        <Field label="Premier jour remplacé" meta={fields.startsOn} type="date" extra={{ min: today }} />
        <Field label="Dernier jour remplacé" meta={fields.endsOn} type="date" extra={{ min: today }} />
        <p className="muted">
          Pendant cette période, seule la remplaçante saisit le travail de la personne absente. Au plus 366
          jours, sans chevauchement avec un autre remplacement de la même personne.
        </p>
        <p>
          <button type="submit">Enregistrer le remplacement</button>
        </p>
      </fieldset>
    </Form>
  );
}
