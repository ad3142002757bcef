import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { ContractAcceptanceSection } from "#app/components/contract-acceptance";
import { ContractActionsSection, type ActionError } from "#app/components/contract-actions";
import { ContractAssigneesList } from "#app/components/contract-assignees";
import { ContractHistory } from "#app/components/contract-history";
import { ContractTermsSection } from "#app/components/contract-terms";
import { ContractVigilanceSection } from "#app/components/contract-vigilance";
import { getContractVigilanceStatus } from "#app/domain/compliance/vigilance.server";
import { acceptContractTerms } from "#app/domain/contracts/contract-acceptance.server";
import { getContractPage } from "#app/domain/contracts/contract-page.server";
import { changeContractStatus } from "#app/domain/contracts/contracts.server";
import { acceptFormSchema, eventOfIntent, statusFormSchema } from "#app/domain/contracts/contracts.schema";
import {
  contractModerationBanner,
  type ContractModerationBanner,
} from "#app/domain/moderation/disputes-queue.server";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Contrat — ${data.terms.missionTitle} — Permanence` : "Contrat — Permanence" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await handle(() => getContractPage({ actorId: user.id, contractId: params.contractId ?? "" }));
  const [moderation, vigilance] = await Promise.all([
    contractModerationBanner(page.contract.id),
    getContractVigilanceStatus({ actorId: user.id, contractId: page.contract.id }),
  ]);
  return { ...page, moderation, vigilance };
}

const REASON_REQUIRED = "Indiquez un motif pour cette action.";
const done = {
  accept: "acceptee",
  pause: "pause",
  resume: "reprise",
  complete: "termine",
  cancel: "annule",
  dispute: "litige",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const contractId = params.contractId ?? "";
  const fields = Object.fromEntries(formData);
  if (fields.intent === "accept") {
    const parsed = acceptFormSchema.safeParse(fields);
    if (!parsed.success) return data({ intent: "accept", message: "Formulaire invalide." }, { status: 400 });
    const result = await handle(() =>
      acceptContractTerms({ actorId: user.id, contractId, mandateAccepted: parsed.data.mandate }),
    );
    if (!result.ok) return data({ intent: "accept", message: result.formError }, { status: 400 });
    return redirect(`/contrats/${contractId}?${result.activated ? "active" : done.accept}=1`);
  }
  const parsed = statusFormSchema.safeParse(fields);
  if (!parsed.success)
    return data({ intent: String(fields.intent ?? ""), message: "Action inconnue." }, { status: 400 });
  const { intent, reason } = parsed.data;
  if ((intent === "pause" || intent === "dispute") && !reason) {
    return data({ intent, message: REASON_REQUIRED }, { status: 400 });
  }
  await handle(() =>
    changeContractStatus({ actorId: user.id, contractId, event: eventOfIntent[intent], reason }),
  );
  return redirect(`/contrats/${contractId}?${done[intent]}=1`);
}

const notices: Record<string, string> = {
  acceptee: "Vous avez accepté le contrat. Il démarrera dès que l’autre partie l’aura accepté à son tour.",
  active: "Les deux parties ont accepté : le contrat est en cours.",
  pause: "Le contrat est en pause.",
  reprise: "Le contrat a repris.",
  termine: "Le contrat est terminé.",
  annule: "Le contrat est annulé.",
  litige: "Le litige est ouvert : l’équipe Permanence va examiner la situation.",
  remplacement: "Le remplacement est enregistré.",
  "remplacement-annule": "Le remplacement est annulé.",
};

function PageNotices() {
  const [params] = useSearchParams();
  return Object.keys(notices)
    .filter((key) => params.get(key) === "1")
    .map((key) => (
      <p key={key} className="notice" role="status">
        {notices[key]}
      </p>
    ));
}

function ModerationBanner({ moderation }: { moderation: ContractModerationBanner }) {
  return (
    <>
      {moderation.disputed ? (
        <p className="notice warning" role="status">
          Un litige est en cours d’examen par l’équipe Permanence.
        </p>
      ) : null}
      {moderation.flagged ? (
        <p className="notice warning" role="status">
          Ce contrat a été signalé par l’équipe Permanence le {formatDate(moderation.flagged.at)}
          {moderation.flagged.reason ? ` : ${moderation.flagged.reason}` : "."}
        </p>
      ) : null}
    </>
  );
}

export default function ContractPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const { contract } = page;
  return (
    <article className="stack">
      <header className="stack">
        <h1>Contrat : {page.terms.missionTitle}</h1>
        <p className="lead">
          {page.terms.businessName} et {page.terms.provider.displayName}
          {page.terms.agencyName ? ` (${page.terms.agencyName})` : ""}{" "}
          <span className={contract.status === "ACTIVE" ? "badge ok" : "badge warn"}>
            {contract.statusLabel}
          </span>
        </p>
        <p className="muted">
          Du {formatDate(`${contract.startDate}T12:00:00Z`)}
          {contract.endDate
            ? ` au ${formatDate(`${contract.endDate}T12:00:00Z`)}`
            : ", sans date de fin"} — <Link to={`/missions/${contract.missionId}`}>voir la mission</Link>
        </p>
      </header>
      <PageNotices />
      <ModerationBanner moderation={page.moderation} />
      <ContractAcceptanceSection
        acceptance={page.acceptance}
        status={contract.status}
        formError={actionData?.intent === "accept" ? actionData.message : undefined}
      />
      <ContractTermsSection terms={page.terms} milestones={page.milestones} />
      <ContractVigilanceSection vigilance={page.vigilance} />
      <nav className="card row" aria-label="Travail, relevés et messages">
        <Link to={`/messages/contrat/${contract.id}`}>Messages</Link>
        <Link to={`/contrats/${contract.id}/travail`}>Travail réalisé</Link>
        <Link to={`/contrats/${contract.id}/releves`}>Relevés mensuels</Link>
        {contract.status === "COMPLETED" ? <Link to={`/contrats/${contract.id}/avis`}>Avis</Link> : null}
      </nav>
      <section className="card stack" aria-labelledby="intervenantes">
        <h2 id="intervenantes">Intervenantes et remplacements</h2>
        <ContractAssigneesList assignees={page.assignees} />
        <p>
          <Link to={`/contrats/${contract.id}/remplacements`}>
            {page.canManageReplacements ? "Prévoir ou annuler un remplacement" : "Voir les remplacements"}
          </Link>
        </p>
      </section>
      <ContractActionsSection
        intents={page.actions}
        error={actionData?.intent === "accept" ? undefined : actionData}
      />
      <ContractHistory history={page.history} />
    </article>
  );
}
