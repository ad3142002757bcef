// The business's part of /tableau-de-bord.
import { Link } from "@remix-run/react";
import type { BusinessDashboard } from "#app/domain/dashboards/dashboards.schema";
import { formatDateTime } from "#app/lib/dates";
import { formatEuros } from "#app/lib/money";
import { ContractList, DashboardSection, Empty, ProposalList, StatusCounts } from "./dashboard-parts";

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

function Missions({ page }: { page: BusinessDashboard }) {
  return (
    <DashboardSection id="entreprise-missions" title="Vos missions">
      <StatusCounts counts={page.missionCounts} label="Missions par statut" />
      {page.currentMissions.length === 0 ? (
        <Empty>Aucune mission en préparation ni ouverte.</Empty>
      ) : (
        <ul className="stack">
          {page.currentMissions.map((mission) => (
            <li key={mission.id}>
              <Link to={`/missions/${mission.id}`}>{mission.title}</Link>{" "}
              <span className="badge">{mission.statusLabel}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="row">
        <Link className="button" to="/missions/nouvelle">
          Publier une mission
        </Link>
        <Link to="/compte/missions">Toutes mes missions</Link>
      </p>
    </DashboardSection>
  );
}

function ProposalsToReview({ page }: { page: BusinessDashboard }) {
  return (
    <DashboardSection id="entreprise-propositions" title="Propositions à examiner">
      {page.proposalsToReview.length === 0 ? (
        <Empty>Aucune proposition en attente sur vos missions ouvertes.</Empty>
      ) : (
        <ul className="stack">
          {page.proposalsToReview.map((item) => (
            <li key={item.missionId}>
              <Link to={`/missions/${item.missionId}/propositions`}>{item.missionTitle}</Link>{" "}
              <span className="muted">
                — {plural(item.submitted, "nouvelle", "nouvelles")},{" "}
                {plural(item.shortlisted, "présélectionnée", "présélectionnées")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </DashboardSection>
  );
}

function WorkToApprove({ page }: { page: BusinessDashboard }) {
  return (
    <DashboardSection id="entreprise-travail" title="Travail à valider">
      {page.workToApprove.length === 0 ? (
        <Empty>Rien à valider pour le moment.</Empty>
      ) : (
        <ul className="stack">
          {page.workToApprove.map((item) => (
            <li key={item.contractId}>
              <Link to={`/contrats/${item.contractId}/travail`}>{item.title}</Link>{" "}
              <span className="muted">
                — {item.provider} : {plural(item.entries + item.milestones, "élément", "éléments")} pour{" "}
                {formatEuros(item.amountCents)}, validation automatique le{" "}
                {formatDateTime(item.autoApprovalAt)} sans réponse de votre part
              </span>
            </li>
          ))}
        </ul>
      )}
    </DashboardSection>
  );
}

export function DashboardBusiness({ page }: { page: BusinessDashboard }) {
  return (
    <section className="stack" aria-labelledby="tableau-entreprise">
      <h2 id="tableau-entreprise">{page.organizations.map((o) => o.name).join(", ")}</h2>
      <Missions page={page} />
      <ProposalsToReview page={page} />
      <DashboardSection id="entreprise-offres" title="Offres envoyées en attente de réponse">
        <ProposalList proposals={page.offersAwaiting} empty="Aucune offre en attente." />
      </DashboardSection>
      <DashboardSection id="entreprise-a-accepter" title="Contrats à accepter">
        <ContractList contracts={page.contractsToAccept} empty="Aucun contrat n’attend votre accord." />
      </DashboardSection>
      <DashboardSection id="entreprise-contrats" title="Contrats en cours">
        <ContractList contracts={page.activeContracts} empty="Aucun contrat en cours." />
        <p>
          <Link to="/contrats">Tous mes contrats</Link>
        </p>
      </DashboardSection>
      <WorkToApprove page={page} />
    </section>
  );
}
