import type { StatusHistoryItem } from "#app/domain/moderation/moderation.schema";
import { formatDateTime } from "#app/lib/dates";
import { statusLabel } from "./moderation-profile-details";

/**
 * Every status change of a profile (or, with `labelOf` and `ownerLabel`, of a mission), newest
 * first, with who made it and why.
 */
export function ModerationStatusHistory({
  history,
  labelOf = statusLabel,
  ownerLabel = "secrétaire",
}: {
  history: StatusHistoryItem[];
  labelOf?: (status: string) => string;
  ownerLabel?: string;
}) {
  return (
    <section className="card stack" aria-labelledby="history-heading">
      <h2 id="history-heading">Historique des statuts</h2>
      {history.length === 0 ? (
        <p className="muted">Aucun changement de statut enregistré.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Changement</th>
              <th scope="col">Par</th>
              <th scope="col">Motif</th>
            </tr>
          </thead>
          <tbody>
            {history.map((item) => (
              <tr key={item.id}>
                <td>{formatDateTime(item.createdAt)}</td>
                <td>
                  {labelOf(item.from)} → {labelOf(item.to)}
                </td>
                <td>
                  {item.actorName}{" "}
                  <span className="muted">({item.actorIsStaff ? "équipe" : ownerLabel})</span>
                </td>
                <td className="pre-wrap">{item.reason ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
