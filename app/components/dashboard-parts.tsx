// Building blocks shared by the dashboard's sections: status counts, contract and proposal lists.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ContractLine, ProposalLine, StatusCount } from "#app/domain/dashboards/dashboards.schema";
import { billingModeLabels, type BillingMode } from "#app/domain/profiles/taxonomy";
import { formatDate } from "#app/lib/dates";

export const billingLabel = (mode: string) => billingModeLabels[mode as BillingMode] ?? mode;

/** A section with a heading the landmark is named after. */
export function DashboardSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="card stack" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

export function StatusCounts({ counts, label }: { counts: StatusCount[]; label: string }) {
  if (counts.length === 0) return null;
  return (
    <dl className="grid" aria-label={label}>
      {counts.map((count) => (
        <div key={count.status} className="card">
          <dt className="muted">{count.label}</dt>
          <dd className="stat-value">{count.count}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ContractList({ contracts, empty }: { contracts: ContractLine[]; empty: string }) {
  if (contracts.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="stack">
      {contracts.map((contract) => (
        <li key={contract.id}>
          <Link to={`/contrats/${contract.id}`}>{contract.title}</Link>{" "}
          <span className="muted">
            — {contract.counterpart}, {billingLabel(contract.billingMode).toLowerCase()}, à partir du{" "}
            {formatDate(`${contract.startDate}T12:00:00Z`)}
          </span>{" "}
          <span className="badge">{contract.statusLabel}</span>
        </li>
      ))}
    </ul>
  );
}

export function ProposalList({ proposals, empty }: { proposals: ProposalLine[]; empty: string }) {
  if (proposals.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="stack">
      {proposals.map((proposal) => (
        <li key={proposal.id}>
          <Link to={`/missions/${proposal.missionId}`}>{proposal.missionTitle}</Link>{" "}
          <span className="muted">
            — {proposal.counterpart}, le {formatDate(proposal.sentAt)}
          </span>{" "}
          <span className="badge">{proposal.statusLabel}</span>
        </li>
      ))}
    </ul>
  );
}
