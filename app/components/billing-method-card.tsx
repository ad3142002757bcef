// The business's saved payment method on /compte/facturation, and the button to Stripe's hosted
// page that saves (or replaces) it. A plain post answered by a redirect: no JavaScript needed.
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { BillingPageDto } from "#app/domain/payment-methods/payment-methods.schema";
import { paymentMethodTypeLabels } from "#app/domain/payment-methods/payment-methods.schema";

export function BillingMethodCard({
  method,
  paymentFailed,
}: Pick<BillingPageDto, "method" | "paymentFailed">) {
  return (
    <section className="card stack" aria-labelledby="moyen-titre">
      <h2 id="moyen-titre">Moyen de paiement</h2>
      {paymentFailed ? (
        <p className="notice warning" role="alert">
          Le dernier prélèvement a échoué. Enregistrez un nouveau moyen de paiement : les paiements en attente
          seront relancés avec lui.
        </p>
      ) : null}
      {method ? (
        <dl>
          <dt>{paymentMethodTypeLabels[method.type]}</dt>
          <dd>{method.label}</dd>
        </dl>
      ) : (
        <p>
          Aucun moyen de paiement enregistré. Les missions payées à l’heure ou à la tâche sont réglées chaque
          mois par prélèvement SEPA ou par carte, sans action de votre part.
        </p>
      )}
      <Form method="post">
        <AuthenticityTokenInput />
        <button type="submit" name="intent" value="setup" className={method ? "secondary" : undefined}>
          {method ? "Remplacer le moyen de paiement" : "Enregistrer un mandat SEPA ou une carte"}
        </button>
      </Form>
      <p className="hint">
        Vous serez redirigé vers la page sécurisée de Stripe, notre prestataire de paiement.
      </p>
    </section>
  );
}
