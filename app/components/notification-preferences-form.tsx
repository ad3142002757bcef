// How often notification e-mails are sent: immediately, a daily digest, or never.
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { emailModeLabels, emailModes, type EmailMode } from "#app/domain/notifications/notification-types";

export function NotificationPreferencesForm({ current, error }: { current: EmailMode; error?: string }) {
  return (
    <Form method="post" className="card stack">
      <AuthenticityTokenInput />
      <fieldset className="stack" aria-describedby={error ? "email-mode-error" : undefined}>
        <legend>Recevoir mes notifications par e-mail</legend>
        {emailModes.map((mode) => (
          <label key={mode} className="row">
            <input type="radio" name="emailMode" value={mode} defaultChecked={mode === current} />
            <span>
              <strong>{emailModeLabels[mode].label}</strong> — {emailModeLabels[mode].hint}
            </span>
          </label>
        ))}
        {error ? (
          <p id="email-mode-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
      <button type="submit">Enregistrer</button>
    </Form>
  );
}
