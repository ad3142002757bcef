// The providers' dashboards: an independent secretary (her bids, offers, contracts, the week's
// sessions to log and what she is owed) and an agency (its bids, contracts and members' work).
import { contractTermsSchema } from "#app/domain/contracts/contract-terms";
import { contractLine, owedSummary, proposalCounts, proposalLine } from "./dashboard-lines";
import { dayDate, parisWeek, weekSessions } from "./dashboard-week";
import type { AgencyDashboard, MemberWork, SecretaryDashboard, WeekPlan } from "./dashboards.schema";
import {
  findActiveAssignments,
  findProviderContracts,
  findProviderProposals,
  sumLoggedBetween,
  sumMembersWork,
  sumOwedWork,
  type ProviderScope,
} from "./provider-dashboard.repo.server";

async function providerLists(scope: ProviderScope) {
  const [proposals, contracts, owed] = await Promise.all([
    findProviderProposals(scope),
    findProviderContracts(scope),
    sumOwedWork(scope),
  ]);
  const byBusiness = (row: (typeof proposals.live)[number]) =>
    proposalLine({ ...row, counterpart: row.mission.organization.name });
  return {
    proposalCounts: proposalCounts(proposals.counts),
    liveProposals: proposals.live.map(byBusiness),
    offers: proposals.offers.map(byBusiness),
    contractsToAccept: contracts.toAccept.map((row) => contractLine(row, "PROVIDER")),
    activeContracts: contracts.ongoing.map((row) => contractLine(row, "PROVIDER")),
    owed: owedSummary(owed.rows, owed.contracts),
  };
}

/** Each ACTIVE contract she may work on this week, its sessions and what she already logged. */
async function thisWeek(userId: string, now: Date): Promise<SecretaryDashboard["week"]> {
  const week = parisWeek(now);
  const contracts = await findActiveAssignments(userId);
  const plans = contracts.flatMap((contract) => {
    // A snapshot that no longer parses is shown nowhere rather than guessed at.
    const terms = contractTermsSchema.safeParse(contract.terms);
    if (!terms.success) return [];
    const sessions = weekSessions({ ...contract, terms: terms.data }, userId, week);
    return sessions.length > 0 ? [{ contract, sessions }] : [];
  });
  const logged = await sumLoggedBetween(
    userId,
    plans.map((plan) => plan.contract.id),
    dayDate(week.monday),
    dayDate(week.sunday),
  );
  return {
    monday: week.monday,
    sunday: week.sunday,
    plans: plans.map(({ contract, sessions }): WeekPlan => {
      const done = logged.find((row) => row.contractId === contract.id);
      return {
        contractId: contract.id,
        title: contract.mission.title,
        business: contract.organization.name,
        billingMode: contract.billingMode,
        sessions,
        loggedMinutes: done?.minutes ?? 0,
        loggedTasks: done?.quantity ?? 0,
        loggedCents: done?.amountCents ?? 0,
      };
    }),
  };
}

export async function loadSecretaryDashboard(userId: string, now: Date): Promise<SecretaryDashboard> {
  const [lists, week] = await Promise.all([
    providerLists({ kind: "SECRETARY", userId }),
    thisWeek(userId, now),
  ]);
  return { ...lists, week };
}

async function membersWork(agencyId: string): Promise<MemberWork[]> {
  const { rows, assignees } = await sumMembersWork(agencyId);
  const members = new Map<string, MemberWork>();
  for (const row of rows) {
    const assignee = assignees.find((a) => a.id === row.assigneeId);
    if (!assignee) continue;
    const member = members.get(assignee.userId) ?? {
      userId: assignee.userId,
      name: assignee.user.displayName,
      submittedCents: 0,
      approvedCents: 0,
      entries: 0,
    };
    const amount = row._sum.amountCents ?? 0;
    if (row.status === "SUBMITTED") member.submittedCents += amount;
    if (row.status === "APPROVED") member.approvedCents += amount;
    member.entries += row._count._all;
    members.set(assignee.userId, member);
  }
  return [...members.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

export async function loadAgencyDashboard(agency: { id: string; name: string }): Promise<AgencyDashboard> {
  const [lists, members] = await Promise.all([
    providerLists({ kind: "AGENCY", agencyId: agency.id }),
    membersWork(agency.id),
  ]);
  return { agency, ...lists, members };
}
