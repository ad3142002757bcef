import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { requireUser } from "#app/auth/session.server";
import { ProposalForm } from "#app/components/proposal-form";
import { pledgeLink } from "#app/domain/confidentiality/pledge-text";
import { parisToday } from "#app/domain/missions/schedule";
import { proposalFormDefaults } from "#app/domain/proposals/proposal-form-defaults";
import { proposalStatusLabels, type ProposalStatus } from "#app/domain/proposals/proposal-machine";
import { proposalFormSchema } from "#app/domain/proposals/proposals.schema";
import {
  editProposal,
  getProposalForm,
  submitProposal,
  withdrawProposal,
} from "#app/domain/proposals/proposals.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Proposer mes services : ${data.mission.title} — Permanence` : "Proposition — Permanence" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => getProposalForm({ actorId: user.id, missionId: params.missionId ?? "" }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const missionId = params.missionId ?? "";
  const formData = await handle(() => readForm(request));
  if (formData.get("intent") === "withdraw") {
    const proposalId = String(formData.get("proposalId") ?? "");
    await handle(() => withdrawProposal({ actorId: user.id, proposalId }));
    return redirect(`/missions/${missionId}/proposer?retiree=1`);
  }
  const page = await handle(() => getProposalForm({ actorId: user.id, missionId }));
  const pricing = {
    billingMode: page.mission.billingMode,
    tasks: page.mission.taskLines.map((l) => l.task),
    agency: page.bidder.agencyName !== null,
  };
  const submission = parseWithZod(formData, { schema: proposalFormSchema(pricing, parisToday()) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { proposalId, ...input } = submission.value;
  const result = await handle(() =>
    proposalId
      ? editProposal({ actorId: user.id, proposalId, input })
      : submitProposal({ actorId: user.id, missionId, input }),
  );
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirect(`/missions/${missionId}/proposer?${proposalId ? "modifiee" : "envoyee"}=1`);
}

const notices = {
  envoyee: "Votre proposition est envoyée. L’entreprise vous répondra ici et dans « Mes propositions ».",
  modifiee: "Votre proposition est modifiée.",
  retiree:
    "Votre proposition est retirée. Vous pouvez en envoyer une nouvelle tant que la mission est ouverte.",
} as const;

function Notices() {
  const [params] = useSearchParams();
  return (Object.keys(notices) as (keyof typeof notices)[])
    .filter((key) => params.get(key) === "1")
    .map((key) => (
      <p key={key} className="notice" role="status">
        {notices[key]}
      </p>
    ));
}

function Withdraw({ proposalId }: { proposalId: string }) {
  return (
    <Form method="post">
      <AuthenticityTokenInput />
      <input type="hidden" name="proposalId" value={proposalId} />
      <button type="submit" name="intent" value="withdraw" className="danger">
        Retirer ma proposition
      </button>
    </Form>
  );
}

export default function ProposePage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { mission, proposal, blocker } = page;
  const status = proposal?.status as ProposalStatus | undefined;
  return (
    <div className="stack">
      <h1>{proposal ? "Ma proposition" : "Proposer mes services"}</h1>
      <p className="lead">
        Pour la mission <Link to={`/missions/${mission.id}`}>{mission.title}</Link>
        {page.bidder.agencyName ? ` — au nom de l’agence ${page.bidder.agencyName}` : ""}.
        {status ? ` Statut : ${proposalStatusLabels[status]}.` : ""}
      </p>
      <Notices />
      {blocker ? (
        <p className="notice warning" role="status">
          {blocker.message}{" "}
          {blocker.pledge ? (
            <Link to={pledgeLink(`/missions/${mission.id}/proposer`)}>
              Signer l’engagement de confidentialité
            </Link>
          ) : null}
        </p>
      ) : (
        <ProposalForm
          mission={mission}
          members={page.bidder.members}
          proposalId={proposal?.id ?? null}
          defaults={proposalFormDefaults(proposal)}
          lastResult={lastResult}
        />
      )}
      {proposal ? <Withdraw proposalId={proposal.id} /> : null}
    </div>
  );
}
