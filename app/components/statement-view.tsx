// One month's statement: per person, the approved lines, subtotal, platform fee and net owed; then
// the contract's totals and what is still waiting for review. Printable as is (no controls inside).
import { formatMinutes } from "#app/domain/work/work-amounts";
import type { MonthlyStatement, StatementLine, StatementPayee } from "#app/domain/work/statement";
import { assigneeRoleLabels, type AssigneeRole } from "#app/domain/contracts/contract-assignees";
import { formatFeeRate } from "#app/domain/contracts/contract-terms";
import { formatDate } from "#app/lib/dates";
import { formatEuros, formatRate } from "#app/lib/money";

type Labels = Record<string, string>;

function describe(line: StatementLine, labels: Labels) {
  if (line.kind === "TIME")
    return {
      what: line.description,
      qty: formatMinutes(line.minutes ?? 0),
      unit: formatRate(line.unitPriceCents),
    };
  if (line.kind === "TASK")
    return {
      what: `${labels[line.item ?? ""] ?? line.item}${line.description ? ` — ${line.description}` : ""}`,
      qty: String(line.quantity),
      unit: formatEuros(line.unitPriceCents),
    };
  return { what: `Jalon : ${line.item}`, qty: "1", unit: formatEuros(line.unitPriceCents) };
}

function PayeeSection({
  payee,
  labels,
  feeRate,
}: {
  payee: StatementPayee;
  labels: Labels;
  feeRate: string;
}) {
  const roles = payee.roles.map((r) => assigneeRoleLabels[r as AssigneeRole] ?? r).join(", ");
  const id = `payee-${payee.userId}`;
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>
        {payee.displayName} <span className="badge">{roles}</span>
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Travail</th>
            <th scope="col">Durée / quantité</th>
            <th scope="col">Prix unitaire</th>
            <th scope="col">Montant</th>
          </tr>
        </thead>
        <tbody>
          {payee.lines.map((line) => {
            const d = describe(line, labels);
            return (
              <tr key={line.sourceId}>
                <td>{formatDate(`${line.date}T12:00:00Z`)}</td>
                <td>
                  {d.what}
                  {line.autoApproved ? <span className="hint"> (validé automatiquement)</span> : null}
                </td>
                <td>{d.qty}</td>
                <td>{d.unit}</td>
                <td>{formatEuros(line.amountCents)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl>
        <dt>Sous-total</dt>
        <dd>{formatEuros(payee.subtotalCents)}</dd>
        <dt>Frais de service Permanence ({feeRate})</dt>
        <dd>− {formatEuros(payee.feeCents)}</dd>
        <dt>Net dû à {payee.displayName}</dt>
        <dd>
          <strong>{formatEuros(payee.netCents)}</strong>
        </dd>
      </dl>
    </section>
  );
}

export function StatementView({ statement, labels }: { statement: MonthlyStatement; labels: Labels }) {
  const feeRate = formatFeeRate(statement.platformFeeBps);
  return (
    <div className="stack">
      {statement.payees.length === 0 ? <p className="muted">Aucun travail validé ce mois-ci.</p> : null}
      {statement.payees.map((payee) => (
        <PayeeSection key={payee.userId} payee={payee} labels={labels} feeRate={feeRate} />
      ))}
      <section className="card stack" aria-labelledby="totals-title">
        <h2 id="totals-title">Total du contrat</h2>
        <dl>
          <dt>Travail validé</dt>
          <dd>{formatEuros(statement.totals.amountCents)}</dd>
          <dt>Frais de service ({feeRate})</dt>
          <dd>− {formatEuros(statement.totals.feeCents)}</dd>
          <dt>Net dû aux secrétaires</dt>
          <dd>
            <strong>{formatEuros(statement.totals.netCents)}</strong>
          </dd>
        </dl>
        {statement.pending.count > 0 ? (
          <p>
            En attente de validation : {statement.pending.count} ligne{statement.pending.count > 1 ? "s" : ""}{" "}
            pour {formatEuros(statement.pending.amountCents)} (pas encore dû).
          </p>
        ) : null}
        {statement.disputed.count > 0 ? (
          <p>
            Contesté : {statement.disputed.count} ligne{statement.disputed.count > 1 ? "s" : ""} pour{" "}
            {formatEuros(statement.disputed.amountCents)} (pas dû tant que ce n’est pas réglé).
          </p>
        ) : null}
      </section>
    </div>
  );
}
