import type { FieldMetadata } from "@conform-to/react";
import { getSelectProps } from "@conform-to/react";
import { ErrorList, Field } from "#app/components/forms";
import { sectors } from "#app/domain/profiles/taxonomy";

type OrganizationFields = {
  name: FieldMetadata<string>;
  legalName: FieldMetadata<string>;
  siret: FieldMetadata<string>;
  vatNumber: FieldMetadata<string | undefined>;
  sector: FieldMetadata<string>;
  addressLine: FieldMetadata<string>;
  postcode: FieldMetadata<string>;
  commune: FieldMetadata<string>;
};

function SectorSelect({ meta }: { meta: FieldMetadata<string> }) {
  const props = getSelectProps(meta);
  return (
    <div className="field">
      <label htmlFor={meta.id}>Secteur d’activité</label>
      <select {...props} key={props.key}>
        <option value="">Choisissez…</option>
        {sectors.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** The fields of /compte/organisation, grouped as a person reads a letterhead. */
export function OrganizationFormFields({ fields }: { fields: OrganizationFields }) {
  return (
    <>
      <fieldset>
        <legend>Identité</legend>
        <Field
          label="Nom affiché"
          meta={fields.name}
          autoComplete="organization"
          hint="Le nom que voient les secrétaires et les clients."
        />
        <Field
          label="Raison sociale"
          meta={fields.legalName}
          hint="Telle qu’inscrite au registre, pour les contrats et factures."
        />
        <Field
          label="Numéro SIRET"
          meta={fields.siret}
          hint="14 chiffres, espaces acceptés."
          extra={{ inputMode: "numeric" }}
        />
        <Field
          label="Numéro de TVA intracommunautaire (facultatif)"
          meta={fields.vatNumber}
          hint="Par exemple FR44 732829320 : il doit reprendre le SIREN de votre SIRET."
        />
        <SectorSelect meta={fields.sector} />
      </fieldset>
      <fieldset>
        <legend>Adresse</legend>
        <Field label="Adresse (numéro et voie)" meta={fields.addressLine} autoComplete="address-line1" />
        <div className="grid">
          <Field
            label="Code postal"
            meta={fields.postcode}
            autoComplete="postal-code"
            extra={{ inputMode: "numeric" }}
          />
          <Field label="Commune" meta={fields.commune} autoComplete="address-level2" />
        </div>
      </fieldset>
    </>
  );
}
