// The payout account on /compte/paiements: its status as Stripe last reported it, and the button
// to Stripe's hosted onboarding (a plain post answered by a redirect: no JavaScript needed).
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { payoutStatusLabels, type PayoutStatus } from "#app/domain/payees/payees.schema";

const badgeClass: Record<PayoutStatus, string> = {
  NONE: "warn",
  INCOMPLETE: "warn",
  PENDING: "",
  READY: "ok",
};

const explanation: Record<PayoutStatus, string> = {
  NONE: "Pour recevoir vos paiements, créez votre compte de versement. Stripe, notre prestataire de paiement, vérifie votre identité et enregistre votre IBAN sur sa page sécurisée.",
  INCOMPLETE: "Stripe attend encore des informations avant d’activer vos versements.",
  PENDING:
    "Vos informations sont transmises : Stripe les vérifie. Cette page indiquera « Versements activés » dès que ce sera fait.",
  READY: "Stripe a activé vos versements : les paiements de votre travail validé vous seront virés.",
};

export function PayoutAccountPanel({
  status,
  requirementsDue,
}: {
  status: PayoutStatus;
  requirementsDue: string[];
}) {
  const action =
    status === "NONE" ? "Configurer mes versements sur Stripe" : "Compléter mes informations sur Stripe";
  return (
    <section className="card stack" aria-labelledby="versements-titre">
      <h2 id="versements-titre">Compte de versement</h2>
      <p>
        <span className={`badge ${badgeClass[status]}`.trim()}>{payoutStatusLabels[status]}</span>
      </p>
      <p>{explanation[status]}</p>
      {status !== "READY" && requirementsDue.length > 0 ? (
        <p className="hint">
          {requirementsDue.length} information{requirementsDue.length > 1 ? "s" : ""} demandée
          {requirementsDue.length > 1 ? "s" : ""} par Stripe.
        </p>
      ) : null}
      {status !== "READY" ? (
        <Form method="post">
          <AuthenticityTokenInput />
          <button type="submit" name="intent" value="onboard">
            {action}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
