// The mission posting form (/missions/nouvelle and /missions/:id/modifier): one page, one section
// per question, every section visible so it works without JavaScript. The server ignores the
// sections of the billing mode and schedule type not chosen.
import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { useHydrated } from "remix-utils/use-hydrated";
import { CheckboxGroup, ErrorList, Field, FormErrors, TextareaField } from "#app/components/forms";
import { asList } from "#app/components/profile-form-sections";
import {
  expectedHoursPerLabels,
  scheduleTypeLabels,
  visibilityLabels,
  workModeLabels,
} from "#app/domain/missions/mission-columns";
import {
  missionFormSchema,
  weekdayOptions,
  type MissionFormInput,
  type MissionInput,
} from "#app/domain/missions/missions.schema";
import { parisToday } from "#app/domain/missions/schedule";
import { billingModeLabels, languages, sectors, skills, taskTypes } from "#app/domain/profiles/taxonomy";

type Fields = ReturnType<typeof useForm<MissionFormInput, MissionInput>>[1];
const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const decimal = { inputMode: "decimal" } as const;

function RadioGroup({
  legend,
  meta,
  choices,
}: {
  legend: string;
  meta: FieldMetadata<any>;
  choices: { value: string; label: string }[];
}) {
  return (
    <fieldset aria-describedby={meta.errors?.length ? meta.errorId : undefined}>
      <legend>{legend}</legend>
      <div className="checks">
        {choices.map((c) => (
          <label key={c.value}>
            <input
              type="radio"
              name={meta.name}
              value={c.value}
              defaultChecked={meta.initialValue === c.value}
            />{" "}
            {c.label}
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

function AboutSection({ fields }: { fields: Fields }) {
  return (
    <fieldset className="stack">
      <legend>La mission</legend>
      <Field
        label="Titre"
        meta={fields.title}
        hint="120 caractères au plus : « Accueil téléphonique du cabinet le matin »."
      />
      <TextareaField
        label="Description"
        meta={fields.description}
        rows={8}
        hint="Entre 20 et 5000 caractères."
      />
      <CheckboxGroup
        legend="Compétences attendues (au moins une)"
        meta={fields.skills}
        options={skills}
        selected={asList(fields.skills.initialValue)}
      />
      <div className="field">
        <label htmlFor={fields.sector.id}>Secteur</label>
        <select
          id={fields.sector.id}
          name={fields.sector.name}
          defaultValue={String(fields.sector.initialValue ?? "")}
        >
          <option value="">Non précisé</option>
          {sectors.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <ErrorList id={fields.sector.errorId} errors={fields.sector.errors} />
      </div>
      <CheckboxGroup
        legend="Langues (au moins une)"
        meta={fields.languages}
        options={languages}
        selected={asList(fields.languages.initialValue)}
      />
    </fieldset>
  );
}

/**
 * With JavaScript only the chosen billing mode's and schedule type's fields show; without it every
 * section stays visible (the server ignores the ones that do not apply), so the form always works.
 */
function useShown(fields: Fields) {
  const hydrated = useHydrated();
  return (field: "billingMode" | "scheduleType", value: string) =>
    !hydrated || (fields[field].value ?? fields[field].initialValue) === value;
}

function BillingSection({ fields }: { fields: Fields }) {
  const lines = fields.taskLines.getFieldset();
  const shown = useShown(fields);
  return (
    <fieldset className="stack">
      <legend>Budget</legend>
      <RadioGroup
        legend="Mode de facturation"
        meta={fields.billingMode}
        choices={options(billingModeLabels)}
      />
      <fieldset
        hidden={!shown("billingMode", "PER_TASK")}
        aria-describedby={fields.taskLines.errors?.length ? fields.taskLines.errorId : undefined}
      >
        <legend>À la tâche : prix unitaire (€ HT) et volume mensuel attendu</legend>
        <p className="hint muted">Remplissez au moins une ligne ; entre 0,10 € et 500 € par unité.</p>
        <ErrorList id={fields.taskLines.errorId} errors={fields.taskLines.errors} />
        {taskTypes.map((task) => {
          const line = lines[task.value]!.getFieldset();
          return (
            <div key={task.value} className="row">
              <Field label={`${task.label} — prix unitaire`} meta={line.unitPrice} extra={decimal} />
              <Field label={`${task.label} — volume par mois`} meta={line.monthlyVolume} type="number" />
            </div>
          );
        })}
      </fieldset>
      <fieldset className="stack" hidden={!shown("billingMode", "HOURLY")}>
        <legend>À l’heure</legend>
        <div className="row">
          <Field
            label="Tarif horaire maximum (€ HT)"
            meta={fields.maxHourlyRate}
            hint="Entre 12 € et 150 €."
            extra={decimal}
          />
          <Field label="Heures prévues" meta={fields.expectedHours} type="number" hint="Entre 1 et 200." />
        </div>
        <RadioGroup
          legend="Ces heures sont prévues"
          meta={fields.expectedHoursPer}
          choices={options(expectedHoursPerLabels)}
        />
      </fieldset>
      <fieldset className="stack" hidden={!shown("billingMode", "FIXED")}>
        <legend>Au forfait</legend>
        <Field
          label="Montant du forfait (€ HT)"
          meta={fields.fixedAmount}
          hint="Entre 20 € et 50 000 €."
          extra={decimal}
        />
        <TextareaField label="Livrables attendus" meta={fields.deliverables} rows={4} />
      </fieldset>
    </fieldset>
  );
}

function ScheduleSection({ fields }: { fields: Fields }) {
  const [w1, w2] = [fields.window1.getFieldset(), fields.window2.getFieldset()];
  const shown = useShown(fields);
  return (
    <fieldset className="stack">
      <legend>Calendrier</legend>
      <RadioGroup legend="Type de mission" meta={fields.scheduleType} choices={options(scheduleTypeLabels)} />
      <div className="row">
        <Field label="Date de début" meta={fields.startDate} type="date" />
        <Field
          label="Date de fin"
          meta={fields.endDate}
          type="date"
          hint="Facultative pour une mission récurrente."
        />
      </div>
      <fieldset className="stack" hidden={!shown("scheduleType", "RECURRING")}>
        <legend>Mission récurrente : le rythme</legend>
        <CheckboxGroup
          legend="Jours de la semaine"
          meta={fields.weekdays}
          options={weekdayOptions}
          selected={asList(fields.weekdays.initialValue)}
        />
        <div className="row">
          <Field label="Premier créneau — début" meta={w1.start} type="time" />
          <Field label="Premier créneau — fin" meta={w1.end} type="time" />
          <Field label="Second créneau (facultatif) — début" meta={w2.start} type="time" />
          <Field label="Second créneau — fin" meta={w2.end} type="time" />
        </div>
        <Field
          label="Ou durée en semaines"
          meta={fields.weeks}
          type="number"
          hint="Au lieu d’une date de fin ; laissez les deux vides pour une mission sans fin prévue."
        />
      </fieldset>
      <fieldset className="stack" hidden={!shown("scheduleType", "REPLACEMENT")}>
        <legend>Remplacement : la fiche de consignes</legend>
        <p className="hint muted">Visible seulement par votre entreprise, puis par la secrétaire retenue.</p>
        <TextareaField label="Consignes de passation" meta={fields.handoverNotes} rows={4} />
        <TextareaField label="Script d’appel" meta={fields.callScript} rows={4} />
        <TextareaField label="Appels urgents : à qui les transmettre" meta={fields.urgentRouting} rows={3} />
        <TextareaField label="Outils à utiliser" meta={fields.toolsToUse} rows={3} />
      </fieldset>
    </fieldset>
  );
}

function ConditionsSection({ fields }: { fields: Fields }) {
  return (
    <fieldset className="stack">
      <legend>Lieu et conditions</legend>
      <RadioGroup
        legend="Où se déroule la mission ?"
        meta={fields.workMode}
        choices={options(workModeLabels)}
      />
      <div className="row">
        <Field
          label="Code postal du lieu de travail"
          meta={fields.postcode}
          autoComplete="postal-code"
          hint="Sur place ou hybride seulement. Seule la commune sera affichée."
          extra={{ inputMode: "numeric", pattern: undefined }}
        />
        <Field
          label="Commune"
          meta={fields.commune}
          autoComplete="address-level2"
          hint="Facultative si le code postal n’a qu’une commune."
        />
      </div>
      <div className="field">
        <label>
          <input {...getInputProps(fields.medicalSecrecy, { type: "checkbox" })} /> Mission soumise au secret
          médical
        </label>
        <p className="hint muted">
          La secrétaire devra signer un engagement de confidentialité avant d’accéder aux détails.
        </p>
      </div>
      <RadioGroup
        legend="Qui peut voir la mission ?"
        meta={fields.visibility}
        choices={options(visibilityLabels)}
      />
      <Field
        label="Date limite des propositions"
        meta={fields.proposalDeadline}
        type="date"
        hint="Facultative."
      />
    </fieldset>
  );
}

export function MissionForm({
  lastResult,
  defaultValue,
  canSubmit,
}: {
  lastResult: any;
  defaultValue?: Record<string, unknown>;
  canSubmit: boolean;
}) {
  const schema = useMemo(() => missionFormSchema(parisToday()), []);
  const [form, fields] = useForm<MissionFormInput, MissionInput>({
    lastResult,
    defaultValue: defaultValue ?? {
      billingMode: "HOURLY",
      scheduleType: "ONE_OFF",
      workMode: "REMOTE",
      visibility: "PUBLIC",
      languages: ["fr"],
    },
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="form card stack" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <FormErrors id={form.errorId} errors={form.errors} />
      <AboutSection fields={fields} />
      <BillingSection fields={fields} />
      <ScheduleSection fields={fields} />
      <ConditionsSection fields={fields} />
      <div className="row">
        <button type="submit" name="intent" value="save">
          Enregistrer le brouillon
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit" className="secondary">
            Enregistrer et envoyer pour validation
          </button>
        ) : null}
      </div>
    </Form>
  );
}
