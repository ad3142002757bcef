import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { ContractPage } from "#app/domain/contracts/contract-page.server";
import { formatDate, formatDateTime } from "#app/lib/dates";

type Acceptance = ContractPage["acceptance"];

function State({ label, at, by }: { label: string; at: string | null; by?: string | null }) {
  return (
    <li>
      {label} :{" "}
      {at ? (
        <span className="badge ok">
          accepté le {formatDateTime(at)}
          {by ? ` par ${by}` : ""}
        </span>
      ) : (
        <span className="badge warn">pas encore accepté</span>
      )}
    </li>
  );
}

/** Who accepted, and for the viewer's side the accept form (with the full billing mandate for the provider). */
export function ContractAcceptanceSection({
  acceptance,
  status,
  formError,
}: {
  acceptance: Acceptance;
  status: string;
  formError?: string;
}) {
  return (
    <section className="card stack" aria-labelledby="acceptation">
      <h2 id="acceptation">Acceptation</h2>
      <ul>
        <State label="Entreprise" at={acceptance.business.acceptedAt} by={acceptance.business.byName} />
        <State label={`Prestataire (${acceptance.provider.name})`} at={acceptance.provider.acceptedAt} />
      </ul>
      {status === "PENDING" ? (
        <p className="muted">Le contrat démarre dès que les deux parties ont accepté ces conditions.</p>
      ) : null}
      {acceptance.viewerSide === "PROVIDER" || acceptance.provider.mandateAcceptedAt ? (
        <MandateText mandate={acceptance.mandate} acceptedAt={acceptance.provider.mandateAcceptedAt} />
      ) : null}
      {acceptance.viewerMayAccept ? <AcceptForm acceptance={acceptance} formError={formError} /> : null}
    </section>
  );
}

function MandateText({ mandate, acceptedAt }: { mandate: Acceptance["mandate"]; acceptedAt: string | null }) {
  return (
    <details open={!acceptedAt}>
      <summary>
        {mandate.title} (version du {formatDate(`${mandate.effectiveFrom}T12:00:00Z`)})
        {acceptedAt ? ` — accordé le ${formatDateTime(acceptedAt)}` : ""}
      </summary>
      <div className="stack">
        {mandate.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </details>
  );
}

function AcceptForm({ acceptance, formError }: { acceptance: Acceptance; formError?: string }) {
  const provider = acceptance.viewerSide === "PROVIDER";
  return (
    <Form method="post" className="stack" aria-describedby={formError ? "accept-error" : undefined}>
      <AuthenticityTokenInput />
      {formError ? (
        <p id="accept-error" className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      {provider ? (
        <div className="choice">
          <input
            type="checkbox"
            id="mandate"
            name="mandate"
            required
            aria-invalid={formError ? true : undefined}
          />
          <label htmlFor="mandate">{acceptance.mandate.checkboxLabel}</label>
        </div>
      ) : null}
      <p>
        <button type="submit" name="intent" value="accept">
          {provider
            ? "Accepter le contrat et le mandat de facturation"
            : "Accepter le contrat au nom de l’entreprise"}
        </button>
      </p>
    </Form>
  );
}
