// What /tableau-de-bord shows, as plain DTOs built on the server (dates as ISO strings, money in
// cents). Client-safe: the page components import these types only.

export type StatusCount = { status: string; label: string; count: number };

export type MissionLine = { id: string; title: string; status: string; statusLabel: string };

export type ProposalsToReview = {
  missionId: string;
  missionTitle: string;
  submitted: number;
  shortlisted: number;
};

export type ProposalLine = {
  id: string;
  missionId: string;
  missionTitle: string;
  /** The business (for a bidder) or the secretary (for the business). */
  counterpart: string;
  status: string;
  statusLabel: string;
  sentAt: string;
};

export type ContractLine = {
  id: string;
  title: string;
  counterpart: string;
  status: string;
  statusLabel: string;
  billingMode: string;
  startDate: string;
};

export type WorkToApprove = {
  contractId: string;
  title: string;
  provider: string;
  entries: number;
  milestones: number;
  amountCents: number;
  /** The first submitted item is approved automatically at this instant if nobody acts. */
  autoApprovalAt: string;
};

export type BusinessDashboard = {
  organizations: { id: string; name: string }[];
  missionCounts: StatusCount[];
  currentMissions: MissionLine[];
  proposalsToReview: ProposalsToReview[];
  offersAwaiting: ProposalLine[];
  contractsToAccept: ContractLine[];
  activeContracts: ContractLine[];
  workToApprove: WorkToApprove[];
};

export type WeekSession = { day: string; start: string | null; end: string | null };

export type WeekPlan = {
  contractId: string;
  title: string;
  business: string;
  billingMode: string;
  sessions: WeekSession[];
  loggedMinutes: number;
  loggedTasks: number;
  loggedCents: number;
};

export type OwedLine = {
  contractId: string;
  title: string;
  business: string;
  /** Approved work, before and after the platform fee. */
  approvedCents: number;
  feeCents: number;
  netCents: number;
  /** Submitted work still in review, after the fee. */
  pendingNetCents: number;
};

export type Owed = { lines: OwedLine[]; totalNetCents: number; totalPendingNetCents: number };

export type SecretaryDashboard = {
  proposalCounts: StatusCount[];
  liveProposals: ProposalLine[];
  offers: ProposalLine[];
  contractsToAccept: ContractLine[];
  activeContracts: ContractLine[];
  week: { monday: string; sunday: string; plans: WeekPlan[] };
  owed: Owed;
};

export type MemberWork = {
  userId: string;
  name: string;
  submittedCents: number;
  approvedCents: number;
  entries: number;
};

export type AgencyDashboard = {
  agency: { id: string; name: string };
  proposalCounts: StatusCount[];
  liveProposals: ProposalLine[];
  offers: ProposalLine[];
  contractsToAccept: ContractLine[];
  activeContracts: ContractLine[];
  members: MemberWork[];
  owed: Owed;
};

export type Dashboard = {
  displayName: string;
  business: BusinessDashboard | null;
  secretary: SecretaryDashboard | null;
  agency: AgencyDashboard | null;
  staff: boolean;
};
