// A mission as staff review it: everything the business wrote, the private replacement sheet
// included (secretaries only see it once hired, but staff must check it now), and the business.
import type { MissionForReview } from "#app/domain/moderation/mission-review.repo.server";
import {
  expectedHoursPerLabels,
  scheduleTypeLabels,
  visibilityLabels,
  workModeLabels,
} from "#app/domain/missions/mission-columns";
import { budgetSummary, scheduleSummary } from "#app/domain/missions/mission-labels";
import { isMissionStatus, missionStatusLabels } from "#app/domain/missions/mission-machine";
import {
  billingModeLabels,
  languageLabels,
  sectorLabels,
  skillLabels,
  taskTypeLabels,
} from "#app/domain/profiles/taxonomy";
import { formatDate } from "#app/lib/dates";
import { formatEuros, formatRate } from "#app/lib/money";
import { Tags } from "./moderation-profile-details";

type Props = { mission: MissionForReview };
// Mission days are stored at 00:00 UTC; the schedule helpers take them as "AAAA-MM-JJ".
const isoDay = (date: Date | string) => new Date(date).toISOString().slice(0, 10);
const labelOf = (labels: Record<string, string>, code: string | null) =>
  code ? (labels[code] ?? code) : null;
const none = <span className="muted">Non renseigné</span>;

export function missionStatusLabel(status: string): string {
  return isMissionStatus(status) ? missionStatusLabels[status] : status;
}

function Text({ value }: { value: string | null }) {
  return value ? <span className="pre-wrap">{value}</span> : none;
}

function Pricing({ mission }: Props) {
  return (
    <section className="card stack" aria-labelledby="mission-pricing">
      <h2 id="mission-pricing">Rémunération</h2>
      <p>{budgetSummary(mission)}</p>
      <dl>
        <dt>Mode</dt>
        <dd>{labelOf(billingModeLabels, mission.billingMode)}</dd>
        {mission.billingMode === "HOURLY" ? (
          <>
            <dt>Tarif horaire maximum</dt>
            <dd>{mission.maxHourlyRateCents !== null ? formatRate(mission.maxHourlyRateCents) : none}</dd>
            <dt>Volume prévu</dt>
            <dd>
              {mission.expectedHours !== null
                ? `${mission.expectedHours} h ${labelOf(expectedHoursPerLabels, mission.expectedHoursPer) ?? ""}`
                : none}
            </dd>
          </>
        ) : null}
        {mission.billingMode === "FIXED" ? (
          <>
            <dt>Forfait</dt>
            <dd>{mission.fixedAmountCents !== null ? formatEuros(mission.fixedAmountCents) : none}</dd>
            <dt>Livrables</dt>
            <dd>
              <Text value={mission.deliverables} />
            </dd>
          </>
        ) : null}
      </dl>
      {mission.billingMode === "PER_TASK" ? (
        <table>
          <caption className="muted">Tâches et volumes mensuels</caption>
          <thead>
            <tr>
              <th scope="col">Tâche</th>
              <th scope="col">Prix unitaire</th>
              <th scope="col">Volume par mois</th>
            </tr>
          </thead>
          <tbody>
            {mission.taskLines.map((line) => (
              <tr key={line.task}>
                <td>{taskTypeLabels[line.task]}</td>
                <td>{formatEuros(line.unitPriceCents)}</td>
                <td>{line.monthlyVolume}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function Schedule({ mission }: Props) {
  return (
    <section className="card stack" aria-labelledby="mission-schedule">
      <h2 id="mission-schedule">Calendrier et lieu</h2>
      <dl>
        <dt>Type</dt>
        <dd>{labelOf(scheduleTypeLabels, mission.scheduleType)}</dd>
        <dt>Début</dt>
        <dd>{formatDate(mission.startDate)}</dd>
        <dt>Fin</dt>
        <dd>{mission.endDate ? formatDate(mission.endDate) : none}</dd>
        {mission.rrule ? (
          <>
            <dt>Récurrence</dt>
            <dd>
              {scheduleSummary({
                ...mission,
                startDate: isoDay(mission.startDate),
                endDate: mission.endDate ? isoDay(mission.endDate) : null,
              })}
            </dd>
          </>
        ) : null}
        {mission.timeWindows.length > 0 ? (
          <>
            <dt>Plages horaires</dt>
            <dd>{mission.timeWindows.map((w) => `${w.start}–${w.end}`).join(", ")}</dd>
          </>
        ) : null}
        <dt>Mode de travail</dt>
        <dd>{labelOf(workModeLabels, mission.workMode)}</dd>
        <dt>Lieu</dt>
        <dd>{mission.postcode ? `${mission.postcode} ${mission.commune ?? ""}` : none}</dd>
        <dt>Date limite des propositions</dt>
        <dd>{mission.proposalDeadline ? formatDate(mission.proposalDeadline) : none}</dd>
      </dl>
    </section>
  );
}

function ReplacementSheet({ mission }: Props) {
  return (
    <section className="card stack" aria-labelledby="mission-sheet">
      <h2 id="mission-sheet">Fiche de consignes (remplacement)</h2>
      <p className="muted">Communiquée à la secrétaire retenue seulement ; jamais publiée.</p>
      <dl>
        <dt>Notes de passation</dt>
        <dd>
          <Text value={mission.handoverNotes} />
        </dd>
        <dt>Script d’appel</dt>
        <dd>
          <Text value={mission.callScript} />
        </dd>
        <dt>Urgences : à qui transmettre</dt>
        <dd>
          <Text value={mission.urgentRouting} />
        </dd>
        <dt>Outils à utiliser</dt>
        <dd>
          <Text value={mission.toolsToUse} />
        </dd>
      </dl>
    </section>
  );
}

export function ModerationMissionDetails({ mission }: Props) {
  return (
    <>
      <section className="card stack" aria-labelledby="mission-heading">
        <h2 id="mission-heading">Mission</h2>
        <p className="pre-wrap">{mission.description}</p>
        <dl>
          <dt>Compétences</dt>
          <dd>
            <Tags values={mission.skills} labels={skillLabels} />
          </dd>
          <dt>Secteur</dt>
          <dd>{labelOf(sectorLabels, mission.sector) ?? none}</dd>
          <dt>Langues</dt>
          <dd>
            <Tags values={mission.languages} labels={languageLabels} />
          </dd>
          <dt>Secret médical</dt>
          <dd>{mission.medicalSecrecy ? "Oui" : "Non"}</dd>
          <dt>Visibilité</dt>
          <dd>{labelOf(visibilityLabels, mission.visibility)}</dd>
        </dl>
      </section>
      <Pricing mission={mission} />
      <Schedule mission={mission} />
      {mission.scheduleType === "REPLACEMENT" || mission.handoverNotes || mission.callScript ? (
        <ReplacementSheet mission={mission} />
      ) : null}
    </>
  );
}

export function ModerationMissionBusiness({ mission }: Props) {
  const { organization: org, createdBy } = mission;
  return (
    <section className="card stack" aria-labelledby="business-heading">
      <h2 id="business-heading">Entreprise</h2>
      <dl>
        <dt>Nom</dt>
        <dd>{org.name}</dd>
        <dt>Raison sociale</dt>
        <dd>{org.legalName ?? none}</dd>
        <dt>SIRET</dt>
        <dd>{org.siret ?? none}</dd>
        <dt>TVA</dt>
        <dd>{org.vatNumber ?? none}</dd>
        <dt>Secteur</dt>
        <dd>{labelOf(sectorLabels, org.sector) ?? none}</dd>
        <dt>Adresse</dt>
        <dd>
          {org.postcode
            ? [org.addressLine, `${org.postcode} ${org.commune ?? ""}`].filter(Boolean).join(", ")
            : none}
        </dd>
        <dt>Inscrite le</dt>
        <dd>{formatDate(org.createdAt)}</dd>
        <dt>Mission rédigée par</dt>
        <dd>
          {createdBy.displayName} ({createdBy.email})
        </dd>
      </dl>
    </section>
  );
}
