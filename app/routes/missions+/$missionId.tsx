import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { getOptionalUser, requireUser } from "#app/auth/session.server";
import { AskQuestionSection } from "#app/components/chat-ask-question";
import { ReportListingForm } from "#app/components/report-listing-form";
import { MissionDetails } from "#app/components/mission-details";
import { ProposalCallToAction } from "#app/components/proposal-cta";
import { missionStatusLabels, type MissionStatus } from "#app/domain/missions/mission-machine";
import { getMissionPage } from "#app/domain/missions/mission-page.server";
import { changeMissionStatus } from "#app/domain/missions/missions.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.mission.title} — Permanence` : "Mission — Permanence" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const page = await handle(() => getMissionPage({ user, missionId: params.missionId ?? "" }));
  // A fresh id per render keeps a re-posted question from being sent twice.
  return { ...page, questionClientId: crypto.randomUUID() };
}

const intentSchema = z.object({ intent: z.enum(["submit", "close", "cancel"]) });
const events = { submit: "SUBMIT", close: "CLOSE", cancel: "CANCEL" } as const;
const done = { submit: "envoyee", close: "fermee", cancel: "annulee" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const parsed = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) return data({ message: "Action inconnue." }, { status: 400 });
  const missionId = params.missionId ?? "";
  await handle(() => changeMissionStatus({ actorId: user.id, missionId, event: events[parsed.data.intent] }));
  return redirect(`/missions/${missionId}?${done[parsed.data.intent]}=1`);
}

const notices = {
  enregistree: "Le brouillon est enregistré.",
  envoyee:
    "La mission est envoyée pour validation. Elle sera visible des secrétaires dès qu’un modérateur l’aura approuvée.",
  fermee: "La mission est fermée : elle ne reçoit plus de propositions.",
  annulee: "La mission est annulée.",
} as const;

function PageNotices() {
  const [params] = useSearchParams();
  return (Object.keys(notices) as (keyof typeof notices)[])
    .filter((key) => params.get(key) === "1")
    .map((key) => (
      <p key={key} className="notice" role="status">
        {notices[key]}
      </p>
    ));
}

function OwnerActions({ id, status }: { id: string; status: string }) {
  const button = (intent: keyof typeof events, label: string, className = "") => (
    <Form method="post">
      <AuthenticityTokenInput />
      <button type="submit" name="intent" value={intent} className={className}>
        {label}
      </button>
    </Form>
  );
  return (
    <section className="card stack" aria-labelledby="actions">
      <h2 id="actions">Gérer la mission</h2>
      <div className="row">
        {status === "DRAFT" ? (
          <Link className="button secondary" to={`/missions/${id}/modifier`}>
            Modifier le brouillon
          </Link>
        ) : null}
        {status === "DRAFT" ? button("submit", "Envoyer pour validation") : null}
        {status === "OPEN" ? button("close", "Fermer aux propositions", "secondary") : null}
        {["DRAFT", "PENDING_REVIEW", "OPEN"].includes(status)
          ? button("cancel", "Annuler la mission", "danger")
          : null}
      </div>
    </section>
  );
}

export default function MissionPage() {
  const page = useLoaderData<typeof loader>();
  const { mission } = page;
  const status = mission.status as MissionStatus;
  return (
    <article className="stack">
      <header className="stack">
        <h1>{mission.title}</h1>
        <p className="lead">
          {mission.organizationName}{" "}
          <span className={status === "OPEN" ? "badge ok" : "badge warn"}>
            {missionStatusLabels[status] ?? status}
          </span>
        </p>
      </header>
      <PageNotices />
      {page.isOwner ? <OwnerActions id={mission.id} status={mission.status} /> : null}
      <ProposalCallToAction missionId={mission.id} panel={page.proposals} />
      {page.proposals?.kind === "bidder" && !page.proposals.liveProposalId && mission.status === "OPEN" ? (
        <AskQuestionSection missionId={mission.id} clientId={page.questionClientId} />
      ) : null}
      <MissionDetails {...page} />
      <p>
        <a href={`/missions/${mission.id}.ics`} download>
          Télécharger le calendrier (.ics)
        </a>
      </p>
      {page.isOwner ? null : <ReportListingForm targetType="MISSION" targetId={mission.id} />}
    </article>
  );
}
