// Parts of /contrats/:id/travail: the month and person filters (a GET form) and the log form that
// fits the contract's billing mode, or the edit form of the entry named by ?modifier.
import { Form, Link } from "@remix-run/react";
import type { WorkPage } from "#app/domain/work/work-page.server";
import { TaskEditForm, TaskEntryForm, TimeEntryForm, type FormFeedback } from "./work-log-forms";

/** Links between weeks, or to this week from a month; the person filter is kept. */
function WeekLinks({ page }: { page: WorkPage }) {
  const href = (week: string | null) => {
    const query = new URLSearchParams(week ? { semaine: week } : { mois: page.month });
    if (page.assigneeFilter && page.viewer.seesEveryone) query.set("personne", page.assigneeFilter);
    return `?${query}`;
  };
  if (!page.week) return <Link to={href(page.thisWeek)}>Cette semaine</Link>;
  return (
    <p className="row">
      <Link to={href(page.week.previous)}>Semaine précédente</Link>
      <Link to={href(page.week.next)}>Semaine suivante</Link>
      <Link to={href(null)}>Tout le mois</Link>
    </p>
  );
}

export function Filters({ page }: { page: WorkPage }) {
  return (
    <>
      <WeekLinks page={page} />
      <Form method="get" className="row" aria-label="Filtrer les saisies">
        <div className="field">
          <label htmlFor="mois">Mois (AAAA-MM)</label>
          <input id="mois" name="mois" type="month" defaultValue={page.month} />
        </div>
        {page.people.length > 0 ? (
          <div className="field">
            <label htmlFor="personne">Secrétaire</label>
            <select id="personne" name="personne" defaultValue={page.assigneeFilter ?? ""}>
              <option value="">Toutes</option>
              {page.people.map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.name} ({p.role})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="secondary">
          Afficher
        </button>
      </Form>
    </>
  );
}

export function LogSection({ page, feedback }: { page: WorkPage; feedback: FormFeedback }) {
  const { contract, editing } = page;
  if (editing?.kind === "TIME")
    return (
      <TimeEntryForm
        rateCents={contract.hourlyRateCents}
        today={page.today}
        feedback={feedback}
        editing={editing}
      />
    );
  if (editing?.kind === "TASK")
    return <TaskEditForm editing={editing} today={page.today} feedback={feedback} />;
  if (!page.viewer.canLog) return null;
  if (contract.billingMode === "HOURLY")
    return <TimeEntryForm rateCents={contract.hourlyRateCents} today={page.today} feedback={feedback} />;
  if (contract.billingMode === "PER_TASK")
    return <TaskEntryForm taskPrices={contract.taskPrices} today={page.today} feedback={feedback} />;
  return null;
}
