// The invoicing identity form on /compte/paiements: the name, SIRET, VAT status and address the
// platform's invoices are issued under. A plain post: it works without JavaScript.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { ErrorList, Field, FormErrors } from "#app/components/forms";
import {
  invoicingIdentitySchema,
  VAT_EXEMPT_MENTION,
  type InvoicingIdentityDto,
  type InvoicingIdentityInput,
  type PayeeKind,
} from "#app/domain/payees/payees.schema";

type IdentityFields = ReturnType<typeof useForm<InvoicingIdentityInput>>[1];

/** What the platform reports each year on its sellers (DAC7). */
function Dac7Fields({ payeeKind, fields }: { payeeKind: PayeeKind; fields: IdentityFields }) {
  return (
    <fieldset className="stack">
      <legend>Déclaration annuelle des revenus (DAC7)</legend>
      <p className="hint">
        La loi oblige Permanence à déclarer chaque année à l’administration fiscale les sommes versées à ses
        prestataires. Ces informations sont nécessaires avant votre premier versement.
      </p>
      <Field
        label={
          payeeKind === "SECRETARY"
            ? "Numéro fiscal (13 chiffres)"
            : "Numéro fiscal de l’entreprise (13 chiffres)"
        }
        meta={fields.taxIdentificationNumber}
        hint="Il figure en haut de votre avis d’impôt sur le revenu, par exemple 0123 456 789 123."
        extra={{ inputMode: "numeric" }}
      />
      {payeeKind === "SECRETARY" ? (
        <Field label="Date de naissance" meta={fields.birthDate} type="date" autoComplete="bday" />
      ) : null}
      <Field
        label="Pays du compte bancaire de versement"
        meta={fields.payoutAccountCountry}
        hint="Code pays en deux lettres : FR pour un IBAN commençant par FR."
        autoComplete="country"
      />
    </fieldset>
  );
}

export function PayoutIdentityForm({
  payeeKind,
  values,
  lastResult,
}: {
  payeeKind: PayeeKind;
  values: InvoicingIdentityDto | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm<InvoicingIdentityInput>({
    id: "identite-facturation",
    lastResult,
    constraint: getZodConstraint(invoicingIdentitySchema),
    defaultValue: {
      legalName: values?.legalName ?? "",
      siret: values?.siret ?? "",
      vatStatus: values && !values.vatExempt ? "REGISTERED" : "EXEMPT",
      vatNumber: values?.vatNumber ?? "",
      addressLine: values?.addressLine ?? "",
      postcode: values?.postcode ?? "",
      commune: values?.commune ?? "",
      taxIdentificationNumber: values?.taxIdentificationNumber ?? "",
      birthDate: values?.birthDate ?? "",
      // Payouts go to SEPA accounts, nearly always French: prefilled, to correct if not.
      payoutAccountCountry: values?.payoutAccountCountry ?? "FR",
    },
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invoicingIdentitySchema }),
  });
  const vatStatus = fields.vatStatus;
  return (
    <Form method="post" className="form card stack" {...getFormProps(form)} aria-labelledby="identite-titre">
      <h2 id="identite-titre">Identité de facturation</h2>
      <p className="hint">
        Permanence émet les factures de vos prestations en votre nom, sous mandat de facturation : elles
        porteront exactement ces informations.
      </p>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="identity" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={payeeKind === "SECRETARY" ? "Nom de l’entreprise individuelle" : "Raison sociale"}
        meta={fields.legalName}
        hint={
          payeeKind === "SECRETARY"
            ? "Vos prénom et nom suivis de « EI » (ajouté s’il manque), par exemple « Claire Morel EI »."
            : "Telle qu’inscrite au registre."
        }
      />
      <Field
        label="Numéro SIRET"
        meta={fields.siret}
        hint="14 chiffres, espaces acceptés."
        extra={{ inputMode: "numeric" }}
      />
      <fieldset aria-describedby={vatStatus.errors?.length ? vatStatus.errorId : undefined}>
        <legend>TVA</legend>
        <div className="checks">
          <label>
            <input
              type="radio"
              name={vatStatus.name}
              value="EXEMPT"
              defaultChecked={vatStatus.initialValue === "EXEMPT"}
            />{" "}
            Franchise en base : « {VAT_EXEMPT_MENTION} »
          </label>
          <label>
            <input
              type="radio"
              name={vatStatus.name}
              value="REGISTERED"
              defaultChecked={vatStatus.initialValue === "REGISTERED"}
            />{" "}
            Assujettie à la TVA
          </label>
        </div>
        <ErrorList id={vatStatus.errorId} errors={vatStatus.errors} />
      </fieldset>
      <Field
        label="Numéro de TVA intracommunautaire (si assujettie)"
        meta={fields.vatNumber}
        hint="Par exemple FR44 732829320 : il reprend le SIREN de votre SIRET."
      />
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
      <Dac7Fields payeeKind={payeeKind} fields={fields} />
      <p>
        <button type="submit">Enregistrer l’identité de facturation</button>
      </p>
    </Form>
  );
}
