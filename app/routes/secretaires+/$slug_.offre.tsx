import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { OfferForm } from "#app/components/proposal-offer-form";
import { parisToday } from "#app/domain/missions/schedule";
import { offerFormSchema } from "#app/domain/proposals/offers.schema";
import { getOfferForm, makeOffer } from "#app/domain/proposals/offers.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `Offre directe à ${data.secretary.displayName} — Permanence` : "Offre directe — Permanence",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => getOfferForm({ actorId: user.id, slug: params.slug ?? "" }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  await handle(() => getOfferForm({ actorId: user.id, slug })); // 403/404 before reading the form
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: offerFormSchema(parisToday()) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { missionId } = await handle(() => makeOffer({ actorId: user.id, slug, input: submission.value }));
  return redirect(`/missions/${missionId}/propositions?offre-envoyee=1`);
}

export default function OfferPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Offre directe à {page.secretary.displayName}</h1>
      <p className="lead">
        Au nom de {page.organizationName}.{" "}
        <Link to={`/secretaires/${page.secretary.slug}`}>Retour au profil</Link>
      </p>
      <OfferForm lastResult={lastResult} />
    </div>
  );
}
