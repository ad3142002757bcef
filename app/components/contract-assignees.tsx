import { Form, Link } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { ContractPage } from "#app/domain/contracts/contract-page.server";
import { formatDate } from "#app/lib/dates";

const day = (isoDay: string) => formatDate(`${isoDay}T12:00:00Z`);
type Assignee = ContractPage["assignees"][number];

function Name({ assignee }: { assignee: Assignee }) {
  return assignee.profileSlug ? (
    <Link to={`/secretaires/${assignee.profileSlug}`}>{assignee.name}</Link>
  ) : (
    <>{assignee.name}</>
  );
}

/** Who works on the contract, replacement periods included (cancelled ones stay listed, marked). */
export function ContractAssigneesList({
  assignees,
  cancelAction,
}: {
  assignees: ContractPage["assignees"];
  /** Where the cancel buttons post (the replacements page). */
  cancelAction?: string;
}) {
  return (
    <ul className="stack">
      {assignees.map((a) => (
        <li key={a.id}>
          <Name assignee={a} /> — {a.roleLabel}
          {a.role === "REPLACEMENT" && a.startsOn && a.endsOn ? (
            <>
              {" "}
              de {a.replacesName ?? "?"}, du {day(a.startsOn)} au {day(a.endsOn)}
            </>
          ) : null}{" "}
          {a.cancelled ? <span className="badge">annulé</span> : null}
          {a.mayCancel && cancelAction ? (
            <Form method="post" action={cancelAction} className="row">
              <AuthenticityTokenInput />
              <input type="hidden" name="replacementId" value={a.id} />
              <button type="submit" name="intent" value="cancel" className="secondary">
                Annuler ce remplacement
              </button>
            </Form>
          ) : null}
        </li>
      ))}
      {assignees.length === 0 ? <li className="muted">Personne n’est affecté à ce contrat.</li> : null}
    </ul>
  );
}
