// The month's entries on /contrats/:id/travail, each tagged with who did it. The business gets a
// checkbox per line ("Valider la sélection"), approve and dispute (with a reason) per line; the
// author gets edit and delete while the business has not approved. No JavaScript needed: the
// checkboxes belong to the selection form through the `form` attribute (forms cannot nest).
import { Form, Link } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { formatMinutes } from "#app/domain/work/work-amounts";
import { workStatusLabels, type WorkStatus } from "#app/domain/work/work-review-machine";
import { formatDate } from "#app/lib/dates";
import { formatEuros } from "#app/lib/money";
import type { FormFeedback } from "./work-log-forms";

export type EntryView = {
  id: string;
  kind: string;
  date: string;
  minutes: number | null;
  taskLabel: string | null;
  quantity: number | null;
  amountCents: number;
  description: string;
  status: string;
  autoApproved: boolean;
  disputeReason: string | null;
  autoApprovesAt: string | null;
  who: { name: string; role: string };
  editable: boolean;
  reviewable: boolean;
};

const day = (iso: string) => formatDate(`${iso}T12:00:00Z`);
const statusLabel = (status: string) => workStatusLabels[status as WorkStatus] ?? status;

export function WorkStatus(props: {
  status: string;
  autoApproved: boolean;
  autoApprovesAt: string | null;
  disputeReason: string | null;
  forBusiness: boolean;
}) {
  return (
    <>
      <span className={props.status === "APPROVED" ? "badge ok" : "badge warn"}>
        {statusLabel(props.status)}
        {props.autoApproved ? " automatiquement" : ""}
      </span>
      {props.autoApprovesAt ? (
        <span className="hint">
          {" "}
          {props.forBusiness
            ? `Validé automatiquement le ${formatDate(props.autoApprovesAt)} si vous ne faites rien.`
            : `Validation automatique le ${formatDate(props.autoApprovesAt)} sans réponse du client.`}
        </span>
      ) : null}
      {props.disputeReason ? (
        <span className="hint"> Motif de la contestation : {props.disputeReason}</span>
      ) : null}
    </>
  );
}

/** Approve, and dispute while the line is SUBMITTED (a disputed line can only be approved now). */
export function ReviewButtons({
  target,
  label,
  status,
  feedback,
}: {
  target: string;
  label: string;
  status: string;
  feedback: FormFeedback;
}) {
  const error =
    feedback?.intent === "dispute" && feedback.entryId === target
      ? (feedback.errors.reason ?? feedback.errors.form)
      : undefined;
  const id = target.replace(":", "-");
  return (
    <div className="stack">
      <Form method="post">
        <AuthenticityTokenInput />
        <input type="hidden" name="target" value={target} />
        <button type="submit" name="intent" value="approve" aria-label={`Valider : ${label}`}>
          Valider
        </button>
      </Form>
      {status !== "SUBMITTED" ? null : (
        <details open={Boolean(error)}>
          <summary>Contester</summary>
          <Form method="post" className="stack">
            <AuthenticityTokenInput />
            <input type="hidden" name="target" value={target} />
            <label htmlFor={`reason-${id}`}>Motif de la contestation</label>
            <textarea
              id={`reason-${id}`}
              name="reason"
              rows={2}
              maxLength={1000}
              required
              aria-describedby={error ? `reason-${id}-error` : undefined}
            />
            {error ? (
              <p id={`reason-${id}-error`} className="field-error">
                {error}
              </p>
            ) : null}
            <button type="submit" name="intent" value="dispute" className="secondary">
              Contester
            </button>
          </Form>
        </details>
      )}
    </div>
  );
}

function AuthorButtons({ entry, editHref }: { entry: EntryView; editHref: string }) {
  return (
    <div className="row">
      <Link to={editHref}>Modifier</Link>
      <Form method="post">
        <AuthenticityTokenInput />
        <input type="hidden" name="entryId" value={entry.id} />
        <button
          type="submit"
          name="intent"
          value="delete"
          className="danger"
          aria-label={`Supprimer la saisie du ${day(entry.date)}`}
        >
          Supprimer
        </button>
      </Form>
    </div>
  );
}

const what = (e: EntryView) =>
  e.kind === "TIME" ? formatMinutes(e.minutes ?? 0) : `${e.taskLabel ?? ""} × ${e.quantity ?? 0}`;

export function WorkEntriesTable(props: {
  entries: EntryView[];
  forBusiness: boolean;
  showWho: boolean;
  editHref: (entryId: string) => string;
  feedback: FormFeedback;
}) {
  const { entries, forBusiness } = props;
  if (entries.length === 0) return <p className="muted">Aucune saisie ce mois-ci.</p>;
  const selectable = entries.some((e) => e.reviewable);
  return (
    <table>
      <thead>
        <tr>
          {selectable ? <th scope="col">Sélection</th> : null}
          <th scope="col">Date</th>
          {props.showWho ? <th scope="col">Par</th> : null}
          <th scope="col">Travail</th>
          <th scope="col">Montant</th>
          <th scope="col">Statut</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            {selectable ? (
              <td>
                {e.reviewable ? (
                  <input
                    type="checkbox"
                    name="entry"
                    value={e.id}
                    form="approve-selection"
                    aria-label={`Sélectionner la saisie du ${day(e.date)} (${e.who.name})`}
                  />
                ) : null}
              </td>
            ) : null}
            <td>{day(e.date)}</td>
            {props.showWho ? (
              <td>
                {e.who.name} <span className="badge">{e.who.role}</span>
              </td>
            ) : null}
            <td>
              {what(e)}
              {e.description ? <span className="hint"> — {e.description}</span> : null}
            </td>
            <td>{formatEuros(e.amountCents)}</td>
            <td>
              <WorkStatus {...e} forBusiness={forBusiness} />
            </td>
            <td>
              {e.editable ? <AuthorButtons entry={e} editHref={props.editHref(e.id)} /> : null}
              {e.reviewable ? (
                <ReviewButtons
                  target={`entry:${e.id}`}
                  label={`${day(e.date)}, ${e.who.name}`}
                  status={e.status}
                  feedback={props.feedback}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ApproveSelectionForm() {
  return (
    <Form method="post" id="approve-selection">
      <AuthenticityTokenInput />
      <button type="submit" name="intent" value="approve-selection">
        Valider la sélection
      </button>
    </Form>
  );
}
