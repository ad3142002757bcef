import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { PartyIntent } from "#app/domain/contracts/contracts.schema";

const copy: Record<PartyIntent, { label: string; help: string; reason?: string; className?: string }> = {
  pause: {
    label: "Mettre en pause",
    help: "Plus aucune saisie de travail tant que le contrat est en pause.",
    reason: "Motif de la pause (obligatoire)",
    className: "secondary",
  },
  resume: { label: "Reprendre le contrat", help: "Les saisies de travail sont de nouveau possibles." },
  complete: {
    label: "Terminer le contrat",
    help: "Le travail est fini. Les saisies encore en relecture gardent leur délai.",
    className: "secondary",
  },
  cancel: {
    label: "Annuler le contrat",
    help: "Possible tant que le contrat n’a pas démarré. La mission redevient ouverte aux propositions.",
    className: "danger",
  },
  dispute: {
    label: "Ouvrir un litige",
    help: "L’équipe Permanence examine le désaccord ; le travail est suspendu en attendant.",
    reason: "Expliquez le désaccord (obligatoire)",
    className: "danger",
  },
};

export type ActionError = { intent: string; message: string };

/** One small form per action the viewer's side may take now (the machine decides which). */
export function ContractActionsSection({ intents, error }: { intents: PartyIntent[]; error?: ActionError }) {
  if (intents.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="gerer">
      <h2 id="gerer">Gérer le contrat</h2>
      {intents.map((intent) => (
        <ActionForm
          key={intent}
          intent={intent}
          error={error?.intent === intent ? error.message : undefined}
        />
      ))}
    </section>
  );
}

function ActionForm({ intent, error }: { intent: PartyIntent; error?: string }) {
  const { label, help, reason, className } = copy[intent];
  const reasonId = `motif-${intent}`;
  return (
    <Form method="post" className="stack">
      <AuthenticityTokenInput />
      <fieldset className="stack">
        <legend>{label}</legend>
        <p className="muted">{help}</p>
        {reason ? (
          <div className="field">
            <label htmlFor={reasonId}>{reason}</label>
            <textarea
              id={reasonId}
              name="reason"
              required
              maxLength={1000}
              rows={3}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${reasonId}-error` : undefined}
            />
          </div>
        ) : null}
        {error ? (
          <p id={`${reasonId}-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <p>
          <button type="submit" name="intent" value={intent} className={className}>
            {label}
          </button>
        </p>
      </fieldset>
    </Form>
  );
}
