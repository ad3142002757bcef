import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { ContractAssigneesList } from "#app/components/contract-assignees";
import { ContractReplacementForm } from "#app/components/contract-replacement-form";
import { getContractPage } from "#app/domain/contracts/contract-page.server";
import { addReplacement, cancelReplacement } from "#app/domain/contracts/contract-replacements.server";
import { cancelReplacementSchema, replacementFormSchema } from "#app/domain/contracts/contracts.schema";
import { parisToday } from "#app/domain/missions/schedule";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Remplacements du contrat — Permanence" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await handle(() => getContractPage({ actorId: user.id, contractId: params.contractId ?? "" }));
  return {
    contract: {
      id: page.contract.id,
      statusLabel: page.contract.statusLabel,
      title: page.terms.missionTitle,
    },
    assignees: page.assignees,
    canManage: page.canManageReplacements,
    today: parisToday(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const contractId = params.contractId ?? "";
  const formData = await handle(() => readForm(request));
  if (formData.get("intent") === "cancel") {
    const parsed = cancelReplacementSchema.safeParse(Object.fromEntries(formData));
    // Only a tampered hidden field gets here: not a form error the page needs to show.
    if (!parsed.success) throw data({ message: "Ce remplacement est introuvable." }, { status: 400 });
    await handle(() =>
      cancelReplacement({ actorId: user.id, contractId, replacementId: parsed.data.replacementId }),
    );
    return redirect(`/contrats/${contractId}?remplacement-annule=1`);
  }
  const submission = parseWithZod(formData, { schema: replacementFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await handle(() =>
    addReplacement({ actorId: user.id, contractId, input: submission.value }),
  );
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirect(`/contrats/${contractId}?remplacement=1`);
}

export default function ContractReplacements() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const replaceable = page.assignees.filter((a) => a.role !== "REPLACEMENT" && !a.cancelled);
  return (
    <div className="stack">
      <h1>Remplacements</h1>
      <p className="lead">
        <Link to={`/contrats/${page.contract.id}`}>Contrat : {page.contract.title}</Link> —{" "}
        {page.contract.statusLabel.toLowerCase()}
      </p>
      <section className="card stack" aria-labelledby="intervenantes">
        <h2 id="intervenantes">Intervenantes</h2>
        <ContractAssigneesList
          assignees={page.assignees}
          cancelAction={page.canManage ? `/contrats/${page.contract.id}/remplacements` : undefined}
        />
      </section>
      {page.canManage ? (
        <ContractReplacementForm replaceable={replaceable} lastResult={lastResult} today={page.today} />
      ) : (
        <p className="muted">
          Les remplacements se prévoient par les parties au contrat, pendant qu’il est en cours ou en pause.
        </p>
      )}
    </div>
  );
}
