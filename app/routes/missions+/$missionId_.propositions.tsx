import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "#app/auth/session.server";
import { ProposalComparison } from "#app/components/proposal-comparison";
import { acceptProposal } from "#app/domain/contracts/contract-creation.server";
import { listProposalsForMission } from "#app/domain/proposals/proposal-comparison.server";
import {
  declineProposal,
  shortlistProposal,
  withdrawOffer,
} from "#app/domain/proposals/proposal-decisions.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Propositions : ${data.mission.title} — Permanence` : "Propositions — Permanence" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const shortlistedOnly = new URL(request.url).searchParams.get("filtre") === "preselectionnees";
  const page = await handle(() =>
    listProposalsForMission({ actorId: user.id, missionId: params.missionId ?? "", shortlistedOnly }),
  );
  return { ...page, shortlistedOnly };
}

const decisionSchema = z.object({
  intent: z.enum(["accept", "shortlist", "decline", "withdraw-offer"]),
  proposalId: z.string().min(1),
  message: z.string().optional(),
});
const done = {
  shortlist: "preselectionnee",
  decline: "declinee",
  "withdraw-offer": "offre-retiree",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const parsed = decisionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ message: "Action inconnue." }, { status: 400 });
  const { intent, proposalId, message } = parsed.data;
  const actorId = user.id;
  if (intent === "accept") {
    const { contractId } = await handle(() => acceptProposal({ actorId, proposalId }));
    return redirect(`/contrats/${contractId}`);
  }
  if (intent === "shortlist") await handle(() => shortlistProposal({ actorId, proposalId }));
  if (intent === "decline") await handle(() => declineProposal({ actorId, proposalId, message }));
  if (intent === "withdraw-offer") await handle(() => withdrawOffer({ actorId, proposalId }));
  return redirect(`/missions/${params.missionId}/propositions?${done[intent]}=1`);
}

const notices = {
  preselectionnee: "La proposition est présélectionnée.",
  declinee: "La proposition est déclinée ; la secrétaire en est informée.",
  "offre-retiree": "Votre offre est retirée.",
  "offre-envoyee": "Votre offre est envoyée : la secrétaire peut l’accepter ou la décliner.",
} as const;

export default function MissionProposals() {
  const page = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const base = `/missions/${page.mission.id}/propositions`;
  return (
    <div className="stack">
      <h1>Propositions reçues</h1>
      <p className="lead">
        Pour la mission <Link to={`/missions/${page.mission.id}`}>{page.mission.title}</Link>.
      </p>
      {(Object.keys(notices) as (keyof typeof notices)[])
        .filter((key) => params.get(key) === "1")
        .map((key) => (
          <p key={key} className="notice" role="status">
            {notices[key]}
          </p>
        ))}
      <nav aria-label="Filtrer les propositions" className="row">
        {page.shortlistedOnly ? (
          <Link to={base}>Toutes les propositions</Link>
        ) : (
          <strong>Toutes les propositions</strong>
        )}
        {page.shortlistedOnly ? (
          <strong>Présélectionnées</strong>
        ) : (
          <Link to={`${base}?filtre=preselectionnees`}>Présélectionnées</Link>
        )}
      </nav>
      {page.proposals.length ? (
        <ProposalComparison proposals={page.proposals} />
      ) : (
        <p className="muted">
          {page.shortlistedOnly
            ? "Aucune proposition présélectionnée."
            : "Aucune proposition pour l’instant."}
        </p>
      )}
    </div>
  );
}
