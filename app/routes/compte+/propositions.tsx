import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "#app/auth/session.server";
import { ProposalList } from "#app/components/proposal-list";
import { acceptOffer } from "#app/domain/contracts/contract-creation.server";
import { listMyProposals } from "#app/domain/proposals/my-proposals.server";
import { declineOffer } from "#app/domain/proposals/proposal-decisions.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Mes propositions — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => listMyProposals({ actorId: user.id }));
}

const answerSchema = z.object({
  intent: z.enum(["accept-offer", "decline-offer"]),
  proposalId: z.string().min(1),
  message: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const parsed = answerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ message: "Action inconnue." }, { status: 400 });
  const { intent, proposalId, message } = parsed.data;
  if (intent === "accept-offer") {
    const { contractId } = await handle(() => acceptOffer({ actorId: user.id, proposalId }));
    return redirect(`/contrats/${contractId}`);
  }
  await handle(() => declineOffer({ actorId: user.id, proposalId, message }));
  return redirect("/compte/propositions?offre-declinee=1");
}

export default function MyProposals() {
  const page = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="stack">
      <h1>Mes propositions</h1>
      {params.get("offre-declinee") === "1" ? (
        <p className="notice" role="status">
          L’offre est déclinée ; l’entreprise en est informée.
        </p>
      ) : null}
      <section className="stack" aria-labelledby="offres">
        <h2 id="offres">Offres reçues ({page.offers.length})</h2>
        <ProposalList items={page.offers} empty="Aucune offre directe pour l’instant." />
      </section>
      <section className="stack" aria-labelledby="envoyees">
        <h2 id="envoyees">Propositions envoyées ({page.proposals.length})</h2>
        <ProposalList
          items={page.proposals}
          empty="Vous n’avez encore proposé vos services sur aucune mission."
        />
      </section>
    </div>
  );
}
