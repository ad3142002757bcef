// /moderation/paiements — staff: the latest payments, their transfers, and refunds (before release:
// refund only; after: refund and transfer reversals, full or partial).
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { requireStaff } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { refundPayment } from "#app/domain/payments/payment-refunds.server";
import { listPaymentsForStaff } from "#app/domain/payments/payments-staff.server";
import {
  paymentStatusLabels,
  payoutStatusLabels,
  refundFormSchema,
} from "#app/domain/payments/payments.schema";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";
import { formatEuros } from "#app/lib/money";

export const meta: MetaFunction = () => [{ title: "Paiements — Modération — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  return { payments: await handle(() => listPaymentsForStaff({ actor: staff })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const form = await handle(() => readForm(request));
  const parsed = refundFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return data(
      { paymentId: String(form.get("paymentId") ?? ""), error: parsed.error.issues[0]!.message },
      { status: 400 },
    );
  }
  const { paymentId, amount } = parsed.data;
  try {
    await refundPayment({ actorId: staff.id, input: { paymentId, amountCents: amount } });
  } catch (error) {
    if (error instanceof DomainError && ["VALIDATION", "CONFLICT"].includes(error.code)) {
      return data({ paymentId, error: error.message }, { status: error.code === "VALIDATION" ? 400 : 409 });
    }
    return toResponse(error);
  }
  return redirect(`/moderation/paiements?rembourse=${encodeURIComponent(paymentId)}`);
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["payments"][number];

function RefundForm({ payment, error }: { payment: Row; error: string | null }) {
  if (payment.refundableCents <= 0) return null;
  const errorId = `refund-error-${payment.id}`;
  return (
    <Form method="post" className="inline-form">
      <AuthenticityTokenInput />
      <input type="hidden" name="paymentId" value={payment.id} />
      <label>
        Rembourser (€)
        <input
          name="amount"
          inputMode="decimal"
          defaultValue={(payment.refundableCents / 100).toFixed(2).replace(".", ",")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      <button type="submit">
        {payment.released ? "Rembourser et reprendre les virements" : "Rembourser"}
      </button>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}

export default function StaffPayments() {
  const { payments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="stack">
      <h1>Paiements</h1>
      {params.get("rembourse") ? (
        <p className="notice" role="status">
          Remboursement demandé à Stripe.
        </p>
      ) : null}
      {payments.length === 0 ? <p className="muted">Aucun paiement pour l’instant.</p> : null}
      {payments.map((p) => (
        <section key={p.id} className="card stack" aria-labelledby={`payment-${p.id}`}>
          <h2 id={`payment-${p.id}`}>
            <Link to={`/contrats/${p.contractId}`}>{p.contractTitle}</Link> — {p.businessName}
          </h2>
          <p>
            {p.kind === "PERIOD"
              ? `Mois ${p.periodMonth}${p.sequence > 1 ? ` (complément n° ${p.sequence})` : ""}`
              : "Jalon"}{" "}
            · {formatEuros(p.amountCents)} (dont commission {formatEuros(p.feeCents)}) ·{" "}
            {paymentStatusLabels[p.status] ?? p.status} · créé le {formatDate(p.createdAt)}
            {p.refundedCents > 0 ? ` · remboursé ${formatEuros(p.refundedCents)}` : null}
            {p.disputedAt ? " · litige bancaire ouvert" : null}
            {p.failureMessage ? ` · ${p.failureMessage}` : null}
          </p>
          {p.payouts.length > 0 ? (
            <ul>
              {p.payouts.map((o) => (
                <li key={o.id}>
                  {o.payeeKey} : {formatEuros(o.amountCents)} — {payoutStatusLabels[o.status] ?? o.status}
                  {o.reversedCents > 0 ? ` (repris ${formatEuros(o.reversedCents)})` : null}
                </li>
              ))}
            </ul>
          ) : null}
          <RefundForm payment={p} error={result && result.paymentId === p.id ? result.error : null} />
        </section>
      ))}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
