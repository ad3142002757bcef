// A staff action with a required reason (suspend, hide, dismiss…): a plain form that works without
// JavaScript; the server checks everything again.
import { Form } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { REASON_MAX } from "#app/domain/moderation/moderation.schema";

export function ReasonForm({
  intent,
  title,
  label,
  submitLabel,
  hidden = {},
  danger = false,
  error,
  children,
}: {
  intent: string;
  title: string;
  label: string;
  submitLabel: string;
  hidden?: Record<string, string>;
  danger?: boolean;
  error?: string | null;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <Form method="post" className="form card" aria-label={title}>
      <h3>{title}</h3>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <label htmlFor={`${id}-reason`}>{label}</label>
      <textarea
        id={`${id}-reason`}
        name="reason"
        rows={3}
        required
        maxLength={REASON_MAX}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className={danger ? "danger" : "secondary"}>
        {submitLabel}
      </button>
    </Form>
  );
}
