// The business's dashboard: its missions, the bids to review, offers and contracts waiting for an
// answer, and the work to approve before it is approved automatically.
import { isMissionStatus, missionStatusLabels, missionStatuses } from "#app/domain/missions/mission-machine";
import { contractLine, proposalLine } from "./dashboard-lines";
import {
  countMissionsByStatus,
  findBusinessContracts,
  findCurrentMissions,
  findOffersAwaiting,
  findOpenMissionsWithLiveBids,
  sumWorkToApprove,
} from "./dashboards.repo.server";
import type { BusinessDashboard, WorkToApprove } from "./dashboards.schema";

const DAY = 86_400_000;
const label = (status: string) => (isMissionStatus(status) ? missionStatusLabels[status] : status);

async function workToApprove(organizationIds: string[]): Promise<WorkToApprove[]> {
  const { entries, milestones, contracts } = await sumWorkToApprove(organizationIds);
  return contracts
    .map((contract) => {
      const entry = entries.find((row) => row.contractId === contract.id);
      const milestone = milestones.find((row) => row.contractId === contract.id);
      const firsts = [entry?._min.submittedAt, milestone?._min.submittedAt].filter((d): d is Date => !!d);
      const first = Math.min(...firsts.map((date) => date.getTime()));
      return {
        contractId: contract.id,
        title: contract.mission.title,
        provider: contractLine(contract, "BUSINESS").counterpart,
        entries: entry?._count._all ?? 0,
        milestones: milestone?._count._all ?? 0,
        amountCents: (entry?._sum.amountCents ?? 0) + (milestone?._sum.amountCents ?? 0),
        autoApprovalAt: new Date(first + contract.reviewWindowDays * DAY).toISOString(),
      };
    })
    .sort((a, b) => a.autoApprovalAt.localeCompare(b.autoApprovalAt));
}

export async function loadBusinessDashboard(
  organizations: { id: string; name: string }[],
): Promise<BusinessDashboard> {
  const ids = organizations.map((organization) => organization.id);
  const [counts, current, open, offers, contracts, work] = await Promise.all([
    countMissionsByStatus(ids),
    findCurrentMissions(ids),
    findOpenMissionsWithLiveBids(ids),
    findOffersAwaiting(ids),
    findBusinessContracts(ids),
    workToApprove(ids),
  ]);
  return {
    organizations,
    missionCounts: missionStatuses
      .map((status) => ({
        status,
        label: label(status),
        count: counts.find((c) => c.status === status)?.count ?? 0,
      }))
      .filter((row) => row.count > 0),
    currentMissions: current.map((m) => ({ ...m, statusLabel: label(m.status) })),
    proposalsToReview: open
      .map((m) => ({
        missionId: m.id,
        missionTitle: m.title,
        submitted: m.proposals.filter((p) => p.status === "SUBMITTED").length,
        shortlisted: m.proposals.filter((p) => p.status === "SHORTLISTED").length,
      }))
      .filter((m) => m.submitted + m.shortlisted > 0),
    offersAwaiting: offers.map((offer) => proposalLine({ ...offer, counterpart: offer.bidder.displayName })),
    contractsToAccept: contracts.toAccept.map((row) => contractLine(row, "BUSINESS")),
    activeContracts: contracts.ongoing.map((row) => contractLine(row, "BUSINESS")),
    workToApprove: work,
  };
}
