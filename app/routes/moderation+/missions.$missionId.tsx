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
import { setMissionVisibility } from "#app/domain/moderation/listings.server";
import {
  missionVisibilitySchema,
  safetyNotices,
  safetyNoticeSchema,
} from "#app/domain/moderation/safety.schema";
import { ReasonForm } from "#app/components/moderation-reason-form";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError, notFound } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";
import { handle, statusOf, toResponse } from "#app/lib/http.server";

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
  const intent = formData.get("intent");
  if (intent === "hide" || intent === "restore") return changeVisibility(staff, missionId, formData);
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

/** Hide or restore the mission (any status): out of search and public pages, with a reason. */
async function changeVisibility(staff: { id: string; role: string }, missionId: string, formData: FormData) {
  const parsed = missionVisibilitySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ visibilityError: parsed.error.issues[0]!.message }, { status: 400 });
  try {
    await setMissionVisibility({ actor: staff, missionId, ...parsed.data });
    return redirect(`/moderation/missions/${missionId}?fait=${parsed.data.intent}`);
  } catch (error) {
    if (error instanceof DomainError && error.code === "CONFLICT")
      return data({ visibilityError: error.message }, { status: statusOf(error) });
    return toResponse(error);
  }
}

function VisibilitySection({ hiddenAt, error }: { hiddenAt: Date | string | null; error?: string }) {
  const [params] = useSearchParams();
  const done = safetyNoticeSchema.parse(params.get("fait") ?? undefined);
  return (
    <section className="stack" aria-labelledby="visibility-heading">
      <h2 id="visibility-heading">Visibilité</h2>
      {done ? (
        <p className="notice" role="status">
          {safetyNotices[done]}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {hiddenAt ? (
        <>
          <p>
            <span className="badge warn">Masquée le {formatDate(hiddenAt)}</span> : hors de la recherche, sa
            page n’est visible que de l’entreprise et de l’équipe.
          </p>
          <ReasonForm
            intent="restore"
            title="Rétablir la mission"
            label="Motif du rétablissement"
            submitLabel="Rétablir la mission"
          />
        </>
      ) : (
        <ReasonForm
          intent="hide"
          title="Masquer la mission"
          label="Motif du masquage"
          submitLabel="Masquer la mission"
          danger
        />
      )}
    </section>
  );
}

export default function MissionReview() {
  const { mission, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const visibilityError =
    actionData && "visibilityError" in actionData ? actionData.visibilityError : undefined;
  const lastResult = actionData && !("visibilityError" in actionData) ? actionData : undefined;
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
      <VisibilitySection hiddenAt={mission.hiddenAt} error={visibilityError} />
      <ModerationMissionBusiness mission={mission} />
      <ModerationMissionDetails mission={mission} />
      <ModerationStatusHistory history={history} labelOf={missionStatusLabel} ownerLabel="entreprise" />
    </div>
  );
}
