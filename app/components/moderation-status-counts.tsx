import type { StatusCounts } from "#app/domain/moderation/moderation.schema";

const items: { status: keyof StatusCounts; label: string }[] = [
  { status: "PENDING_REVIEW", label: "En attente" },
  { status: "PUBLISHED", label: "Publiés" },
  { status: "REJECTED", label: "Refusés" },
  { status: "SUSPENDED", label: "Suspendus" },
];

/** The four profile counts at the top of the moderation queue. */
export function ModerationStatusCounts({ counts }: { counts: StatusCounts }) {
  return (
    <dl className="grid" aria-label="Profils par statut">
      {items.map((item) => (
        <div key={item.status} className="card">
          <dt className="muted">{item.label}</dt>
          <dd className="stat-value">{counts[item.status]}</dd>
        </div>
      ))}
    </dl>
  );
}
