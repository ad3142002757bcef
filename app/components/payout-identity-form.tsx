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
      <p>
        <button type="submit">Enregistrer l’identité de facturation</button>
      </p>
    </Form>
  );
}
