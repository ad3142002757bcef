// Fieldsets of the secretary profile form (/compte/profil): pricing, where she works, when.
import { getInputProps, type useForm } from "@conform-to/react";
import { CheckboxGroup, ErrorList, Field, TextareaField } from "#app/components/forms";
import type { ProfileFormInput, ProfileInput } from "#app/domain/profiles/profiles.schema";
import {
  billingModes,
  languages,
  sectors,
  skills,
  softwareList,
  taskTypes,
  weekdayLabels,
} from "#app/domain/profiles/taxonomy";

export type ProfileFormFields = ReturnType<typeof useForm<ProfileFormInput, ProfileInput>>[1];

/** Conform's initial value of a checkbox group: absent, one string, or a list. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
}

const decimal = { inputMode: "decimal" } as const;

export function AboutFieldset({ fields }: { fields: ProfileFormFields }) {
  return (
    <fieldset className="stack">
      <legend>Présentation</legend>
      <Field
        label="Titre"
        meta={fields.headline}
        hint="En une ligne, 120 caractères au plus : « Secrétaire médicale, 10 ans d’expérience »."
      />
      <TextareaField
        label="Présentation"
        meta={fields.bio}
        rows={8}
        hint="Au moins 80 caractères pour l’envoi en validation, 3000 au plus."
      />
      <Field label="Années d’expérience" meta={fields.yearsExperience} type="number" />
    </fieldset>
  );
}

export function ExpertiseFieldsets({ fields }: { fields: ProfileFormFields }) {
  const groups = [
    { legend: "Compétences (au moins une)", meta: fields.skills, options: skills },
    { legend: "Secteurs", meta: fields.sectors, options: sectors },
    { legend: "Logiciels maîtrisés", meta: fields.software, options: softwareList },
    { legend: "Langues (au moins une)", meta: fields.languages, options: languages },
  ];
  return groups.map((group) => (
    <CheckboxGroup key={group.meta.name} {...group} selected={asList(group.meta.initialValue)} />
  ));
}

export function PricingFieldset({ fields }: { fields: ProfileFormFields }) {
  const prices = fields.taskPrices.getFieldset();
  return (
    <fieldset className="stack">
      <legend>Tarifs</legend>
      <CheckboxGroup
        legend="Modes de facturation acceptés"
        meta={fields.billingModes}
        options={billingModes}
        selected={asList(fields.billingModes.initialValue)}
      />
      <Field
        label="Tarif horaire (€ HT)"
        meta={fields.hourlyRate}
        hint="Entre 12 € et 150 €, par exemple 32 ou 32,50. Obligatoire si vous facturez à l’heure."
        extra={decimal}
      />
      <fieldset aria-describedby={fields.taskPrices.errors?.length ? fields.taskPrices.errorId : undefined}>
        <legend>Prix à la tâche (€ HT, facultatifs)</legend>
        <p className="hint muted">
          Entre 0,10 € et 500 € par unité. Au moins un si vous facturez à la tâche.
        </p>
        <ErrorList id={fields.taskPrices.errorId} errors={fields.taskPrices.errors} />
        <div className="row">
          {taskTypes.map((task) => (
            <Field key={task.value} label={task.label} meta={prices[task.value]} extra={decimal} />
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}

export function WorkplaceFieldset({ fields }: { fields: ProfileFormFields }) {
  return (
    <fieldset
      className="stack"
      aria-describedby={fields.remote.errors?.length ? fields.remote.errorId : undefined}
    >
      <legend>Où intervenez-vous ?</legend>
      <div className="checks">
        <label>
          <input {...getInputProps(fields.remote, { type: "checkbox" })} /> À distance
        </label>
        <label>
          <input {...getInputProps(fields.onSite, { type: "checkbox" })} /> Sur place, chez le client
        </label>
      </div>
      <ErrorList id={fields.remote.errorId} errors={fields.remote.errors} />
      <p className="hint muted">
        Sur place : indiquez votre commune de base et la distance que vous acceptez de parcourir.
      </p>
      <div className="row">
        <Field
          label="Code postal de base"
          meta={fields.basePostcode}
          autoComplete="postal-code"
          extra={{ inputMode: "numeric", pattern: undefined }}
        />
        <Field
          label="Commune de base"
          meta={fields.baseCommune}
          autoComplete="address-level2"
          hint="Facultative si le code postal n’a qu’une commune."
        />
        <Field
          label="Rayon de déplacement (km)"
          meta={fields.radiusKm}
          type="number"
          hint="Entre 1 et 200 km."
        />
      </div>
    </fieldset>
  );
}

export function AvailabilityFieldset({ fields }: { fields: ProfileFormFields }) {
  const days = fields.availability.getFieldset();
  return (
    <fieldset className="stack">
      <legend>Disponibilités</legend>
      <p className="hint muted">Laissez vides les jours où vous ne travaillez pas.</p>
      {weekdayLabels.map((day) => {
        const window = days[day].getFieldset();
        return (
          <div key={day} className="row">
            <Field label={`${capitalize(day)} — début`} meta={window.start} type="time" />
            <Field label={`${capitalize(day)} — fin`} meta={window.end} type="time" />
          </div>
        );
      })}
      <Field
        label="Disponible à partir du"
        meta={fields.availableFrom}
        type="date"
        hint="Facultatif : laissez vide si vous êtes disponible dès maintenant."
      />
    </fieldset>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
