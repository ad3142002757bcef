// The body of a mission page: budget, schedule, place, languages, confidentiality, instructions.
import { Link, useLocation } from "@remix-run/react";
import { pledgeLink } from "#app/domain/confidentiality/pledge-text";
import { MEDICAL_SECRECY_NOTICE } from "#app/domain/missions/mission-labels";
import { workModeLabels, type WorkMode } from "#app/domain/missions/mission-columns";
import { languageLabels, sectorLabels, skillLabels, type Sector } from "#app/domain/profiles/taxonomy";
import { formatDate, formatDateTime, formatHour } from "#app/lib/dates";

type TaskRow = { task: string; label: string; unitPrice: string; volume: number; total: string };
type Details = {
  mission: {
    description: string;
    skills: (keyof typeof skillLabels)[];
    sector: string | null;
    languages: (keyof typeof languageLabels)[];
    deliverables: string | null;
    workMode: string;
    commune: string | null;
    medicalSecrecy: boolean;
    proposalDeadline: string | null;
    handoverNotes: string | null;
    callScript: string | null;
    urgentRouting: string | null;
    toolsToUse: string | null;
    scheduleType: string;
  };
  budget: string;
  taskRows: TaskRow[];
  schedule: string;
  nextSessions: { start: string; end: string }[];
  instructions: boolean;
  /** Medical secrecy and no signed pledge: the description is withheld (mission-access.server.ts). */
  descriptionHidden?: boolean;
};

/** "8 h 30" from an instant, in Paris time (formatDateTime gives "… à 08:30"). */
const timeOf = (iso: string) => formatHour(formatDateTime(iso).split(" à ")[1] ?? "");

export function MissionBudget({
  budget,
  taskRows,
  deliverables,
}: {
  budget: string;
  taskRows: TaskRow[];
  deliverables: string | null;
}) {
  return (
    <section className="card stack" aria-labelledby="budget">
      <h2 id="budget">Budget</h2>
      <p>{budget}</p>
      {taskRows.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Tâche</th>
              <th scope="col">Prix unitaire</th>
              <th scope="col">Volume par mois</th>
              <th scope="col">Total mensuel</th>
            </tr>
          </thead>
          <tbody>
            {taskRows.map((row) => (
              <tr key={row.task}>
                <td>{row.label}</td>
                <td>{row.unitPrice}</td>
                <td>{row.volume}</td>
                <td>{row.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {deliverables ? <p style={{ whiteSpace: "pre-line" }}>Livrables : {deliverables}</p> : null}
    </section>
  );
}

export function MissionSchedule({
  schedule,
  nextSessions,
}: {
  schedule: string;
  nextSessions: Details["nextSessions"];
}) {
  return (
    <section className="card stack" aria-labelledby="calendrier">
      <h2 id="calendrier">Calendrier</h2>
      <p>{schedule}</p>
      {nextSessions.length ? (
        <>
          <h3>Prochaines séances</h3>
          <ul>
            {nextSessions.map((s) => (
              <li key={s.start}>
                {formatDate(s.start)}, {timeOf(s.start)} – {timeOf(s.end)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Instructions({ mission }: { mission: Details["mission"] }) {
  const items = [
    ["Consignes de passation", mission.handoverNotes],
    ["Script d’appel", mission.callScript],
    ["Appels urgents", mission.urgentRouting],
    ["Outils à utiliser", mission.toolsToUse],
  ] as const;
  return (
    <section className="card stack" aria-labelledby="consignes">
      <h2 id="consignes">Fiche de consignes du remplacement</h2>
      <p className="muted">
        Visible seulement par votre entreprise ; la secrétaire retenue la verra une fois le contrat signé.
      </p>
      <dl>
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd style={{ whiteSpace: "pre-line" }}>{value || "Non renseigné"}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function HiddenDescription() {
  const location = useLocation();
  return (
    <p className="notice" role="status">
      Cette mission est soumise au secret médical : sa description est réservée aux secrétaires qui ont signé
      l’engagement de confidentialité.{" "}
      <Link to={pledgeLink(location.pathname)}>Lire et signer l’engagement</Link>
    </p>
  );
}

export function MissionDetails(props: Details) {
  const { mission } = props;
  return (
    <>
      {mission.medicalSecrecy ? (
        <p className="notice warning" role="status">
          {MEDICAL_SECRECY_NOTICE} La secrétaire retenue signera un engagement de confidentialité.
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="description">
        <h2 id="description">Description</h2>
        {props.descriptionHidden ? (
          <HiddenDescription />
        ) : (
          <p style={{ whiteSpace: "pre-line" }}>{mission.description}</p>
        )}
        <h3>Compétences</h3>
        <ul className="tags">
          {mission.skills.map((s) => (
            <li key={s} className="badge">
              {skillLabels[s]}
            </li>
          ))}
        </ul>
        <dl>
          <dt>Secteur</dt>
          <dd>
            {mission.sector ? (sectorLabels[mission.sector as Sector] ?? "Non précisé") : "Non précisé"}
          </dd>
          <dt>Langues</dt>
          <dd>{mission.languages.map((l) => languageLabels[l]).join(", ")}</dd>
          <dt>Lieu</dt>
          <dd>
            {workModeLabels[mission.workMode as WorkMode] ?? mission.workMode}
            {mission.workMode !== "REMOTE" && mission.commune ? ` — ${mission.commune}` : ""}
          </dd>
          <dt>Date limite des propositions</dt>
          <dd>{mission.proposalDeadline ? formatDate(`${mission.proposalDeadline}T12:00:00Z`) : "Aucune"}</dd>
        </dl>
      </section>
      <MissionBudget budget={props.budget} taskRows={props.taskRows} deliverables={mission.deliverables} />
      <MissionSchedule schedule={props.schedule} nextSessions={props.nextSessions} />
      {props.instructions && mission.scheduleType === "REPLACEMENT" ? (
        <Instructions mission={mission} />
      ) : null}
    </>
  );
}
