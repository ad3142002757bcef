import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { FormErrors } from "#app/components/forms";
import { MissionDecisionForms } from "#app/components/moderation-mission-decision-forms";
import {
  missionStatusLabel,
  ModerationMissionBusiness,
  ModerationMissionDetails,
} from "#app/components/moderation-mission-details";
import { ModerationStatusHistory } from "#app/components/moderation-status-history";
import {
  missionDecisionNotices,
  missionDecisionNoticeSchema,
  missionDecisionSchema,
  missionIdParamSchema,
} from "#app/domain/moderation/mission-review.schema";
import { decideOnMission, getMissionReview } from "#app/domain/moderation/mission-review.server";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError, notFound } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";
import { handle, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.mission.title ?? "Mission"} — Modération — Permanence` },
];

function missionIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = missionIdParamSchema.safeParse(params);
  if (!parsed.success) return toResponse(notFound("Cette mission"));
  return parsed.data.missionId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const missionId = missionIdFrom(params);
  return handle(() => getMissionReview({ actor: staff, missionId }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const missionId = missionIdFrom(params);
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: missionDecisionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const result = await decideOnMission({
      actor: staff,
      missionId,
      decision: submission.value,
      appUrl: getEnv().appUrl,
    });
    const query = new URLSearchParams({
      decision: result.intent,
      ...(result.mailed ? {} : { mail: "echec" }),
    });
    // Either decision empties a queue slot: go on with the next mission.
    return redirect(`/moderation/missions?${query}`);
  } catch (error) {
    // Someone else decided first: say so on the page, which reloads with the current status.
    if (error instanceof DomainError && (error.code === "CONFLICT" || error.code === "INVALID_TRANSITION")) {
      return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    }
    return toResponse(error);
  }
}

export default function MissionReview() {
  const { mission, history } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const decision = missionDecisionNoticeSchema.parse(params.get("decision") ?? undefined);
  return (
    <div className="stack">
      <p>
        <Link to="/moderation/missions">← Retour aux missions à valider</Link>
      </p>
      <h1>{mission.title}</h1>
      <p>
        Statut : <span className="badge">{missionStatusLabel(mission.status)}</span>
        {mission.submittedAt ? ` · envoyée en validation le ${formatDate(mission.submittedAt)}` : null}
        {mission.publishedAt ? ` · publiée le ${formatDate(mission.publishedAt)}` : null}
      </p>
      {decision ? (
        <p className="notice" role="status">
          {missionDecisionNotices[decision]}
        </p>
      ) : null}
      <section className="stack" aria-labelledby="decision-heading">
        <h2 id="decision-heading">Décision</h2>
        <FormErrors errors={lastResult?.error?.[""]} />
        <MissionDecisionForms status={mission.status} lastResult={lastResult} />
      </section>
      <ModerationMissionBusiness mission={mission} />
      <ModerationMissionDetails mission={mission} />
      <ModerationStatusHistory history={history} labelOf={missionStatusLabel} ownerLabel="entreprise" />
    </div>
  );
}
