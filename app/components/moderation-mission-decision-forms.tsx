// The two staff decisions on a mission waiting for review; the reply belongs to the form posted.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { TextareaField } from "#app/components/forms";
import {
  missionDecisionSchema,
  type MissionDecisionIntent,
} from "#app/domain/moderation/mission-review.schema";
import { REASON_MAX_TEXT } from "#app/domain/moderation/moderation.schema";
import { missionStatusLabel } from "./moderation-mission-details";

type Reply = SubmissionResult<string[]> | undefined;

function replyFor(intent: MissionDecisionIntent, lastResult: Reply): Reply {
  const posted = (lastResult?.initialValue as Record<string, unknown> | undefined)?.intent;
  return posted === intent ? lastResult : undefined;
}

function useMissionDecisionForm(intent: MissionDecisionIntent, lastResult: Reply) {
  return useForm<{ intent: string; reasonText?: string }>({
    id: `mission-decision-${intent}`,
    lastResult: replyFor(intent, lastResult),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: missionDecisionSchema }),
  });
}

function ApproveMissionForm({ lastResult }: { lastResult: Reply }) {
  const [form] = useMissionDecisionForm("approve", lastResult);
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h3>Approuver</h3>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="approve" />
      <p>La mission sera ouverte aux propositions et l’entreprise prévenue par e-mail.</p>
      <button type="submit">Approuver et publier</button>
    </Form>
  );
}

function RequestChangesForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useMissionDecisionForm("request-changes", lastResult);
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h3>Demander des modifications</h3>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="request-changes" />
      <p>La mission repasse en brouillon ; l’entreprise la corrige puis la renvoie en validation.</p>
      <TextareaField
        label="Ce que l’entreprise doit modifier"
        meta={fields.reasonText}
        hint={`Obligatoire, ${REASON_MAX_TEXT} caractères au plus. L’entreprise lira ce texte.`}
        rows={4}
      />
      <button type="submit" className="secondary">
        Renvoyer pour modification
      </button>
    </Form>
  );
}

export function MissionDecisionForms({ status, lastResult }: { status: string; lastResult: Reply }) {
  if (status !== "PENDING_REVIEW") {
    return (
      <p className="muted">Aucune décision à prendre : la mission est « {missionStatusLabel(status)} ».</p>
    );
  }
  return (
    <div className="grid">
      <ApproveMissionForm lastResult={lastResult} />
      <RequestChangesForm lastResult={lastResult} />
    </div>
  );
}
