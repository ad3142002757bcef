import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { requireUser } from "#app/auth/session.server";
import { FormErrors } from "#app/components/forms";
import { OrganizationFormFields } from "#app/components/organization-form";
import {
  organizationKindLabels,
  organizationSchema,
  type OrganizationFormValues,
} from "#app/domain/organizations/organizations.schema";
import { getOwnOrganization, updateOwnOrganization } from "#app/domain/organizations/organizations.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Mon organisation — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organization = await handle(() => getOwnOrganization({ id: user.id, kind: user.kind }));
  return { organization };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actor = { id: user.id, kind: user.kind };
  // Refuse non-owners before looking at what they posted.
  await handle(() => getOwnOrganization(actor));
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: organizationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await handle(() => updateOwnOrganization({ actor, input: submission.value }));
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
  }
  return redirect("/compte/organisation?enregistre=1");
}

export default function OrganizationPage() {
  const { organization } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<OrganizationFormValues>({
    lastResult,
    constraint: getZodConstraint(organizationSchema),
    defaultValue: {
      name: organization.name,
      legalName: organization.legalName ?? "",
      siret: organization.siret ?? "",
      vatNumber: organization.vatNumber ?? "",
      sector: organization.sector ?? "",
      addressLine: organization.addressLine ?? "",
      postcode: organization.postcode ?? "",
      commune: organization.commune ?? "",
    },
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationSchema }),
  });

  return (
    <div className="stack">
      <h1>Mon organisation</h1>
      <p className="lead">
        {organizationKindLabels[organization.kind]} · {organization.name}
      </p>
      {params.get("bienvenue") === "1" ? (
        <p className="notice" role="status">
          Bienvenue sur Permanence ! Complétez les informations de votre organisation : elles figurent sur vos
          contrats et vos factures.
        </p>
      ) : null}
      {params.get("enregistre") === "1" && organization.commune ? (
        <p className="notice" role="status">
          Vos informations sont enregistrées. Commune retenue : {organization.commune} (
          {organization.postcode}, code INSEE {organization.inseeCode}).
        </p>
      ) : null}
      {organization.kind === "AGENCY" ? (
        <p className="row">
          <Link to="/agence/equipe">Gérer mon équipe</Link>
          <Link to={`/agences/${organization.slug}`}>Voir la page publique de l’agence</Link>
        </p>
      ) : null}
      <Form method="post" className="form card" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <OrganizationFormFields fields={fields} />
        <button type="submit">Enregistrer</button>
      </Form>
    </div>
  );
}
