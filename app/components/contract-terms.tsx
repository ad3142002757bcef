import { workModeLabels, type WorkMode } from "#app/domain/missions/mission-columns";
import type { ContractPage } from "#app/domain/contracts/contract-page.server";
import { formatEuros } from "#app/lib/money";
import { formatDate } from "#app/lib/dates";

const day = (isoDay: string) => formatDate(`${isoDay}T12:00:00Z`);

/** The frozen terms as both sides read them before accepting: nothing here follows later edits. */
export function ContractTermsSection({
  terms,
  milestones,
}: {
  terms: ContractPage["terms"];
  milestones: ContractPage["milestones"];
}) {
  const business = [terms.business.legalName, terms.business.siret ? `SIRET ${terms.business.siret}` : null]
    .filter(Boolean)
    .join(", ");
  return (
    <section className="card stack" aria-labelledby="conditions">
      <h2 id="conditions">Conditions du contrat</h2>
      <dl className="stack">
        <div>
          <dt>Entreprise</dt>
          <dd>
            {terms.business.name}
            {business ? <span className="muted"> ({business})</span> : null}
          </dd>
        </div>
        <div>
          <dt>Prestataire</dt>
          <dd>
            {terms.provider.displayName}
            {terms.provider.agencyName ? ` pour ${terms.provider.agencyName}` : ""}
          </dd>
        </div>
        <div>
          <dt>Mission</dt>
          <dd>
            {terms.missionTitle}
            <p className="pre-line muted">{terms.description}</p>
          </dd>
        </div>
        <div>
          <dt>Calendrier</dt>
          <dd>
            {terms.schedule}. Début du travail : {day(terms.startDate)}.
          </dd>
        </div>
        <div>
          <dt>Lieu</dt>
          <dd>
            {workModeLabels[terms.workMode as WorkMode] ?? terms.workMode}
            {terms.commune ? ` — ${terms.commune}` : ""}
          </dd>
        </div>
        <div>
          <dt>Facturation : {terms.billingMode.toLowerCase()}</dt>
          <dd>
            <ul>
              {terms.prices.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Commission</dt>
          <dd>{terms.fee}</dd>
        </div>
        <div>
          <dt>Relecture du travail</dt>
          <dd>
            L’entreprise dispose de {terms.reviewWindowDays} jours pour approuver ou contester chaque saisie ;
            passé ce délai, elle est approuvée automatiquement.
          </dd>
        </div>
      </dl>
      {terms.medicalSecrecy ? (
        <p className="notice warning">
          Secret médical : un engagement de confidentialité s’applique à ce contrat.
        </p>
      ) : null}
      {milestones.length > 0 ? <MilestoneTable milestones={milestones} /> : null}
    </section>
  );
}

function MilestoneTable({ milestones }: { milestones: ContractPage["milestones"] }) {
  return (
    <table>
      <caption>Jalons du forfait</caption>
      <thead>
        <tr>
          <th scope="col">Jalon</th>
          <th scope="col">Montant</th>
          <th scope="col">Échéance</th>
        </tr>
      </thead>
      <tbody>
        {milestones.map((m) => (
          <tr key={m.id}>
            <td>{m.title}</td>
            <td>{formatEuros(m.amountCents)}</td>
            <td>{m.dueDate ? day(m.dueDate) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
