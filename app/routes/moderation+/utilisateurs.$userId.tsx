import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { ReasonForm } from "#app/components/moderation-reason-form";
import { getAccountForStaff } from "#app/domain/moderation/accounts-for-staff.server";
import {
  safetyNotices,
  safetyNoticeSchema,
  suspensionSchema,
  userIdParamSchema,
} from "#app/domain/moderation/safety.schema";
import { reinstateUser, suspendUser } from "#app/domain/moderation/suspensions.server";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError, notFound } from "#app/lib/domain-error";
import { handle, statusOf, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.displayName ?? "Compte"} — Modération — Permanence` },
];

function userIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = userIdParamSchema.safeParse(params);
  if (!parsed.success) return toResponse(notFound("Ce compte"));
  return parsed.data.userId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const userId = userIdFrom(params);
  return handle(() => getAccountForStaff({ actor: staff, userId }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const userId = userIdFrom(params);
  const formData = await handle(() => readForm(request));
  const parsed = suspensionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message }, { status: 400 });
  const { intent, reason } = parsed.data;
  try {
    await (intent === "suspend" ? suspendUser : reinstateUser)({ actor: staff, userId, reason });
    return redirect(`/moderation/utilisateurs/${userId}?fait=${intent}`);
  } catch (error) {
    if (error instanceof DomainError && (error.code === "CONFLICT" || error.code === "VALIDATION"))
      return data({ error: error.message }, { status: statusOf(error) });
    return toResponse(error);
  }
}

const kindLabels: Record<string, string> = {
  BUSINESS: "Entreprise",
  SECRETARY: "Secrétaire",
  AGENCY_OWNER: "Agence",
  STAFF: "Équipe Permanence",
};

export default function StaffAccountPage() {
  const account = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = safetyNoticeSchema.parse(params.get("fait") ?? undefined);
  return (
    <div className="stack">
      <p>
        <Link to="/moderation/signalements">← Retour aux signalements</Link>
      </p>
      <h1>{account.displayName}</h1>
      {done ? (
        <p className="notice" role="status">
          {safetyNotices[done]}
        </p>
      ) : null}
      <dl>
        <dt>E-mail</dt>
        <dd>{account.email}</dd>
        <dt>Type de compte</dt>
        <dd>{kindLabels[account.kind] ?? account.kind}</dd>
        <dt>Statut</dt>
        <dd>
          {account.suspendedAt ? (
            <>
              <span className="badge warn">Suspendu le {formatDate(account.suspendedAt)}</span>
              {account.suspensionReason ? <> — {account.suspensionReason}</> : null}
            </>
          ) : (
            "Actif"
          )}
        </dd>
        {account.profile ? (
          <>
            <dt>Profil</dt>
            <dd>
              <Link to={`/moderation/profils/${account.profile.id}`}>
                Voir le profil ({account.profile.status})
              </Link>
            </dd>
          </>
        ) : null}
        <dt>En cours</dt>
        <dd>
          {account.liveProposals} proposition(s) en attente · {account.openContracts} contrat(s) en cours ·{" "}
          {account.openReports} signalement(s) en attente
        </dd>
      </dl>
      <section className="stack" aria-labelledby="decision-heading">
        <h2 id="decision-heading">Décision</h2>
        {failure?.error ? (
          <p className="form-error" role="alert">
            {failure.error}
          </p>
        ) : null}
        {!account.canAct ? (
          <p className="muted">Seul un administrateur peut suspendre ou réactiver ce compte.</p>
        ) : account.suspendedAt ? (
          <ReasonForm
            intent="reinstate"
            title="Réactiver le compte"
            label="Motif de la réactivation"
            submitLabel="Réactiver le compte"
          >
            <p className="muted">
              Le compte, son profil, ses missions et ses contrats sont rétablis. Les propositions retirées
              lors de la suspension restent retirées.
            </p>
          </ReasonForm>
        ) : (
          <ReasonForm
            intent="suspend"
            title="Suspendre le compte"
            label="Motif de la suspension"
            submitLabel="Suspendre le compte"
            danger
          >
            <p className="muted">
              Ses sessions sont fermées et elle ne peut plus se connecter ; son profil quitte la recherche,
              ses propositions en cours sont retirées, ses contrats sont signalés à l’autre partie et les
              missions de son entreprise sont masquées.
            </p>
          </ReasonForm>
        )}
      </section>
    </div>
  );
}
