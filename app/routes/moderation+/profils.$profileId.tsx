import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { FormErrors } from "#app/components/forms";
import { ModerationDecisionForms } from "#app/components/moderation-decision-forms";
import {
  ModerationAccountCard,
  ModerationProfileDetails,
  statusLabel,
} from "#app/components/moderation-profile-details";
import { ModerationStatusHistory } from "#app/components/moderation-status-history";
import {
  decisionNotices,
  decisionNoticeSchema,
  decisionSchema,
  profileIdParamSchema,
} from "#app/domain/moderation/moderation.schema";
import { decideOnProfile, getProfileReview } from "#app/domain/moderation/moderation.server";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError, notFound } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";
import { handle, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.profile.user.displayName ?? "Profil"} — Modération — Permanence` },
];

function profileIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = profileIdParamSchema.safeParse(params);
  if (!parsed.success) return toResponse(notFound("Ce profil"));
  return parsed.data.profileId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const profileId = profileIdFrom(params);
  return handle(() => getProfileReview({ actor: staff, profileId }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const profileId = profileIdFrom(params);
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: decisionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const result = await decideOnProfile({
      actor: staff,
      profileId,
      decision: submission.value,
      appUrl: getEnv().appUrl,
    });
    const query = new URLSearchParams({
      decision: result.intent,
      ...(result.mailed ? {} : { mail: "echec" }),
    });
    // Approving or rejecting empties a queue slot: go on with the next profile.
    const back =
      result.intent === "approve" || result.intent === "reject"
        ? "/moderation"
        : `/moderation/profils/${profileId}`;
    return redirect(`${back}?${query}`);
  } catch (error) {
    // Someone else decided first: say so on the page, which reloads with the current status.
    if (error instanceof DomainError && (error.code === "CONFLICT" || error.code === "INVALID_TRANSITION")) {
      return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
    }
    return toResponse(error);
  }
}

export default function ProfileReview() {
  const { profile, history } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const decision = decisionNoticeSchema.parse(params.get("decision") ?? undefined);
  const conflict = lastResult?.error?.[""];
  return (
    <div className="stack">
      <p>
        <Link to="/moderation">← Retour à la file d’attente</Link>
      </p>
      <h1>{profile.user.displayName}</h1>
      <p>
        Statut : <span className="badge">{statusLabel(profile.status)}</span>
        {profile.submittedAt ? ` · envoyé en validation le ${formatDate(profile.submittedAt)}` : null}
        {profile.publishedAt ? ` · publié le ${formatDate(profile.publishedAt)}` : null}
      </p>
      <p>
        <Link to={`/moderation/utilisateurs/${profile.userId}`}>
          Compte de la secrétaire (suspendre ou réactiver)
        </Link>
      </p>
      {decision ? (
        <p className="notice" role="status">
          {decisionNotices[decision]}
          {params.get("mail") === "echec"
            ? " (L’e-mail n’a pas pu être envoyé : prévenez-la autrement.)"
            : null}
        </p>
      ) : null}
      <section className="stack" aria-labelledby="decision-heading">
        <h2 id="decision-heading">Décision</h2>
        <FormErrors errors={conflict} />
        <ModerationDecisionForms status={profile.status} lastResult={lastResult} />
      </section>
      <ModerationAccountCard profile={profile} />
      <ModerationProfileDetails profile={profile} />
      <ModerationStatusHistory history={history} />
    </div>
  );
}
