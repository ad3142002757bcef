// Builds the frozen ContractTerms from the rows read when a proposal is accepted. Pure: prices come
// from the PROPOSAL (what the provider offered), the description from the mission as it is at that
// instant, the fee rate and review window from the platform settings of the day.
import { z } from "zod";
import { DomainError } from "#app/lib/domain-error";
import { contractTermsSchema, type ContractTerms } from "./contract-terms";

export type SnapshotMission = {
  id: string;
  title: string;
  description: string;
  skills: unknown;
  billingMode: string;
  scheduleType: string;
  startDate: Date;
  endDate: Date | null;
  rrule: string | null;
  timeWindows: unknown;
  workMode: string;
  commune: string | null;
  medicalSecrecy: boolean;
};
export type SnapshotProposal = {
  hourlyRateCents: number | null;
  taskPrices: unknown;
  fixedAmountCents: number | null;
  milestones: unknown;
  startDate: Date;
};
export type SnapshotInput = {
  mission: SnapshotMission;
  proposal: SnapshotProposal;
  business: { organizationId: string; name: string; legalName: string | null; siret: string | null };
  provider: { userId: string; displayName: string; agencyId: string | null; agencyName: string | null };
  platformFeeBps: number;
  reviewWindowDays: number;
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const loose = {
  taskPrices: z.array(z.object({ task: z.string(), unitPriceCents: z.number() })).catch([]),
  milestones: z
    .array(z.object({ title: z.string(), amountCents: z.number(), dueDate: z.string().nullish() }))
    .catch([]),
  strings: z.array(z.string()).catch([]),
  windows: z.array(z.object({ start: z.string(), end: z.string() })).catch([]),
};

function missionPart(mission: SnapshotMission) {
  return {
    id: mission.id,
    title: mission.title,
    description: mission.description,
    skills: loose.strings.parse(mission.skills),
    scheduleType: mission.scheduleType,
    startDate: isoDay(mission.startDate),
    endDate: mission.endDate ? isoDay(mission.endDate) : null,
    rrule: mission.rrule,
    timeWindows: loose.windows.parse(mission.timeWindows),
    workMode: mission.workMode,
    commune: mission.commune,
    medicalSecrecy: mission.medicalSecrecy,
  };
}

/** Only the prices of the mission's billing mode are kept: the others are empty in the snapshot. */
function pricePart(billingMode: string, proposal: SnapshotProposal) {
  const milestones = loose.milestones
    .parse(proposal.milestones)
    .map((m) => ({ title: m.title, amountCents: m.amountCents, dueDate: m.dueDate ?? null }));
  return {
    billingMode,
    hourlyRateCents: billingMode === "HOURLY" ? proposal.hourlyRateCents : null,
    taskPrices: billingMode === "PER_TASK" ? loose.taskPrices.parse(proposal.taskPrices) : [],
    fixedAmountCents: billingMode === "FIXED" ? proposal.fixedAmountCents : null,
    milestones: billingMode === "FIXED" ? milestones : [],
  };
}

/** Throws VALIDATION when the proposal lacks the prices of its billing mode (nothing is written). */
export function buildContractTerms(input: SnapshotInput): ContractTerms {
  const parsed = contractTermsSchema.safeParse({
    version: 1,
    mission: missionPart(input.mission),
    business: input.business,
    provider: input.provider,
    ...pricePart(input.mission.billingMode, input.proposal),
    startDate: isoDay(input.proposal.startDate),
    platformFeeBps: input.platformFeeBps,
    reviewWindowDays: input.reviewWindowDays,
  });
  if (!parsed.success || !hasPrices(parsed.data)) {
    throw new DomainError(
      "VALIDATION",
      "Les conditions de cette proposition sont incomplètes : elle ne peut pas être acceptée.",
    );
  }
  return parsed.data;
}

function hasPrices(terms: ContractTerms): boolean {
  if (terms.billingMode === "HOURLY") return terms.hourlyRateCents !== null;
  if (terms.billingMode === "PER_TASK") return terms.taskPrices.length > 0;
  return terms.fixedAmountCents !== null && terms.milestones.length > 0;
}
