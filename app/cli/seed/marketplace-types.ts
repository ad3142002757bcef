// Rows of the marketplace loop in the seed plan: proposals, contracts, assignees, work entries,
// milestones and confidentiality pledges, in the shape of their tables (JSON columns as values).
import type { ContractTerms } from "#app/domain/contracts/contract-terms";
import type { BillingMode, TaskType } from "#app/domain/profiles/taxonomy";
import type { TaskPrice } from "./plan-types";

export type ProposalRow = {
  id: string;
  missionId: string;
  origin: "BID" | "OFFER";
  bidderKey: string;
  bidderUserId: string;
  agencyId: string | null;
  memberIds: string[];
  status: "SUBMITTED" | "SHORTLISTED" | "ACCEPTED" | "DECLINED" | "WITHDRAWN" | "EXPIRED";
  /** true while SUBMITTED or SHORTLISTED, null afterwards (the unique index's trick). */
  live: true | null;
  coverLetter: string;
  hourlyRateCents: number | null;
  taskPrices: TaskPrice[];
  fixedAmountCents: number | null;
  milestones: { title: string; amountCents: number; dueDate: string | null }[];
  startDate: Date;
  availabilityConfirmed: boolean;
  decisionMessage: string | null;
  createdById: string;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Proposal and contract history rows share this shape (`from` "" for a contract's creation). */
export type HistoryRow = {
  id: string;
  from: string;
  to: string;
  actorId: string | null;
  reason: string | null;
  createdAt: Date;
};

export type ContractRow = {
  id: string;
  missionId: string;
  proposalId: string;
  organizationId: string;
  agencyId: string | null;
  providerUserId: string;
  status: "PENDING" | "ACTIVE" | "PAUSED" | "COMPLETED" | "CANCELLED" | "DISPUTED";
  billingMode: BillingMode;
  terms: ContractTermsRow;
  hourlyRateCents: number | null;
  taskPrices: TaskPrice[];
  fixedAmountCents: number | null;
  platformFeeBps: number;
  reviewWindowDays: number;
  startDate: Date;
  endDate: Date | null;
  businessAcceptedAt: Date | null;
  businessAcceptedById: string | null;
  providerAcceptedAt: Date | null;
  providerAcceptedById: string | null;
  mandateAcceptedAt: Date | null;
  activatedAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The frozen snapshot, as app/domain/contracts/contract-terms.ts parses it. */
export type ContractTermsRow = ContractTerms;

export type AssigneeRow = {
  id: string;
  contractId: string;
  userId: string;
  role: "PRIMARY" | "MEMBER" | "REPLACEMENT";
  startsOn: Date | null;
  endsOn: Date | null;
  replacesId: string | null;
  createdById: string;
  cancelledAt: Date | null;
  createdAt: Date;
};

export type WorkEntryRow = {
  id: string;
  contractId: string;
  assigneeId: string;
  kind: "TIME" | "TASK";
  workDate: Date;
  minutes: number | null;
  taskType: TaskType | null;
  quantity: number | null;
  unitPriceCents: number;
  amountCents: number;
  description: string;
  status: "SUBMITTED" | "APPROVED" | "DISPUTED";
  submittedAt: Date;
  reviewedAt: Date | null;
  reviewedById: string | null;
  autoApproved: boolean;
  disputeReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type MilestoneRow = {
  id: string;
  contractId: string;
  position: number;
  title: string;
  amountCents: number;
  dueDate: Date | null;
  status: "PLANNED" | "SUBMITTED" | "APPROVED" | "DISPUTED";
  submittedById: string | null;
  submittedAt: Date | null;
  deliveryNote: string | null;
  reviewedAt: Date | null;
  reviewedById: string | null;
  autoApproved: boolean;
  disputeReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type PledgeRow = { id: string; userId: string; version: string; fullName: string; acceptedAt: Date };
