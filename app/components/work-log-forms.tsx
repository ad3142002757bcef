// The assignee's log forms on /contrats/:id/travail: time (HOURLY), one quantity per task type of
// the contract (PER_TASK). Plain posts: they work without JavaScript.
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { formatEuros, formatRate } from "#app/lib/money";

export type FormFeedback = { intent: string; entryId?: string; errors: Record<string, string> } | undefined;

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

function FormError({ message }: { message?: string }) {
  return message ? (
    <div className="form-error" role="alert">
      <p>{message}</p>
    </div>
  ) : null;
}

type TimeDefaults = { id: string; date: string; minutes: number | null; description: string };

export function TimeEntryForm(props: {
  rateCents: number | null;
  today: string;
  feedback: FormFeedback;
  editing?: TimeDefaults | null;
}) {
  const { editing, today } = props;
  const intent = editing ? "edit-time" : "log-time";
  const errors = props.feedback?.intent === intent ? props.feedback.errors : {};
  const prefix = editing ? "edit" : "log";
  return (
    <Form method="post" className="card stack" aria-labelledby={`${prefix}-time-title`}>
      <h2 id={`${prefix}-time-title`}>{editing ? "Modifier la saisie" : "Saisir du temps"}</h2>
      {props.rateCents !== null ? (
        <p className="hint">Taux du contrat : {formatRate(props.rateCents)}</p>
      ) : null}
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value={intent} />
      {editing ? <input type="hidden" name="entryId" value={editing.id} /> : null}
      <FormError message={errors.form} />
      <div className="field">
        <label htmlFor={`${prefix}-date`}>Date</label>
        <input
          id={`${prefix}-date`}
          name="date"
          type="date"
          required
          max={today}
          defaultValue={editing?.date ?? today}
          aria-describedby={errors.date ? `${prefix}-date-error` : undefined}
        />
        <FieldError id={`${prefix}-date-error`} message={errors.date} />
      </div>
      <fieldset aria-describedby={errors.minutes ? `${prefix}-duration-error` : undefined}>
        <legend>Durée</legend>
        <div className="row">
          <label>
            Heures{" "}
            <input
              name="hours"
              type="number"
              min={0}
              max={24}
              inputMode="numeric"
              defaultValue={editing?.minutes != null ? Math.floor(editing.minutes / 60) : ""}
            />
          </label>
          <label>
            Minutes{" "}
            <input
              name="minutes"
              type="number"
              min={0}
              max={59}
              inputMode="numeric"
              defaultValue={editing?.minutes != null ? editing.minutes % 60 : ""}
            />
          </label>
        </div>
        <FieldError id={`${prefix}-duration-error`} message={errors.minutes} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${prefix}-description`}>Travail effectué</label>
        <textarea
          id={`${prefix}-description`}
          name="description"
          rows={3}
          maxLength={1000}
          required
          defaultValue={editing?.description ?? ""}
          aria-describedby={errors.description ? `${prefix}-description-error` : undefined}
        />
        <FieldError id={`${prefix}-description-error`} message={errors.description} />
      </div>
      <button type="submit">{editing ? "Enregistrer la modification" : "Enregistrer"}</button>
    </Form>
  );
}

type TaskPrice = { task: string; label: string; unitPriceCents: number };
type TaskDefaults = {
  id: string;
  date: string;
  taskLabel: string | null;
  quantity: number | null;
  description: string;
};

export function TaskEntryForm(props: { taskPrices: TaskPrice[]; today: string; feedback: FormFeedback }) {
  const errors = props.feedback?.intent === "log-tasks" ? props.feedback.errors : {};
  const lineError = errors.lines ?? Object.entries(errors).find(([k]) => k.startsWith("quantity."))?.[1];
  return (
    <Form method="post" className="card stack" aria-labelledby="log-tasks-title">
      <h2 id="log-tasks-title">Saisir des tâches</h2>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="log-tasks" />
      <FormError message={errors.form} />
      <div className="field">
        <label htmlFor="tasks-date">Date</label>
        <input
          id="tasks-date"
          name="date"
          type="date"
          required
          max={props.today}
          defaultValue={props.today}
        />
        <FieldError id="tasks-date-error" message={errors.date} />
      </div>
      <fieldset aria-describedby={lineError ? "tasks-lines-error" : undefined}>
        <legend>Quantités (laissez vide ce que vous n’avez pas fait)</legend>
        {props.taskPrices.map((p) => (
          <div className="field" key={p.task}>
            <label htmlFor={`quantity-${p.task}`}>
              {p.label} <span className="muted">({formatEuros(p.unitPriceCents)} l’unité)</span>
            </label>
            <input
              id={`quantity-${p.task}`}
              name={`quantity.${p.task}`}
              type="number"
              min={1}
              max={10000}
              inputMode="numeric"
            />
          </div>
        ))}
        <FieldError id="tasks-lines-error" message={lineError} />
      </fieldset>
      <div className="field">
        <label htmlFor="tasks-note">Note (facultative)</label>
        <textarea id="tasks-note" name="note" rows={2} maxLength={1000} />
        <FieldError id="tasks-note-error" message={errors.note} />
      </div>
      <button type="submit">Enregistrer</button>
    </Form>
  );
}

export function TaskEditForm(props: { editing: TaskDefaults; today: string; feedback: FormFeedback }) {
  const { editing } = props;
  const errors = props.feedback?.intent === "edit-task" ? props.feedback.errors : {};
  return (
    <Form method="post" className="card stack" aria-labelledby="edit-task-title">
      <h2 id="edit-task-title">Modifier la saisie : {editing.taskLabel}</h2>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="edit-task" />
      <input type="hidden" name="entryId" value={editing.id} />
      <FormError message={errors.form} />
      <div className="field">
        <label htmlFor="edit-task-date">Date</label>
        <input
          id="edit-task-date"
          name="date"
          type="date"
          required
          max={props.today}
          defaultValue={editing.date}
        />
        <FieldError id="edit-task-date-error" message={errors.date} />
      </div>
      <div className="field">
        <label htmlFor="edit-task-quantity">Quantité</label>
        <input
          id="edit-task-quantity"
          name="quantity"
          type="number"
          min={1}
          max={10000}
          required
          defaultValue={editing.quantity ?? ""}
        />
        <FieldError id="edit-task-quantity-error" message={errors.quantity} />
      </div>
      <div className="field">
        <label htmlFor="edit-task-note">Note (facultative)</label>
        <textarea
          id="edit-task-note"
          name="note"
          rows={2}
          maxLength={1000}
          defaultValue={editing.description}
        />
      </div>
      <button type="submit">Enregistrer la modification</button>
    </Form>
  );
}
