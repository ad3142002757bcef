import type { ContractPage } from "#app/domain/contracts/contract-page.server";
import { formatDateTime } from "#app/lib/dates";

/** Every status change, oldest first, with who did it and why. */
export function ContractHistory({ history }: { history: ContractPage["history"] }) {
  return (
    <section className="card stack" aria-labelledby="historique">
      <h2 id="historique">Historique</h2>
      <ol className="stack">
        {history.map((change) => (
          <li key={change.id}>
            {formatDateTime(change.at)} —{" "}
            {change.from ? `${change.from} → ${change.to}` : `Contrat créé (${change.to.toLowerCase()})`}, par{" "}
            {change.actorName}
            {change.reason ? <span className="pre-line"> : « {change.reason} »</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
