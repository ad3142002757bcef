import { Link } from "@remix-run/react";
import { auditActionLabels, type JournalEntry } from "#app/domain/moderation/moderation.schema";
import { formatDateTime } from "#app/lib/dates";
import { statusLabel } from "./moderation-profile-details";

/** {status: "PUBLISHED"} reads "Publié"; anything else is shown as compact JSON. */
function describeState(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries
      .map(([key, v]) =>
        key === "status" && typeof v === "string" ? statusLabel(v) : `${key} : ${JSON.stringify(v)}`,
      )
      .join(", ");
  }
  return JSON.stringify(value);
}

function Target({ entry }: { entry: JournalEntry }) {
  if (entry.targetType === "SecretaryProfile") {
    return <Link to={`/moderation/profils/${entry.targetId}`}>Profil {entry.targetId}</Link>;
  }
  return (
    <>
      {entry.targetType} {entry.targetId}
    </>
  );
}

export function ModerationJournalTable({ entries }: { entries: JournalEntry[] }) {
  return (
    <table>
      <caption className="muted">Actions de l’équipe, les plus récentes d’abord</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Auteur</th>
          <th scope="col">Action</th>
          <th scope="col">Cible</th>
          <th scope="col">Avant → après</th>
          <th scope="col">Motif</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{formatDateTime(entry.createdAt)}</td>
            <td>{entry.actorName}</td>
            <td>{auditActionLabels[entry.action] ?? entry.action}</td>
            <td>
              <Target entry={entry} />
            </td>
            <td>
              {describeState(entry.before)} → {describeState(entry.after)}
            </td>
            <td className="pre-wrap">{entry.reason ?? <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
