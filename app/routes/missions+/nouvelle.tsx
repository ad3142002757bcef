import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { MissionForm } from "#app/components/mission-form";
import { missionFormSchema } from "#app/domain/missions/missions.schema";
import { getPostingForm, postMission } from "#app/domain/missions/missions.server";
import { parisToday } from "#app/domain/missions/schedule";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Publier une mission — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => getPostingForm({ actorId: user.id }));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await handle(() => getPostingForm({ actorId: user.id })); // 403 before reading anything else
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: missionFormSchema(parisToday()) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await handle(() => postMission({ actorId: user.id, input: submission.value }));
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), {
      status: 400,
    });
  }
  return redirect(`/missions/${result.missionId}?${result.submitted ? "envoyee" : "enregistree"}=1`);
}

export default function NewMission() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Publier une mission</h1>
      <p className="lead">
        Pour {page.organizationName}. Enregistrez un brouillon, ou envoyez la mission pour validation : un
        modérateur la relit avant qu’elle soit visible des secrétaires.
      </p>
      {page.emailVerified ? null : (
        <p className="notice warning" role="status">
          Confirmez votre adresse e-mail pour pouvoir envoyer la mission en validation. Vous pouvez déjà
          enregistrer un brouillon.
        </p>
      )}
      <MissionForm lastResult={lastResult} canSubmit />
    </div>
  );
}
