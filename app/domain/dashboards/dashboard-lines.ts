// Row → DTO mappers shared by the business and provider dashboards. Pure.
import { contractStatusLabels, isContractStatus } from "#app/domain/contracts/contract-machine";
import { splitFee } from "#app/domain/contracts/contract-terms";
import {
  isProposalStatus,
  proposalStatusLabels,
  proposalStatuses,
} from "#app/domain/proposals/proposal-machine";
import type { ContractLine, Owed, OwedLine, ProposalLine, StatusCount } from "./dashboards.schema";

type ContractRow = {
  id: string;
  status: string;
  billingMode: string;
  startDate: Date;
  mission: { title: string };
  organization: { name: string };
  agency: { name: string } | null;
  proposal: { bidder: { displayName: string } };
};

/** `side` is who looks: the business sees the provider, the provider sees the business. */
export function contractLine(row: ContractRow, side: "BUSINESS" | "PROVIDER"): ContractLine {
  const provider = row.agency
    ? `${row.agency.name} (${row.proposal.bidder.displayName})`
    : row.proposal.bidder.displayName;
  return {
    id: row.id,
    title: row.mission.title,
    counterpart: side === "BUSINESS" ? provider : row.organization.name,
    status: row.status,
    statusLabel: isContractStatus(row.status) ? contractStatusLabels[row.status] : row.status,
    billingMode: row.billingMode,
    startDate: row.startDate.toISOString().slice(0, 10),
  };
}

export function proposalLine(row: {
  id: string;
  status: string;
  createdAt: Date;
  missionId: string;
  mission: { title: string };
  counterpart: string;
}): ProposalLine {
  return {
    id: row.id,
    missionId: row.missionId,
    missionTitle: row.mission.title,
    counterpart: row.counterpart,
    status: row.status,
    statusLabel: isProposalStatus(row.status) ? proposalStatusLabels[row.status] : row.status,
    sentAt: row.createdAt.toISOString(),
  };
}

/** Counts in the machine's order, statuses without any row left out. */
export function proposalCounts(rows: { status: string; count: number }[]): StatusCount[] {
  return proposalStatuses
    .map((status) => ({
      status,
      label: proposalStatusLabels[status],
      count: rows.find((row) => row.status === status)?.count ?? 0,
    }))
    .filter((row) => row.count > 0);
}

type OwedRow = { contractId: string; status: string; amountCents: number };
type OwedContract = {
  id: string;
  platformFeeBps: number;
  mission: { title: string };
  organization: { name: string };
};

/**
 * Per contract: approved work (nothing is paid yet, so all of it is owed) net of the platform fee
 * at the contract's frozen rate, and what is still in review. The fee is split on each contract's
 * total, as one payout per contract would be.
 */
export function owedSummary(rows: OwedRow[], contracts: OwedContract[]): Owed {
  const sum = (contractId: string, status: string) =>
    rows
      .filter((row) => row.contractId === contractId && row.status === status)
      .reduce((total, row) => total + row.amountCents, 0);
  const lines: OwedLine[] = contracts
    .map((contract) => {
      const approvedCents = sum(contract.id, "APPROVED");
      const { feeCents, payeeCents } = splitFee(approvedCents, contract.platformFeeBps);
      const pending = splitFee(sum(contract.id, "SUBMITTED"), contract.platformFeeBps);
      return {
        contractId: contract.id,
        title: contract.mission.title,
        business: contract.organization.name,
        approvedCents,
        feeCents,
        netCents: payeeCents,
        pendingNetCents: pending.payeeCents,
      };
    })
    .filter((line) => line.approvedCents > 0 || line.pendingNetCents > 0)
    .sort((a, b) => a.title.localeCompare(b.title, "fr"));
  return {
    lines,
    totalNetCents: lines.reduce((total, line) => total + line.netCents, 0),
    totalPendingNetCents: lines.reduce((total, line) => total + line.pendingNetCents, 0),
  };
}
