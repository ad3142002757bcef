// The secretary's part of /tableau-de-bord: bids, offers, contracts, the week and what she is owed.
import { Link } from "@remix-run/react";
import type { SecretaryDashboard, WeekPlan, WeekSession } from "#app/domain/dashboards/dashboards.schema";
import { formatDate, formatHour } from "#app/lib/dates";
import { formatEuros } from "#app/lib/money";
import { DashboardOwed } from "./dashboard-owed";
import { ContractList, DashboardSection, Empty, ProposalList, StatusCounts } from "./dashboard-parts";

const weekdayFormat = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});
const dayLabel = (day: string) => weekdayFormat.format(new Date(`${day}T12:00:00Z`));

function sessionLabel(session: WeekSession): string {
  const day = dayLabel(session.day);
  return session.start && session.end
    ? `${day}, ${formatHour(session.start)} – ${formatHour(session.end)}`
    : day;
}

function logged(plan: WeekPlan): string {
  if (plan.billingMode === "FIXED") return "forfait : livrez les jalons depuis le contrat";
  const hours = Math.floor(plan.loggedMinutes / 60);
  const minutes = plan.loggedMinutes % 60;
  const amount =
    plan.billingMode === "HOURLY"
      ? `${hours} h ${String(minutes).padStart(2, "0")}`
      : `${plan.loggedTasks} tâche(s)`;
  return `déjà saisi cette semaine : ${amount} (${formatEuros(plan.loggedCents)})`;
}

function ThisWeek({ week }: { week: SecretaryDashboard["week"] }) {
  return (
    <DashboardSection id="secretaire-semaine" title="À saisir cette semaine">
      <p className="muted">
        Semaine du {formatDate(`${week.monday}T12:00:00Z`)} au {formatDate(`${week.sunday}T12:00:00Z`)}
      </p>
      {week.plans.length === 0 ? (
        <Empty>Aucune séance prévue cette semaine.</Empty>
      ) : (
        <ul className="stack">
          {week.plans.map((plan) => (
            <li key={plan.contractId} className="stack">
              <p>
                <Link to={`/contrats/${plan.contractId}/travail`}>{plan.title}</Link>{" "}
                <span className="muted">
                  — {plan.business}, {logged(plan)}
                </span>
              </p>
              <ul>
                {plan.sessions.map((session) => (
                  <li key={`${session.day}-${session.start ?? ""}`}>{sessionLabel(session)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </DashboardSection>
  );
}

export function DashboardSecretary({ page }: { page: SecretaryDashboard }) {
  return (
    <section className="stack" aria-labelledby="tableau-secretaire">
      <h2 id="tableau-secretaire">Votre activité</h2>
      <ThisWeek week={page.week} />
      <DashboardOwed id="secretaire-du" owed={page.owed} />
      <DashboardSection id="secretaire-propositions" title="Vos propositions">
        <StatusCounts counts={page.proposalCounts} label="Propositions par statut" />
        <ProposalList proposals={page.liveProposals} empty="Aucune proposition en attente de réponse." />
        <p>
          <Link to="/compte/propositions">Toutes mes propositions</Link>
        </p>
      </DashboardSection>
      <DashboardSection id="secretaire-offres" title="Offres reçues">
        <ProposalList proposals={page.offers} empty="Aucune offre en attente de votre réponse." />
      </DashboardSection>
      <DashboardSection id="secretaire-a-accepter" title="Contrats à accepter">
        <ContractList contracts={page.contractsToAccept} empty="Aucun contrat n’attend votre accord." />
      </DashboardSection>
      <DashboardSection id="secretaire-contrats" title="Contrats en cours">
        <ContractList contracts={page.activeContracts} empty="Aucun contrat en cours." />
        <p>
          <Link to="/contrats">Tous mes contrats</Link>
        </p>
      </DashboardSection>
    </section>
  );
}
