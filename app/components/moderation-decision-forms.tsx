import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { ErrorList, TextareaField } from "#app/components/forms";
import { statusLabel } from "#app/components/moderation-profile-details";
import {
  decisionSchema,
  REASON_MAX_TEXT,
  rejectionReasons,
  type DecisionIntent,
} from "#app/domain/moderation/moderation.schema";

type Reply = SubmissionResult<string[]> | undefined;

/** The reply belongs to the form that was posted; the others start clean. */
function replyFor(intent: DecisionIntent, lastResult: Reply): Reply {
  const posted = (lastResult?.initialValue as Record<string, unknown> | undefined)?.intent;
  return posted === intent ? lastResult : undefined;
}

const reasonHint = `${REASON_MAX_TEXT} caractères au plus. La secrétaire lira ce texte.`;

function useDecisionForm(intent: DecisionIntent, lastResult: Reply) {
  return useForm<{ intent: string; reasonCode?: string; reasonText?: string }>({
    id: `decision-${intent}`,
    lastResult: replyFor(intent, lastResult),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
  });
}

export function ApproveForm({ lastResult }: { lastResult: Reply }) {
  const [form] = useDecisionForm("approve", lastResult);
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h3>Approuver</h3>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="approve" />
      <p>Le profil sera publié et la secrétaire prévenue par e-mail.</p>
      <button type="submit">Approuver et publier</button>
    </Form>
  );
}

export function RejectForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useDecisionForm("reject", lastResult);
  const chosen = fields.reasonCode.initialValue;
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h3>Refuser</h3>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="reject" />
      <fieldset aria-describedby={fields.reasonCode.errors?.length ? fields.reasonCode.errorId : undefined}>
        <legend>Motif du refus</legend>
        <div className="stack">
          {rejectionReasons.map((reason) => (
            <label key={reason.value} className="choice">
              <input
                type="radio"
                name={fields.reasonCode.name}
                value={reason.value}
                defaultChecked={chosen === reason.value}
              />
              {reason.label}
            </label>
          ))}
        </div>
        <ErrorList id={fields.reasonCode.errorId} errors={fields.reasonCode.errors} />
      </fieldset>
      <TextareaField
        label="Précisions pour la secrétaire"
        meta={fields.reasonText}
        hint={`Obligatoire si vous choisissez « Autre ». ${reasonHint}`}
        rows={4}
      />
      <button type="submit" className="danger">
        Refuser le profil
      </button>
    </Form>
  );
}

const reasonForms = {
  suspend: {
    title: "Suspendre",
    label: "Motif de la suspension",
    explain: "Le profil disparaîtra des recherches jusqu’à sa réactivation.",
    button: "Suspendre le profil",
    danger: true,
  },
  reinstate: {
    title: "Réactiver",
    label: "Motif de la réactivation",
    explain: "Le profil sera de nouveau publié.",
    button: "Réactiver le profil",
    danger: false,
  },
} as const;

export function ReasonDecisionForm({
  intent,
  lastResult,
}: {
  intent: "suspend" | "reinstate";
  lastResult: Reply;
}) {
  const [form, fields] = useDecisionForm(intent, lastResult);
  const copy = reasonForms[intent];
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h3>{copy.title}</h3>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value={intent} />
      <p>{copy.explain}</p>
      <TextareaField label={copy.label} meta={fields.reasonText} hint={reasonHint} rows={4} />
      <button type="submit" className={copy.danger ? "danger" : undefined}>
        {copy.button}
      </button>
    </Form>
  );
}

/** The decisions open to staff for the profile's current status. */
export function ModerationDecisionForms({ status, lastResult }: { status: string; lastResult: Reply }) {
  if (status === "PENDING_REVIEW") {
    return (
      <div className="grid">
        <ApproveForm lastResult={lastResult} />
        <RejectForm lastResult={lastResult} />
      </div>
    );
  }
  if (status === "PUBLISHED") return <ReasonDecisionForm intent="suspend" lastResult={lastResult} />;
  if (status === "SUSPENDED") return <ReasonDecisionForm intent="reinstate" lastResult={lastResult} />;
  return <p className="muted">Aucune décision à prendre : le profil est « {statusLabel(status)} ».</p>;
}
