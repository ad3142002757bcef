// One seeded contract: the accepted proposal it came from, the contract with its frozen terms
// (built by the contracts domain's own snapshot function, so they parse exactly as the app's), its
// history as the contract machine would write it, and its assignees.
import { checkContractTransition, type ContractEvent } from "#app/domain/contracts/contract-machine";
import { buildContractTerms } from "#app/domain/contracts/contract-snapshot";
import { checkProposalTransition } from "#app/domain/proposals/proposal-machine";
import { addHours, type SeedContext } from "./context";
import type { ContractMission } from "./contract-missions";
import type { AssigneeRow, ContractRow, HistoryRow, SeedPlan, TaskPrice } from "./plan-types";

export type Party = { userId: string; displayName: string };
export type Milestone = { title: string; amountCents: number; dueDate: string | null };

export type ContractSpec = {
  source: ContractMission;
  /** Who signs: the secretary, or the agency's owner. */
  provider: Party;
  agency: { id: string; name: string; members: Party[] } | null;
  status: ContractRow["status"];
  prices: { hourlyRateCents?: number; taskPrices?: TaskPrice[]; milestones?: Milestone[] };
  coverLetter: string;
  /** PENDING only: the provider already accepted the terms (the business has not). */
  providerSigned?: boolean;
  /** The last transition, for PAUSED, COMPLETED, CANCELLED and DISPUTED. */
  end?: { event: ContractEvent; actor: "BUSINESS" | "PROVIDER"; at: Date; reason: string | null };
};

export const PLATFORM_FEE_BPS = 1000;
export const REVIEW_WINDOW_DAYS = 7;

function acceptedProposal(ctx: SeedContext, plan: SeedPlan, spec: ContractSpec, id: string) {
  const { mission, owner, filledAt } = spec.source;
  // Sent after the mission was approved (20 h after it was written, in both seeded timelines),
  // shortlisted, then accepted when the mission filled. publishedAt moves when a mission reopens.
  const createdAt = new Date(
    Math.max(addHours(mission.createdAt, 24).getTime(), addHours(filledAt, -60).getTime()),
  );
  const shortlistedAt = new Date((createdAt.getTime() + filledAt.getTime()) / 2);
  const milestones = spec.prices.milestones ?? [];
  plan.proposals.push({
    id,
    missionId: mission.id,
    origin: "BID",
    bidderKey: spec.agency ? `agency:${spec.agency.id}` : `user:${spec.provider.userId}`,
    bidderUserId: spec.provider.userId,
    agencyId: spec.agency?.id ?? null,
    memberIds: spec.agency?.members.map((m) => m.userId) ?? [],
    status: "ACCEPTED",
    live: null,
    coverLetter: spec.coverLetter,
    hourlyRateCents: spec.prices.hourlyRateCents ?? null,
    taskPrices: spec.prices.taskPrices ?? [],
    fixedAmountCents: milestones.length > 0 ? milestones.reduce((sum, m) => sum + m.amountCents, 0) : null,
    milestones,
    startDate: mission.startDate,
    availabilityConfirmed: true,
    decisionMessage: null,
    createdById: spec.provider.userId,
    decidedAt: filledAt,
    createdAt,
    updatedAt: filledAt,
  });
  let from = "SUBMITTED" as const;
  for (const [event, at] of [
    ["SHORTLIST", shortlistedAt],
    ["ACCEPT", filledAt],
  ] as const) {
    const check = checkProposalTransition("BID", from, event, "BUSINESS");
    if (!check.ok) throw new Error(`Historique de proposition impossible : ${event}`);
    plan.proposalStatusChanges.push(history(ctx, { proposalId: id }, from, check.to, owner.ownerId, at));
    from = check.to as never;
  }
}

function history<T extends object>(
  ctx: SeedContext,
  parent: T,
  from: string,
  to: string,
  actorId: string | null,
  createdAt: Date,
  reason: string | null = null,
): HistoryRow & T {
  return { id: ctx.random.uuid(), ...parent, from, to, actorId, reason, createdAt };
}

function termsOf(spec: ContractSpec) {
  const { mission, owner } = spec.source;
  const milestones = spec.prices.milestones ?? [];
  return buildContractTerms({
    mission,
    proposal: {
      hourlyRateCents: spec.prices.hourlyRateCents ?? null,
      taskPrices: spec.prices.taskPrices ?? [],
      fixedAmountCents: milestones.length > 0 ? milestones.reduce((sum, m) => sum + m.amountCents, 0) : null,
      milestones,
      startDate: mission.startDate,
    },
    business: {
      organizationId: owner.organization.id,
      name: owner.organization.name,
      legalName: owner.organization.legalName,
      siret: owner.organization.siret,
    },
    provider: {
      ...spec.provider,
      agencyId: spec.agency?.id ?? null,
      agencyName: spec.agency?.name ?? null,
    },
    platformFeeBps: PLATFORM_FEE_BPS,
    reviewWindowDays: REVIEW_WINDOW_DAYS,
  });
}

/** The dates each side accepted, and the activation, in the order the contracts use case allows. */
function signatures(spec: ContractSpec) {
  const { filledAt, owner } = spec.source;
  const pendingOnly =
    spec.status === "PENDING" || (spec.status === "CANCELLED" && spec.end?.event === "CANCEL");
  const business = pendingOnly ? null : addHours(filledAt, 2);
  const provider = pendingOnly && !spec.providerSigned ? null : addHours(filledAt, 9);
  return {
    businessAcceptedAt: business,
    businessAcceptedById: business ? owner.ownerId : null,
    providerAcceptedAt: provider,
    providerAcceptedById: provider ? spec.provider.userId : null,
    mandateAcceptedAt: provider,
    activatedAt: business && provider ? provider : null,
  };
}

function contractHistory(ctx: SeedContext, plan: SeedPlan, spec: ContractSpec, contract: ContractRow) {
  const parent = { contractId: contract.id };
  const rows = [history(ctx, parent, "", "PENDING", spec.source.owner.ownerId, spec.source.filledAt)];
  if (contract.activatedAt) {
    rows.push(history(ctx, parent, "PENDING", "ACTIVE", spec.provider.userId, contract.activatedAt));
  }
  if (spec.end) {
    const from = rows.at(-1)!.to as ContractRow["status"];
    const check = checkContractTransition(from, spec.end.event, spec.end.actor, spec.end.reason);
    if (!check.ok) throw new Error(`Historique de contrat impossible : ${spec.end.event} depuis ${from}`);
    const actorId = spec.end.actor === "BUSINESS" ? spec.source.owner.ownerId : spec.provider.userId;
    rows.push(history(ctx, parent, from, check.to, actorId, spec.end.at, spec.end.reason));
  }
  if (rows.at(-1)!.to !== contract.status) throw new Error(`Contrat incohérent : ${contract.status}`);
  plan.contractStatusChanges.push(...rows);
}

function assigneesOf(ctx: SeedContext, spec: ContractSpec, contractId: string): AssigneeRow[] {
  const people = spec.agency ? spec.agency.members : [spec.provider];
  return people.map((person, index) => ({
    id: ctx.random.uuid(),
    contractId,
    userId: person.userId,
    role: index === 0 ? "PRIMARY" : "MEMBER",
    startsOn: null,
    endsOn: null,
    replacesId: null,
    createdById: spec.source.owner.ownerId,
    cancelledAt: null,
    createdAt: spec.source.filledAt,
  }));
}

export function addContract(ctx: SeedContext, plan: SeedPlan, spec: ContractSpec) {
  const proposalId = ctx.random.uuid();
  acceptedProposal(ctx, plan, spec, proposalId);
  const terms = termsOf(spec);
  const ended = spec.end && ["COMPLETED", "CANCELLED"].includes(spec.status) ? spec.end.at : null;
  const contract: ContractRow = {
    id: ctx.random.uuid(),
    missionId: spec.source.mission.id,
    proposalId,
    organizationId: spec.source.owner.organization.id,
    agencyId: spec.agency?.id ?? null,
    providerUserId: spec.provider.userId,
    status: spec.status,
    billingMode: terms.billingMode,
    terms,
    hourlyRateCents: terms.hourlyRateCents,
    taskPrices: terms.taskPrices as TaskPrice[],
    fixedAmountCents: terms.fixedAmountCents,
    platformFeeBps: terms.platformFeeBps,
    reviewWindowDays: terms.reviewWindowDays,
    startDate: new Date(`${terms.startDate}T00:00:00Z`),
    endDate: terms.mission.endDate ? new Date(`${terms.mission.endDate}T00:00:00Z`) : null,
    ...signatures(spec),
    endedAt: ended,
    createdAt: spec.source.filledAt,
    updatedAt: spec.end?.at ?? spec.source.filledAt,
  };
  plan.contracts.push(contract);
  contractHistory(ctx, plan, spec, contract);
  const assignees = assigneesOf(ctx, spec, contract.id);
  plan.assignees.push(...assignees);
  return { contract, assignees };
}
