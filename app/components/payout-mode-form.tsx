// An agency's choice on /compte/paiements: payouts to the agency, or split to its members.
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import {
  AGENCY_PAYOUT_MODES,
  agencyPayoutModeLabels,
  type AgencyPayoutMode,
} from "#app/domain/payees/payees.schema";

export function PayoutModeForm({ mode, error }: { mode: AgencyPayoutMode; error?: string }) {
  return (
    <Form method="post" className="card stack" aria-labelledby="mode-titre">
      <h2 id="mode-titre">À qui verser les paiements du cabinet</h2>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="payout-mode" />
      <fieldset aria-describedby={error ? "mode-erreur" : undefined}>
        <legend>Mode de versement</legend>
        <div className="checks">
          {AGENCY_PAYOUT_MODES.map((value) => (
            <label key={value}>
              <input type="radio" name="mode" value={value} defaultChecked={mode === value} />{" "}
              {agencyPayoutModeLabels[value]}
            </label>
          ))}
        </div>
        {error ? (
          <p id="mode-erreur" className="field-error">
            {error}
          </p>
        ) : null}
      </fieldset>
      <p className="hint">
        Aux secrétaires : chacune configure son propre compte de versement depuis son espace « Paiements ».
      </p>
      <p>
        <button type="submit">Enregistrer le mode de versement</button>
      </p>
    </Form>
  );
}
