// Stripe's return_url after the hosted onboarding. Coming back proves nothing: the page shows the
// state account.updated last reported ("ready" only when Stripe said transfers are active).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { payoutStatusLabels } from "#app/domain/payees/payees.schema";
import { getPayoutPage } from "#app/domain/payees/payees.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Retour de Stripe — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await handle(() => getPayoutPage({ actorId: user.id }));
  return { status: page.status, label: payoutStatusLabels[page.status] };
}

const messages = {
  NONE: "Aucun compte de versement n’a encore été créé.",
  INCOMPLETE: "Stripe attend encore des informations : vous pouvez reprendre là où vous vous êtes arrêtée.",
  PENDING: "Merci ! Stripe vérifie vos informations. Vos versements seront activés dès sa confirmation.",
  READY: "Vos versements sont activés : les paiements de votre travail validé vous seront virés.",
} as const;

export default function OnboardingReturnPage() {
  const { status, label } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Compte de versement</h1>
      <p className="notice" role="status">
        <strong>{label}.</strong> {messages[status]}
      </p>
      <p>
        <Link to="/compte/paiements">Retour à mes paiements</Link>
      </p>
    </div>
  );
}
