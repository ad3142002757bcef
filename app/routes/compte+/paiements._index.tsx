import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { PayoutAccountPanel } from "#app/components/payout-account-panel";
import { PayoutIdentityForm } from "#app/components/payout-identity-form";
import { PayoutModeForm } from "#app/components/payout-mode-form";
import { agencyPayoutModeSchema, invoicingIdentitySchema } from "#app/domain/payees/payees.schema";
import {
  chooseAgencyPayoutMode,
  getPayoutPage,
  saveInvoicingIdentity,
  startOnboarding,
} from "#app/domain/payees/payees.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Paiements — Permanence" }];

const PATH = "/compte/paiements";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { page: await handle(() => getPayoutPage({ actorId: user.id })) };
}

async function saveIdentity(actorId: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: invoicingIdentitySchema });
  if (submission.status !== "success")
    return data({ intent: "identity", reply: submission.reply() }, { status: 400 });
  const result = await handle(() => saveInvoicingIdentity({ actorId, input: submission.value }));
  if (!result.ok) {
    const reply = submission.reply({ fieldErrors: { [result.field]: [result.message] } });
    return data({ intent: "identity", reply }, { status: 400 });
  }
  return redirect(`${PATH}?identite=1`);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Refuse anyone who is not a payee before reading what they posted.
  await handle(() => getPayoutPage({ actorId: user.id }));
  const formData = await handle(() => readForm(request));
  const intent = formData.get("intent");
  if (intent === "onboard") {
    const { url } = await handle(() => startOnboarding({ actorId: user.id }));
    return redirect(url);
  }
  if (intent === "identity") return saveIdentity(user.id, formData);
  if (intent === "payout-mode") {
    const parsed = agencyPayoutModeSchema.safeParse({ mode: formData.get("mode") ?? undefined });
    if (!parsed.success) {
      return data({ intent: "payout-mode", message: parsed.error.issues[0]!.message }, { status: 400 });
    }
    await handle(() => chooseAgencyPayoutMode({ actorId: user.id, mode: parsed.data.mode }));
    return redirect(`${PATH}?mode=1`);
  }
  return data({ intent: "unknown", message: "Action inconnue." }, { status: 400 });
}

function Notices({ agency }: { agency: { name: string; paysMembers: boolean } | null }) {
  const [params] = useSearchParams();
  return (
    <>
      {params.get("identite") === "1" ? (
        <p className="notice" role="status">
          Votre identité de facturation est enregistrée.
        </p>
      ) : null}
      {params.get("mode") === "1" ? (
        <p className="notice" role="status">
          Le mode de versement est enregistré.
        </p>
      ) : null}
      {agency && !agency.paysMembers ? (
        <p className="notice">
          Vous travaillez pour {agency.name} : les paiements de vos missions pour le cabinet lui sont versés.
          Votre compte de versement sert à vos contrats en votre nom.
        </p>
      ) : null}
    </>
  );
}

export default function PayoutsPage() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Paiements</h1>
      <p className="lead">{page.payeeName}</p>
      <Notices agency={page.agency} />
      <PayoutAccountPanel status={page.status} requirementsDue={page.requirementsDue} />
      {page.agencyPayoutMode ? (
        <PayoutModeForm
          mode={page.agencyPayoutMode}
          error={result?.intent === "payout-mode" && "message" in result ? result.message : undefined}
        />
      ) : null}
      {result?.intent === "unknown" && "message" in result ? (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      ) : null}
      <PayoutIdentityForm
        payeeKind={page.payeeKind}
        values={page.identity ?? page.identityDefaults}
        lastResult={result?.intent === "identity" && "reply" in result ? result.reply : undefined}
      />
    </div>
  );
}
