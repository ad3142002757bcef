import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { requireUser } from "#app/auth/session.server";
import { ErrorList, Field } from "#app/components/forms";
import { safeRedirect } from "#app/domain/accounts/accounts.schema";
import { pledgeParagraphs, pledgeTitle } from "#app/domain/confidentiality/pledge-text";
import { pledgeFormSchema, type PledgeFormInput } from "#app/domain/confidentiality/pledge.schema";
import { getPledgePage, signPledge } from "#app/domain/confidentiality/pledges.server";
import { readForm } from "#app/lib/csrf.server";
import { formatDateTime } from "#app/lib/dates";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: `${pledgeTitle} — Permanence` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => getPledgePage({ actorId: user.id }));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: pledgeFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { fullName, redirectTo } = submission.value;
  await handle(() => signPledge({ actorId: user.id, fullName }));
  return redirect(safeRedirect(redirectTo, "/compte/engagement-confidentialite?engagement=signe"));
}

function SignForm() {
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<PledgeFormInput>({ id: "engagement", lastResult });
  return (
    <Form method="post" className="stack card" {...getFormProps(form)}>
      <AuthenticityTokenInput />
      <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
      <div className="field">
        <label>
          <input {...getInputProps(fields.read, { type: "checkbox", value: "on" })} key={fields.read.key} />{" "}
          J’ai lu cet engagement et je m’y conforme.
        </label>
        <ErrorList id={fields.read.errorId} errors={fields.read.errors} />
      </div>
      <Field label="Signature : tapez vos prénom et nom" meta={fields.fullName} autoComplete="name" />
      <p>
        <button type="submit">Signer l’engagement</button>
      </p>
    </Form>
  );
}

export default function PledgePage() {
  const page = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="stack">
      <h1>{pledgeTitle}</h1>
      {params.get("engagement") === "signe" ? (
        <p className="notice" role="status">
          Merci, votre engagement est signé.
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="texte">
        <h2 id="texte">Texte de l’engagement (version {page.version})</h2>
        {pledgeParagraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
      {page.signed ? (
        <p className="notice" role="status">
          Signé par {page.signed.fullName} le {formatDateTime(page.signed.acceptedAt)}.{" "}
          <Link to="/missions">Voir les missions</Link>
        </p>
      ) : (
        <SignForm />
      )}
    </div>
  );
}
