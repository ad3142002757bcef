// The "Poser une question" form: on the mission page for a would-be bidder, and again on
// /messages/question when a question was refused. Posts to /messages/question.
import { Form, useRouteLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";

export function AskQuestionForm({
  missionId,
  clientId,
  error,
}: {
  missionId: string;
  clientId: string;
  error?: string;
}) {
  return (
    <Form
      method="post"
      action={`/messages/question?mission=${encodeURIComponent(missionId)}`}
      className="form"
    >
      <AuthenticityTokenInput />
      <input type="hidden" name="missionId" value={missionId} />
      <input type="hidden" name="clientId" value={clientId} />
      <div className="field">
        <label htmlFor="question-body">Votre question à l’entreprise</label>
        <textarea
          id="question-body"
          name="body"
          rows={4}
          maxLength={5000}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "question-error" : "question-hint"}
        />
        <span id="question-hint" className="hint">
          Avant le contrat, vos coordonnées sont masquées pour l’entreprise.
        </span>
      </div>
      {error ? (
        <p id="question-error" className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit">Envoyer la question</button>
    </Form>
  );
}

/** The disclosure shown on a mission page to someone who may bid. */
export function AskQuestionSection({ missionId, clientId }: { missionId: string; clientId: string }) {
  // Only those who could bid (a secretary, an agency) ask; a business or staff member does not.
  const root = useRouteLoaderData<{ user: { kind: string } | null }>("root");
  if (root?.user?.kind !== "SECRETARY" && root?.user?.kind !== "AGENCY_OWNER") return null;
  return (
    <details className="card">
      <summary>Poser une question</summary>
      <p className="muted">
        Une question sur la mission avant de proposer vos services ? L’entreprise vous répond dans la
        messagerie.
      </p>
      <AskQuestionForm missionId={missionId} clientId={clientId} />
    </details>
  );
}
