// "Ce qui vous est dû": approved work not yet paid, after the platform fee, per contract.
import { Link } from "@remix-run/react";
import type { Owed } from "#app/domain/dashboards/dashboards.schema";
import { formatEuros } from "#app/lib/money";
import { DashboardSection, Empty } from "./dashboard-parts";

export function DashboardOwed({ id, owed }: { id: string; owed: Owed }) {
  return (
    <DashboardSection id={id} title="Ce qui vous est dû">
      {owed.lines.length === 0 ? (
        <Empty>Aucun travail validé ni en cours de validation.</Empty>
      ) : (
        <>
          <p>
            <strong>{formatEuros(owed.totalNetCents)}</strong> de travail validé, après la commission de la
            plateforme, et {formatEuros(owed.totalPendingNetCents)} en cours de validation.
          </p>
          <table>
            <caption className="visually-hidden">Montants dus par contrat</caption>
            <thead>
              <tr>
                <th scope="col">Contrat</th>
                <th scope="col">Validé</th>
                <th scope="col">Commission</th>
                <th scope="col">Net dû</th>
                <th scope="col">En validation (net)</th>
              </tr>
            </thead>
            <tbody>
              {owed.lines.map((line) => (
                <tr key={line.contractId}>
                  <th scope="row">
                    <Link to={`/contrats/${line.contractId}`}>{line.title}</Link>
                    <br />
                    <span className="muted">{line.business}</span>
                  </th>
                  <td>{formatEuros(line.approvedCents)}</td>
                  <td>{formatEuros(line.feeCents)}</td>
                  <td>{formatEuros(line.netCents)}</td>
                  <td>{formatEuros(line.pendingNetCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </DashboardSection>
  );
}
