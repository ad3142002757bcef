import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "#app/auth/session.server";
import { BillingMethodCard } from "#app/components/billing-method-card";
import { getBillingPage, startPaymentMethodSetup } from "#app/domain/payment-methods/payment-methods.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Facturation — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { page: await handle(() => getBillingPage({ actorId: user.id })) };
}

const intentSchema = z.object({ intent: z.literal("setup") });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Refuse anyone outside a business before reading what they posted.
  await handle(() => getBillingPage({ actorId: user.id }));
  const formData = await handle(() => readForm(request));
  if (!intentSchema.safeParse(Object.fromEntries(formData)).success) {
    return data({ message: "Action inconnue." }, { status: 400 });
  }
  const { url } = await handle(() => startPaymentMethodSetup({ actorId: user.id }));
  return redirect(url);
}

const notices: Record<string, string> = {
  enregistre: "Votre moyen de paiement est enregistré.",
  attente: "Stripe n’a pas encore confirmé l’enregistrement : il apparaîtra ici dès sa confirmation.",
  annule: "L’enregistrement a été annulé : aucun changement.",
};

export default function BillingPage() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = Object.keys(notices).find((key) => params.get(key) === "1");
  return (
    <div className="stack">
      <h1>Facturation</h1>
      <p className="lead">{page.organizationName}</p>
      {notice ? (
        <p className="notice" role="status">
          {notices[notice]}
        </p>
      ) : null}
      {result?.message ? (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      ) : null}
      <BillingMethodCard method={page.method} paymentFailed={page.paymentFailed} />
    </div>
  );
}
