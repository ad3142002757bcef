// The seed is built as a plan (plain rows, no database) and then inserted, so the plan can be
// compared between runs and checked by tests without touching SQLite.
import type { MissionStatus } from "#app/domain/missions/mission-machine";
import type { ScheduleType, TaskLine, TimeWindow, WorkMode } from "#app/domain/missions/mission-columns";
import type { BillingMode, Language, Sector, Skill, Software, TaskType } from "#app/domain/profiles/taxonomy";
import type {
  AssigneeRow,
  ContractRow,
  HistoryRow,
  MilestoneRow,
  PledgeRow,
  ProposalRow,
  WorkEntryRow,
} from "./marketplace-types";

export type { AssigneeRow, ContractRow, HistoryRow, MilestoneRow, PledgeRow, ProposalRow, WorkEntryRow };

export type UserKind = "BUSINESS" | "SECRETARY" | "AGENCY_OWNER" | "STAFF";

/** The password hash is added at insert time: argon2 salts make it differ on every run. */
export type UserRow = {
  id: string;
  email: string;
  displayName: string;
  kind: UserKind;
  role: "USER" | "MODERATOR" | "ADMIN";
  emailVerifiedAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

export type OrganizationRow = {
  id: string;
  kind: "BUSINESS" | "AGENCY";
  name: string;
  legalName: string;
  siret: string;
  vatNumber: string | null;
  sector: Sector;
  addressLine: string;
  postcode: string;
  commune: string;
  inseeCode: string;
  latitude: number;
  longitude: number;
  slug: string;
  createdAt: Date;
  updatedAt: Date;
};

export type MembershipRow = {
  id: string;
  userId: string;
  organizationId: string;
  role: "OWNER" | "MEMBER";
  createdAt: Date;
};

export type AvailabilitySlot = { day: number; start: string; end: string };
export type TaskPrice = { task: TaskType; unitPriceCents: number };
export type SeededStatus = "DRAFT" | "PENDING_REVIEW" | "PUBLISHED" | "REJECTED";

export type ProfileRow = {
  id: string;
  userId: string;
  agencyId: string | null;
  slug: string;
  status: SeededStatus;
  headline: string;
  bio: string;
  skills: Skill[];
  sectors: Sector[];
  software: Software[];
  languages: Language[];
  yearsExperience: number;
  hourlyRateCents: number | null;
  taskPrices: TaskPrice[];
  billingModes: BillingMode[];
  remote: boolean;
  onSite: boolean;
  basePostcode: string;
  baseCommune: string;
  baseInseeCode: string;
  baseLatitude: number;
  baseLongitude: number;
  radiusKm: number | null;
  availability: AvailabilitySlot[];
  availableFrom: Date | null;
  verified: boolean;
  ratingAverage: number | null;
  ratingCount: number;
  submittedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type StatusChangeRow = {
  id: string;
  profileId: string;
  from: SeededStatus;
  to: SeededStatus;
  actorId: string;
  reason: string | null;
  createdAt: Date;
};

/** Every status; FILLED only for the missions of the seeded contracts (see demo-contracts.ts). */
export type SeededMissionStatus = MissionStatus;

export type MissionRow = {
  id: string;
  organizationId: string;
  createdById: string;
  status: SeededMissionStatus;
  title: string;
  description: string;
  skills: Skill[];
  sector: Sector | null;
  languages: Language[];
  billingMode: BillingMode;
  taskLines: TaskLine[];
  maxHourlyRateCents: number | null;
  expectedHours: number | null;
  expectedHoursPer: "WEEK" | "MONTH" | null;
  fixedAmountCents: number | null;
  deliverables: string | null;
  scheduleType: ScheduleType;
  startDate: Date;
  endDate: Date | null;
  rrule: string | null;
  timeWindows: TimeWindow[];
  handoverNotes: string | null;
  callScript: string | null;
  urgentRouting: string | null;
  toolsToUse: string | null;
  workMode: WorkMode;
  postcode: string | null;
  commune: string | null;
  inseeCode: string | null;
  latitude: number | null;
  longitude: number | null;
  medicalSecrecy: boolean;
  visibility: "PUBLIC" | "INVITE_ONLY";
  proposalDeadline: Date | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type MissionStatusChangeRow = {
  id: string;
  missionId: string;
  from: MissionStatus;
  to: MissionStatus;
  /** null for SYSTEM transitions (the worker expiring a mission). */
  actorId: string | null;
  reason: string | null;
  createdAt: Date;
};

/** The legal identity a payee's invoices carry (payments): a secretary's or an agency's. */
export type InvoicingIdentityRow = {
  id: string;
  userId: string | null;
  organizationId: string | null;
  legalName: string;
  siret: string;
  vatNumber: string | null;
  vatExempt: boolean;
  addressLine: string;
  postcode: string;
  commune: string;
  createdAt: Date;
  updatedAt: Date;
};

export type SeedPlan = {
  users: UserRow[];
  organizations: OrganizationRow[];
  memberships: MembershipRow[];
  profiles: ProfileRow[];
  statusChanges: StatusChangeRow[];
  missions: MissionRow[];
  missionStatusChanges: MissionStatusChangeRow[];
  proposals: ProposalRow[];
  proposalStatusChanges: (HistoryRow & { proposalId: string })[];
  contracts: ContractRow[];
  contractStatusChanges: (HistoryRow & { contractId: string })[];
  assignees: AssigneeRow[];
  workEntries: WorkEntryRow[];
  milestones: MilestoneRow[];
  pledges: PledgeRow[];
  invoicingIdentities: InvoicingIdentityRow[];
};

export const emptyPlan = (): SeedPlan => ({
  users: [],
  organizations: [],
  memberships: [],
  profiles: [],
  statusChanges: [],
  missions: [],
  missionStatusChanges: [],
  proposals: [],
  proposalStatusChanges: [],
  contracts: [],
  contractStatusChanges: [],
  assignees: [],
  workEntries: [],
  milestones: [],
  pledges: [],
  invoicingIdentities: [],
});
