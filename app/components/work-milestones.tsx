// A FIXED contract's milestones on /contrats/:id/travail: "Marquer comme livré" for assignees,
// approve or dispute for the business.
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { formatDate } from "#app/lib/dates";
import { formatEuros } from "#app/lib/money";
import type { FormFeedback } from "./work-log-forms";
import { ReviewButtons, WorkStatus } from "./work-entries-table";

export type MilestoneView = {
  id: string;
  title: string;
  amountCents: number;
  dueDate: string | null;
  status: string;
  deliveryNote: string | null;
  disputeReason: string | null;
  autoApproved: boolean;
  autoApprovesAt: string | null;
  who: { name: string; role: string } | null;
  submittable: boolean;
  reviewable: boolean;
};

function DeliverForm({ milestone, feedback }: { milestone: MilestoneView; feedback: FormFeedback }) {
  const error =
    feedback?.intent === "deliver" && feedback.entryId === milestone.id
      ? Object.values(feedback.errors)[0]
      : undefined;
  return (
    <Form method="post" className="stack">
      <AuthenticityTokenInput />
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <label htmlFor={`note-${milestone.id}`}>Note de livraison (facultative)</label>
      <textarea id={`note-${milestone.id}`} name="deliveryNote" rows={2} maxLength={2000} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" name="intent" value="deliver">
        Marquer comme livré
      </button>
    </Form>
  );
}

export function WorkMilestones(props: {
  milestones: MilestoneView[];
  forBusiness: boolean;
  feedback: FormFeedback;
}) {
  return (
    <section className="stack" aria-labelledby="milestones-title">
      <h2 id="milestones-title">Jalons du forfait</h2>
      <ol className="stack">
        {props.milestones.map((m) => (
          <li key={m.id} className="card stack">
            <h3>
              {m.title} — {formatEuros(m.amountCents)}
            </h3>
            {m.dueDate ? <p>Échéance : {formatDate(`${m.dueDate}T12:00:00Z`)}</p> : null}
            <p>
              <WorkStatus {...m} forBusiness={props.forBusiness} />
            </p>
            {m.who ? (
              <p className="hint">
                Livré par {m.who.name} ({m.who.role})
              </p>
            ) : null}
            {m.deliveryNote ? <p>Note de livraison : {m.deliveryNote}</p> : null}
            {m.submittable ? <DeliverForm milestone={m} feedback={props.feedback} /> : null}
            {m.reviewable ? (
              <ReviewButtons
                target={`milestone:${m.id}`}
                label={m.title}
                status={m.status}
                feedback={props.feedback}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
