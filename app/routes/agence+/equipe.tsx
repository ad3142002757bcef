import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { z } from "zod";
import { requireUser } from "#app/auth/session.server";
import { Field, FormErrors } from "#app/components/forms";
import { PendingInvitationsTable, TeamMembersTable } from "#app/components/organization-team";
import {
  INVITATION_LIFETIME_DAYS,
  inviteSchema,
  removeMemberSchema,
  revokeInvitationSchema,
} from "#app/domain/agencies/agencies.schema";
import {
  getTeam,
  inviteSecretary,
  removeTeamMember,
  requireOwnedAgency,
  revokeInvitation,
} from "#app/domain/agencies/team.server";
import { readForm } from "#app/lib/csrf.server";
import { getEnv } from "#app/lib/env.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Mon équipe — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => getTeam(user.id));
}

const BAD_REQUEST = "La demande est incomplète. Rechargez la page et recommencez.";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Refuse non-owners before looking at what they posted.
  await handle(() => requireOwnedAgency(user.id));
  const formData = await handle(() => readForm(request));
  const intent = formData.get("intent");
  if (intent === "revoke" || intent === "remove") {
    const parsed = (intent === "revoke" ? revokeInvitationSchema : removeMemberSchema).safeParse(
      Object.fromEntries(formData),
    );
    if (!parsed.success) throw data({ message: BAD_REQUEST }, { status: 400 });
    if (parsed.data.intent === "revoke") {
      const { invitationId } = parsed.data;
      await handle(() => revokeInvitation({ actorId: user.id, invitationId }));
      return redirect("/agence/equipe?invitation=annulee");
    }
    const { memberId } = parsed.data;
    await handle(() => removeTeamMember({ actorId: user.id, memberId }));
    return redirect("/agence/equipe?membre=retire");
  }
  const submission = parseWithZod(formData, { schema: inviteSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const actor = { id: user.id, displayName: user.displayName, emailVerified: user.emailVerified };
  const result = await handle(() =>
    inviteSecretary({ actor, input: submission.value, appUrl: getEnv().appUrl }),
  );
  if (!result.ok && result.field === null)
    return data(submission.reply({ formErrors: [result.message] }), { status: 400 });
  if (!result.ok)
    return data(submission.reply({ fieldErrors: { email: [result.message] } }), { status: 400 });
  return redirect(`/agence/equipe?invitation=${result.resent ? "renvoyee" : "envoyee"}`);
}

const notices: Record<string, string> = {
  "invitation=envoyee": "L’invitation a été envoyée.",
  "invitation=renvoyee":
    "Une invitation était déjà en attente pour cette adresse : elle a été renvoyée avec un nouveau lien.",
  "invitation=annulee": "L’invitation a été annulée : son lien ne fonctionne plus.",
  "membre=retire":
    "La secrétaire a été retirée de l’équipe. Elle garde son compte et son profil, désormais indépendant.",
};

function Notice() {
  const [params] = useSearchParams();
  const key = [...params].map(([k, v]) => `${k}=${v}`).find((entry) => entry in notices);
  return key ? (
    <p className="notice" role="status">
      {notices[key]}
    </p>
  ) : null;
}

export default function TeamPage() {
  const { agency, members, invitations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof inviteSchema>>({
    lastResult,
    constraint: getZodConstraint(inviteSchema),
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });

  return (
    <div className="stack">
      <h1>Mon équipe</h1>
      <p className="lead">
        {agency.name} · <Link to={`/agences/${agency.slug}`}>Voir la page publique de l’agence</Link>
      </p>
      {params.get("bienvenue") === "1" ? (
        <p className="notice" role="status">
          Bienvenue sur Permanence ! Invitez vos secrétaires, puis complétez{" "}
          <Link to="/compte/organisation">les informations de votre agence</Link>.
        </p>
      ) : null}
      <Notice />
      <section className="stack" aria-labelledby="members-title">
        <h2 id="members-title">Secrétaires ({members.length})</h2>
        <TeamMembersTable members={members} />
      </section>
      <section className="stack" aria-labelledby="invitations-title">
        <h2 id="invitations-title">Invitations en attente</h2>
        <PendingInvitationsTable invitations={invitations} />
      </section>
      <section className="stack" aria-labelledby="invite-title">
        <h2 id="invite-title">Inviter une secrétaire</h2>
        <Form method="post" className="form card" {...getFormProps(form)}>
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="invite" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label="Adresse e-mail de la secrétaire"
            meta={fields.email}
            type="email"
            hint={`Elle recevra un lien valable ${INVITATION_LIFETIME_DAYS} jours pour rejoindre votre équipe.`}
          />
          <button type="submit">Envoyer l’invitation</button>
        </Form>
      </section>
    </div>
  );
}
