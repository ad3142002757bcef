// The agency owner's part of /tableau-de-bord: the agency's bids, contracts and members' work.
import { Link } from "@remix-run/react";
import type { AgencyDashboard } from "#app/domain/dashboards/dashboards.schema";
import { formatEuros } from "#app/lib/money";
import { DashboardOwed } from "./dashboard-owed";
import { ContractList, DashboardSection, Empty, ProposalList, StatusCounts } from "./dashboard-parts";

function Members({ page }: { page: AgencyDashboard }) {
  return (
    <DashboardSection id="agence-membres" title="Travail des membres">
      {page.members.length === 0 ? (
        <Empty>Aucun travail saisi par vos membres.</Empty>
      ) : (
        <ul className="stack">
          {page.members.map((member) => (
            <li key={member.userId}>
              {member.name}{" "}
              <span className="muted">
                — {member.entries} saisie(s) : {formatEuros(member.approvedCents)} validés,{" "}
                {formatEuros(member.submittedCents)} en validation
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/agence/equipe">Mon équipe</Link>
      </p>
    </DashboardSection>
  );
}

export function DashboardAgency({ page }: { page: AgencyDashboard }) {
  return (
    <section className="stack" aria-labelledby="tableau-agence">
      <h2 id="tableau-agence">{page.agency.name}</h2>
      <DashboardSection id="agence-propositions" title="Propositions de l’agence">
        <StatusCounts counts={page.proposalCounts} label="Propositions de l’agence par statut" />
        <ProposalList proposals={page.liveProposals} empty="Aucune proposition en attente de réponse." />
      </DashboardSection>
      <DashboardSection id="agence-offres" title="Offres reçues">
        <ProposalList proposals={page.offers} empty="Aucune offre en attente de réponse." />
      </DashboardSection>
      <DashboardSection id="agence-a-accepter" title="Contrats à accepter">
        <ContractList contracts={page.contractsToAccept} empty="Aucun contrat n’attend votre accord." />
      </DashboardSection>
      <DashboardSection id="agence-contrats" title="Contrats en cours">
        <ContractList contracts={page.activeContracts} empty="Aucun contrat en cours." />
      </DashboardSection>
      <Members page={page} />
      <DashboardOwed id="agence-du" owed={page.owed} />
    </section>
  );
}
