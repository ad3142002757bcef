// /moderation/litiges/:contractId — staff: one contract's dispute with its context (terms, disputed
// work with amounts and the business's reasons, payments, messages) and the decisions: release the
// disputed work, refund a payment in full or in part. Each decision requires a reason.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ReasonForm } from "#app/components/moderation-reason-form";
import { getDisputeCase, type DisputeCase } from "#app/domain/moderation/disputes-queue.server";
import {
  contractIdParamSchema,
  disputeNotices,
  disputeNoticeSchema,
  disputeOutcomeLabels,
  disputeOutcomes,
} from "#app/domain/moderation/disputes.schema";
import { resolveDispute } from "#app/domain/moderation/disputes.server";
import { paymentStatusLabels } from "#app/domain/payments/payments.schema";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError, notFound } from "#app/lib/domain-error";
import { handle, statusOf, toResponse } from "#app/lib/http.server";
import { formatEuros } from "#app/lib/money";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Litige : ${data?.title ?? "contrat"} — Modération — Permanence` },
];

function contractIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = contractIdParamSchema.safeParse(params);
  if (!parsed.success) return toResponse(notFound("Ce contrat"));
  return parsed.data.contractId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const contractId = contractIdFrom(params);
  return handle(() => getDisputeCase({ actor: staff, contractId }));
}

const formErrorCodes = ["VALIDATION", "CONFLICT", "INVALID_TRANSITION"];

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const contractId = contractIdFrom(params);
  const form = await handle(() => readForm(request));
  const fields = Object.fromEntries(form);
  const intent = String(fields.intent ?? "");
  try {
    await resolveDispute({ actor: staff, contractId, input: fields });
    return redirect(`/moderation/litiges/${contractId}?fait=${intent}`);
  } catch (error) {
    if (error instanceof DomainError && formErrorCodes.includes(error.code))
      return data({ intent, error: error.message }, { status: statusOf(error) });
    return toResponse(error);
  }
}

function OutcomeField({ disputed }: { disputed: boolean }) {
  if (!disputed) return null;
  return (
    <label>
      Suite du contrat
      <select name="outcome" defaultValue="ACTIVE">
        {disputeOutcomes.map((o) => (
          <option key={o} value={o}>
            {disputeOutcomeLabels[o]}
          </option>
        ))}
      </select>
    </label>
  );
}

function PaymentField({ payments }: { payments: DisputeCase["payments"] }) {
  return (
    <label>
      Paiement
      <select name="paymentId">
        {payments
          .filter((p) => p.refundableCents > 0)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.kind === "PERIOD" ? `Mois ${p.periodMonth}` : "Jalon"} — remboursable{" "}
              {formatEuros(p.refundableCents)}
            </option>
          ))}
      </select>
    </label>
  );
}

function WorkList({ c }: { c: DisputeCase }) {
  if (c.entries.length + c.milestones.length === 0)
    return <p className="muted">Aucune ligne de travail contestée.</p>;
  return (
    <ul>
      {c.entries.map((e) => (
        <li key={e.id}>
          {formatDate(e.workDate)} — {e.description} : {formatEuros(e.amountCents)}
          {e.disputeReason ? <> — motif de l’entreprise : « {e.disputeReason} »</> : null}
        </li>
      ))}
      {c.milestones.map((m) => (
        <li key={m.id}>
          Jalon « {m.title} » : {formatEuros(m.amountCents)}
          {m.disputeReason ? <> — motif de l’entreprise : « {m.disputeReason} »</> : null}
        </li>
      ))}
    </ul>
  );
}

function PaymentList({ payments }: { payments: DisputeCase["payments"] }) {
  if (payments.length === 0) return <p className="muted">Aucun paiement sur ce contrat.</p>;
  return (
    <ul>
      {payments.map((p) => (
        <li key={p.id}>
          {p.kind === "PERIOD" ? `Mois ${p.periodMonth}` : "Jalon"} · {formatEuros(p.amountCents)} (dont
          commission {formatEuros(p.feeCents)}) · {paymentStatusLabels[p.status] ?? p.status}
          {p.refundedCents > 0 ? ` · remboursé ${formatEuros(p.refundedCents)}` : null}
          {p.released ? " · virements envoyés" : null}
          {p.openStripeDispute ? " · contestation bancaire ouverte" : null}
        </li>
      ))}
    </ul>
  );
}

function Decisions({ c, failure }: { c: DisputeCase; failure?: { intent: string; error: string } }) {
  const errorOf = (intent: string) => (failure?.intent === intent ? failure.error : null);
  const disputed = c.status === "DISPUTED";
  const refundable = c.payments.some((p) => p.refundableCents > 0);
  return (
    <section className="stack" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Décision</h2>
      {failure && !["release", "refund_full", "refund_partial"].includes(failure.intent) ? (
        <p className="form-error" role="alert">
          {failure.error}
        </p>
      ) : null}
      <ReasonForm
        intent="release"
        title="Valider le travail contesté"
        label="Motif de la décision"
        submitLabel="Valider et payer la prestataire"
        error={errorOf("release")}
      >
        <p className="muted">Le travail contesté est validé ; il est facturé et versé à la prestataire.</p>
        <OutcomeField disputed={disputed} />
      </ReasonForm>
      {refundable ? (
        <>
          <ReasonForm
            intent="refund_full"
            title="Rembourser en totalité"
            label="Motif du remboursement"
            submitLabel="Rembourser tout le paiement"
            danger
            error={errorOf("refund_full")}
          >
            <PaymentField payments={c.payments} />
            <OutcomeField disputed={disputed} />
          </ReasonForm>
          <ReasonForm
            intent="refund_partial"
            title="Rembourser en partie"
            label="Motif du remboursement"
            submitLabel="Rembourser ce montant"
            danger
            error={errorOf("refund_partial")}
          >
            <PaymentField payments={c.payments} />
            <label>
              Montant à rembourser (€)
              <input name="amount" inputMode="decimal" required />
            </label>
            <OutcomeField disputed={disputed} />
          </ReasonForm>
        </>
      ) : (
        <p className="muted">Aucun paiement encaissé à rembourser sur ce contrat.</p>
      )}
    </section>
  );
}

export default function DisputeCasePage() {
  const c = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = disputeNoticeSchema.parse(params.get("fait") ?? undefined);
  return (
    <div className="stack">
      <p>
        <Link to="/moderation/litiges">← Retour aux litiges</Link>
      </p>
      <h1>Litige : {c.title}</h1>
      {done ? (
        <p className="notice" role="status">
          {disputeNotices[done]}
        </p>
      ) : null}
      <dl>
        <dt>Parties</dt>
        <dd>
          {c.businessName} et {c.providerName}
          {c.agencyName ? ` (${c.agencyName})` : ""}
        </dd>
        <dt>Statut</dt>
        <dd>{c.statusLabel}</dd>
        {c.flaggedAt ? (
          <>
            <dt>Signalé</dt>
            <dd>
              le {formatDate(c.flaggedAt)}
              {c.flagReason ? ` — ${c.flagReason}` : null}
            </dd>
          </>
        ) : null}
        <dt>Conditions</dt>
        <dd>
          {c.billingMode === "FIXED" && c.fixedAmountCents !== null
            ? `Forfait de ${formatEuros(c.fixedAmountCents)}`
            : c.hourlyRateCents !== null
              ? `${formatEuros(c.hourlyRateCents)} de l’heure`
              : "Au prix des tâches"}{" "}
          · commission {c.platformFeeBps / 100} % · du {formatDate(c.startDate)}
          {c.endDate ? ` au ${formatDate(c.endDate)}` : ", sans date de fin"}
        </dd>
        <dt>Messages</dt>
        <dd>{c.messagesCount} message(s) échangé(s) sur ce contrat</dd>
      </dl>
      <p>
        <Link to={`/contrats/${c.id}`}>Voir le contrat</Link>
      </p>
      <section className="card stack" aria-labelledby="work-heading">
        <h2 id="work-heading">Travail contesté ({formatEuros(c.disputedAmountCents)})</h2>
        <WorkList c={c} />
      </section>
      <section className="card stack" aria-labelledby="payments-heading">
        <h2 id="payments-heading">Paiements</h2>
        <PaymentList payments={c.payments} />
      </section>
      <Decisions c={c} failure={failure} />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
