import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getOptionalUser, requireUser, startSession } from "#app/auth/session.server";
import { InvitationPanel } from "#app/components/organization-invitation";
import {
  acceptInvitationSchema,
  joinAgencySchema,
  type InvitationView,
} from "#app/domain/agencies/agencies.schema";
import { acceptAsNewSecretary, joinAgency, viewInvitation } from "#app/domain/agencies/invitations.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [
  { title: "Invitation — Permanence" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const token = params.token ?? "";
  const viewer = user ? { id: user.id, email: user.email } : null;
  const view = await handle(() => viewInvitation({ token, viewer }));
  return data({ view, token }, { status: view.state === "INVALID" ? 404 : 200 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const user = await getOptionalUser(request);
  const formData = await handle(() => readForm(request));
  if (formData.get("intent") === "join") {
    const member = user ?? (await requireUser(request));
    const submission = parseWithZod(formData, { schema: joinAgencySchema });
    const result = await handle(() => joinAgency({ actorId: member.id, token }));
    if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: 400 });
    // Back to the link, which now says she is in the team.
    return redirect(`/invitation/${token}`);
  }
  const submission = parseWithZod(formData, { schema: acceptInvitationSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  if (user) {
    const formErrors = [
      "Une session est déjà ouverte sur ce navigateur : déconnectez-vous pour créer un nouveau compte.",
    ];
    return data(submission.reply({ formErrors, hideFields: ["password"] }), { status: 400 });
  }
  const result = await handle(() => acceptAsNewSecretary({ token, input: submission.value }));
  if (!result.ok)
    return data(submission.reply({ formErrors: [result.message], hideFields: ["password"] }), {
      status: 400,
    });
  return redirect("/compte/profil?bienvenue=1", {
    headers: { "Set-Cookie": await startSession(result.userId) },
  });
}

function heading(view: InvitationView): string {
  if (view.state === "INVALID") return "Invitation";
  if (view.state === "JOINED") return `Bienvenue dans l’équipe de ${view.agencyName}`;
  return `Rejoindre ${view.agencyName}`;
}

export default function InvitationPage() {
  const { view, token } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>{heading(view)}</h1>
      {"agencyName" in view && view.state !== "JOINED" ? (
        <p className="lead">
          Le cabinet de télésecrétariat {view.agencyName} vous invite à rejoindre son équipe sur Permanence.
        </p>
      ) : null}
      <InvitationPanel view={view} token={token} lastResult={lastResult} />
    </div>
  );
}
