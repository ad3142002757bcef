import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { MissionForm } from "#app/components/mission-form";
import { toMissionFormDefaults } from "#app/domain/missions/mission-form-defaults";
import { missionFormSchema } from "#app/domain/missions/missions.schema";
import { getMissionEditor, updateDraftMission } from "#app/domain/missions/missions.server";
import { parisToday } from "#app/domain/missions/schedule";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Modifier la mission — Permanence" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const editor = await handle(() =>
    getMissionEditor({ actorId: user.id, missionId: params.missionId ?? "" }),
  );
  const { organizationId: _org, ...mission } = editor.mission;
  return { mission, postcode: editor.postcode, emailVerified: editor.emailVerified };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const missionId = params.missionId ?? "";
  await handle(() => getMissionEditor({ actorId: user.id, missionId })); // 404 / 403 / 409 first
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: missionFormSchema(parisToday()) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await handle(() =>
    updateDraftMission({ actorId: user.id, missionId, input: submission.value }),
  );
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), {
      status: 400,
    });
  }
  return redirect(`/missions/${missionId}?${result.submitted ? "envoyee" : "enregistree"}=1`);
}

export default function EditMission() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Modifier la mission</h1>
      <p>
        <Link to={`/missions/${page.mission.id}`}>Retour à la mission</Link>
      </p>
      {page.emailVerified ? null : (
        <p className="notice warning" role="status">
          Confirmez votre adresse e-mail pour pouvoir envoyer la mission en validation.
        </p>
      )}
      <MissionForm
        lastResult={lastResult}
        defaultValue={toMissionFormDefaults(page.mission, page.postcode)}
        canSubmit
      />
    </div>
  );
}
