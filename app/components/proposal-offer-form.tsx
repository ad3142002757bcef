// The direct offer form (/secretaires/:slug/offre): a short one-off remote mission and its price.
// Every section is visible so it works without JavaScript; the server keeps the chosen mode's price.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { CheckboxGroup, ErrorList, Field, FormErrors, TextareaField } from "#app/components/forms";
import type { OfferFormInput } from "#app/domain/proposals/offers.schema";
import { billingModeLabels, skills, taskTypes } from "#app/domain/profiles/taxonomy";

type Fields = ReturnType<typeof useForm<OfferFormInput>>[1];

function Prices({ fields }: { fields: Fields }) {
  const lines = fields.taskLines.getFieldset();
  return (
    <fieldset className="stack">
      <legend>Prix proposé (€ HT)</legend>
      <fieldset>
        <legend>Mode de facturation</legend>
        <div className="checks">
          {Object.entries(billingModeLabels).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={fields.billingMode.name}
                value={value}
                defaultChecked={fields.billingMode.initialValue === value}
              />{" "}
              {label}
            </label>
          ))}
        </div>
        <ErrorList errors={fields.billingMode.errors} />
      </fieldset>
      <Field label="À l’heure : tarif horaire" meta={fields.hourlyRate} extra={{ inputMode: "decimal" }} />
      <Field label="Au forfait : montant" meta={fields.fixedAmount} extra={{ inputMode: "decimal" }} />
      <fieldset className="stack">
        <legend>À la tâche : prix unitaire et volume mensuel (au moins une ligne)</legend>
        <ErrorList errors={fields.taskLines.errors} />
        {taskTypes.map((task) => {
          const line = lines[task.value]!.getFieldset();
          return (
            <div key={task.value} className="row">
              <Field
                label={`${task.label} : prix unitaire`}
                meta={line.unitPrice}
                extra={{ inputMode: "decimal" }}
              />
              <Field label={`${task.label} : volume par mois`} meta={line.monthlyVolume} type="number" />
            </div>
          );
        })}
      </fieldset>
    </fieldset>
  );
}

export function OfferForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const [form, fields] = useForm<OfferFormInput>({
    id: "offre",
    lastResult,
    defaultValue: { billingMode: "HOURLY" },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label="Titre de la mission" meta={fields.title} />
      <TextareaField label="Description" meta={fields.description} hint="Entre 20 et 5000 caractères." />
      <CheckboxGroup legend="Compétences attendues" meta={fields.skills} options={skills} selected={[]} />
      <Prices fields={fields} />
      <div className="row">
        <Field label="Date de début" meta={fields.startDate} type="date" />
        <Field label="Date de fin" meta={fields.endDate} type="date" />
      </div>
      <div className="field">
        <label>
          <input
            type="checkbox"
            name={fields.medicalSecrecy.name}
            defaultChecked={fields.medicalSecrecy.initialValue === "on"}
          />{" "}
          Mission soumise au secret médical (la secrétaire signe l’engagement de confidentialité)
        </label>
      </div>
      <TextareaField
        label="Votre message à la secrétaire"
        meta={fields.message}
        hint="Au moins 20 caractères."
      />
      <p className="hint">La mission est à distance, ponctuelle et visible seulement par cette secrétaire.</p>
      <p>
        <button type="submit">Envoyer l’offre</button>
      </p>
    </Form>
  );
}
