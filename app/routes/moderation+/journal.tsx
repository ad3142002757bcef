import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "#app/auth/session.server";
import { ModerationJournalTable } from "#app/components/moderation-journal-table";
import {
  auditActionLabels,
  parseJournalQuery,
  type JournalQuery,
} from "#app/domain/moderation/moderation.schema";
import { getJournal } from "#app/domain/moderation/moderation.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Journal des actions — Modération — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await handle(() => requireStaff(request));
  const parsed = parseJournalQuery(new URL(request.url).searchParams);
  if (!parsed.success) return toResponse(new DomainError("VALIDATION", parsed.error.issues[0]!.message));
  return handle(() => getJournal({ actor: staff, query: parsed.data }));
}

function pageLink(query: JournalQuery, page: number) {
  const params = new URLSearchParams();
  if (query.action) params.set("action", query.action);
  if (query.actor) params.set("actor", query.actor);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/moderation/journal${search ? `?${search}` : ""}`;
}

export default function Journal() {
  const { entries, total, pageCount, options, query } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Journal des actions</h1>
      <p className="lead">
        Chaque action de l’équipe y est inscrite avec son auteur et son motif. Le journal ne peut être ni
        modifié ni effacé.
      </p>
      <Form method="get" className="card row" aria-label="Filtrer le journal">
        <div className="field">
          <label htmlFor="journal-action">Action</label>
          <select id="journal-action" name="action" defaultValue={query.action ?? ""}>
            <option value="">Toutes les actions</option>
            {options.actions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabels[action] ?? action}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="journal-actor">Membre de l’équipe</label>
          <select id="journal-actor" name="actor" defaultValue={query.actor ?? ""}>
            <option value="">Toute l’équipe</option>
            {options.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name} ({actor.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field field-action">
          <button type="submit">Filtrer</button>
        </div>
      </Form>
      <p role="status" className="muted">
        {total === 0 ? "Aucune action enregistrée" : `${total} action${total > 1 ? "s" : ""}`}
        {query.action || query.actor ? " pour ces filtres. " : ". "}
        {query.action || query.actor ? <Link to="/moderation/journal">Voir tout le journal</Link> : null}
      </p>
      {entries.length > 0 ? <ModerationJournalTable entries={entries} /> : null}
      {pageCount > 1 ? (
        <nav aria-label="Pages du journal" className="row">
          {query.page > 1 ? <Link to={pageLink(query, query.page - 1)}>← Plus récentes</Link> : null}
          <span>
            Page {query.page} sur {pageCount}
          </span>
          {query.page < pageCount ? <Link to={pageLink(query, query.page + 1)}>Plus anciennes →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
