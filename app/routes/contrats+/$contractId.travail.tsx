import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { requireUser } from "#app/auth/session.server";
import { ApproveSelectionForm, WorkEntriesTable } from "#app/components/work-entries-table";
import type { FormFeedback } from "#app/components/work-log-forms";
import { WorkMilestones } from "#app/components/work-milestones";
import { Filters, LogSection } from "#app/components/work-page-sections";
import { contractStatusLabels, type ContractStatus } from "#app/domain/contracts/contract-machine";
import { deleteWorkEntry, editTaskEntry, editTimeEntry } from "#app/domain/work/work-entry-edits.server";
import { logTaskEntries, logTimeEntry } from "#app/domain/work/work-entries.server";
import { getWorkPage } from "#app/domain/work/work-page.server";
import { approveAll, approveWork, disputeWork, submitMilestone } from "#app/domain/work/work-review.server";
import {
  deliverSchema,
  disputeSchema,
  fieldErrorsOf,
  taskEditSchema,
  taskFormSchema,
  targetSchema,
  timeFormSchema,
} from "#app/domain/work/work.schema";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { formatEuros } from "#app/lib/money";
import { handle, statusOf, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Travail — ${data.contract.title} — Permanence` : "Travail — Permanence" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const query = {
    month: url.searchParams.get("mois"),
    week: url.searchParams.get("semaine"),
    assignee: url.searchParams.get("personne"),
    edit: url.searchParams.get("modifier"),
  };
  return handle(() => getWorkPage({ actorId: user.id, contractId: params.contractId ?? "", query }));
}

const notices = {
  enregistre: "Votre travail est enregistré : il attend la validation du client.",
  modifie: "La saisie est modifiée et soumise à nouveau au client.",
  supprime: "La saisie est supprimée.",
  livre: "Le jalon est marqué comme livré : il attend la validation du client.",
  valide: "Le travail est validé.",
  conteste: "Le travail est contesté : la secrétaire en est informée sur cette page.",
} as const;
type Notice = keyof typeof notices;

type Outcome = { notice: Notice } | { feedback: NonNullable<FormFeedback>; status: number };
const invalid = (intent: string, error: z.ZodError, entryId?: string): Outcome => ({
  feedback: { intent, entryId, errors: fieldErrorsOf(error) },
  status: 400,
});
const formData = (form: FormData) =>
  Object.fromEntries([...form.keys()].map((k) => [k, String(form.get(k))]));

/** One domain call per intent; a refused call comes back as the form's message with its status. */
async function perform(
  intent: string,
  form: FormData,
  actorId: string,
  contractId: string,
): Promise<Outcome> {
  const fields = formData(form);
  const entryId = fields.entryId ?? "";
  switch (intent) {
    case "log-time":
    case "edit-time": {
      const parsed = timeFormSchema.safeParse(fields);
      if (!parsed.success) return invalid(intent, parsed.error);
      if (intent === "log-time") await logTimeEntry({ actorId, contractId, input: parsed.data });
      else await editTimeEntry({ actorId, entryId, input: parsed.data });
      return { notice: intent === "log-time" ? "enregistre" : "modifie" };
    }
    case "log-tasks": {
      const taskTypes = Object.keys(fields)
        .filter((k) => k.startsWith("quantity."))
        .map((k) => k.slice(9));
      const parsed = taskFormSchema(taskTypes).safeParse(fields);
      if (!parsed.success) return invalid(intent, parsed.error);
      await logTaskEntries({ actorId, contractId, input: parsed.data });
      return { notice: "enregistre" };
    }
    case "edit-task": {
      const parsed = taskEditSchema.safeParse(fields);
      if (!parsed.success) return invalid(intent, parsed.error);
      await editTaskEntry({ actorId, entryId, input: { ...parsed.data, quantity: parsed.data.quantity! } });
      return { notice: "modifie" };
    }
    case "delete":
      await deleteWorkEntry({ actorId, entryId });
      return { notice: "supprime" };
    default:
      return review(intent, form, fields, actorId, contractId);
  }
}

async function review(
  intent: string,
  form: FormData,
  fields: Record<string, string>,
  actorId: string,
  contractId: string,
): Promise<Outcome> {
  switch (intent) {
    case "deliver": {
      const parsed = deliverSchema.safeParse(fields);
      if (!parsed.success) return invalid(intent, parsed.error, fields.milestoneId);
      await submitMilestone({ actorId, ...parsed.data });
      return { notice: "livre" };
    }
    case "approve": {
      const target = targetSchema.safeParse(fields.target);
      if (!target.success) return invalid(intent, target.error);
      await approveWork({ actorId, ...target.data });
      return { notice: "valide" };
    }
    case "dispute": {
      const parsed = disputeSchema.safeParse(fields);
      if (!parsed.success) return invalid(intent, parsed.error, fields.target);
      await disputeWork({ actorId, reason: parsed.data.reason, ...parsed.data.target });
      return { notice: "conteste" };
    }
    case "approve-selection": {
      const ids = (name: string) => form.getAll(name).map(String);
      await approveAll({ actorId, contractId, entryIds: ids("entry"), milestoneIds: ids("milestone") });
      return { notice: "valide" };
    }
    default:
      return { feedback: { intent, errors: { form: "Action inconnue." } }, status: 400 };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await handle(() => readForm(request));
  const contractId = params.contractId ?? "";
  const intent = String(form.get("intent") ?? "");
  let outcome: Outcome;
  try {
    outcome = await perform(intent, form, user.id, contractId);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === "NOT_FOUND") return toResponse(error);
    const target = String(form.get("target") ?? form.get("milestoneId") ?? form.get("entryId") ?? "");
    outcome = {
      feedback: {
        intent,
        entryId: target || undefined,
        errors: { form: error.message, reason: error.message },
      },
      status: statusOf(error),
    };
  }
  if ("feedback" in outcome) return data(outcome.feedback, { status: outcome.status });
  // Back to the period the form was posted from (month, week, person), with the notice.
  const back = new URL(request.url).searchParams;
  const query = new URLSearchParams();
  for (const key of ["mois", "semaine", "personne"]) if (back.get(key)) query.set(key, back.get(key)!);
  query.set(outcome.notice, "1");
  return redirect(`/contrats/${contractId}/travail?${query}`);
}

function PageNotices() {
  const [params] = useSearchParams();
  return (Object.keys(notices) as Notice[])
    .filter((key) => params.get(key) === "1")
    .map((key) => (
      <p key={key} className="notice" role="status">
        {notices[key]}
      </p>
    ));
}

export default function ContractWork() {
  const page = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as FormFeedback;
  const { contract, viewer } = page;
  const editHref = (id: string) =>
    `/contrats/${contract.id}/travail?${new URLSearchParams({ mois: page.month, modifier: id })}`;
  const generalError =
    feedback && ["approve", "approve-selection", "delete"].includes(feedback.intent)
      ? feedback.errors.form
      : undefined;
  return (
    <article className="stack">
      <header className="stack">
        <p>
          <Link to={`/contrats/${contract.id}`}>Retour au contrat</Link> ·{" "}
          <Link to={`/contrats/${contract.id}/releves`}>Relevés mensuels</Link>
        </p>
        <h1>Travail — {contract.title}</h1>
        <p className="lead">
          {contract.businessName}{" "}
          <span className="badge">
            {contractStatusLabels[contract.status as ContractStatus] ?? contract.status}
          </span>
        </p>
      </header>
      <PageNotices />
      {generalError ? (
        <p className="form-error" role="alert">
          {generalError}
        </p>
      ) : null}
      {viewer.isAssignee && !viewer.canLog ? (
        <p className="notice warning" role="status">
          Le contrat n’est pas en cours : la saisie de travail est fermée.
        </p>
      ) : null}
      {viewer.reviews ? (
        <p className="hint">
          Ce que vous ne validez ni ne contestez est validé automatiquement {contract.reviewWindowDays} jours
          après sa saisie.
        </p>
      ) : null}
      <LogSection page={page} feedback={feedback} />
      {contract.billingMode === "FIXED" ? (
        <WorkMilestones milestones={page.milestones} forBusiness={viewer.reviews} feedback={feedback} />
      ) : null}
      {contract.billingMode === "FIXED" ? null : (
        <section className="stack" aria-labelledby="entries-title">
          <h2 id="entries-title">
            {viewer.seesEveryone ? "Saisies" : "Mes saisies"} — {page.periodLabel}
          </h2>
          <Filters page={page} />
          <WorkEntriesTable
            entries={page.entries}
            forBusiness={viewer.reviews}
            showWho={viewer.seesEveryone}
            editHref={editHref}
            feedback={feedback}
          />
          {page.entries.length > 0 ? <p>Total de la période : {formatEuros(page.totalCents)}</p> : null}
          {page.entries.some((e) => e.reviewable) ? <ApproveSelectionForm /> : null}
        </section>
      )}
    </article>
  );
}
