// Contracts written straight to the database in any status, with the mission and accepted proposal
// they come from and a PRIMARY assignee: for the work-record, statement and dashboard tests (the
// accept-a-proposal use case is tested on its own).
import type { ContractTerms } from "#app/domain/contracts/contract-terms";
import { db } from "#app/lib/db.server";
import { createMission } from "#tests/factories/mission-rows";
import { createBusiness, createSecretary } from "#tests/factories/users";

type Party = { id: string; displayName: string };
type Business = Party & { organization: { id: string; name: string } };

export type ContractSpec = {
  business?: Business;
  secretary?: Party;
  status?: "PENDING" | "ACTIVE" | "PAUSED" | "COMPLETED" | "CANCELLED" | "DISPUTED";
  billingMode?: "HOURLY" | "PER_TASK" | "FIXED";
  hourlyRateCents?: number;
  taskPrices?: { task: string; unitPriceCents: number }[];
  milestones?: { title: string; amountCents: number; dueDate: string | null }[];
  startDate?: string; // "2026-11-02"
  endDate?: string | null;
  platformFeeBps?: number;
  reviewWindowDays?: number;
  medicalSecrecy?: boolean;
};

function terms(
  spec: Required<Omit<ContractSpec, "business" | "secretary">>,
  mission: { id: string; title: string },
  business: Business,
  secretary: Party,
): ContractTerms {
  const fixedAmountCents =
    spec.billingMode === "FIXED" ? spec.milestones.reduce((sum, m) => sum + m.amountCents, 0) : null;
  return {
    version: 1,
    mission: {
      id: mission.id,
      title: mission.title,
      description: "Prendre les appels des patients et les rendez-vous.",
      skills: ["PHONE_ANSWERING"],
      scheduleType: "ONE_OFF",
      startDate: spec.startDate,
      endDate: spec.endDate,
      rrule: null,
      timeWindows: [],
      workMode: "REMOTE",
      commune: null,
      medicalSecrecy: spec.medicalSecrecy,
    },
    business: {
      organizationId: business.organization.id,
      name: business.organization.name,
      legalName: null,
      siret: null,
    },
    provider: { userId: secretary.id, displayName: secretary.displayName, agencyId: null, agencyName: null },
    billingMode: spec.billingMode,
    hourlyRateCents: spec.billingMode === "HOURLY" ? spec.hourlyRateCents : null,
    taskPrices: spec.billingMode === "PER_TASK" ? spec.taskPrices : [],
    fixedAmountCents,
    milestones: spec.billingMode === "FIXED" ? spec.milestones : [],
    startDate: spec.startDate,
    platformFeeBps: spec.platformFeeBps,
    reviewWindowDays: spec.reviewWindowDays,
  };
}

export async function createContract(input: ContractSpec = {}) {
  const business =
    input.business ??
    (await createBusiness({ organizationName: "Cabinet Martin", displayName: "Paul Martin" }));
  const secretary =
    input.secretary ?? (await createSecretary({ status: "PUBLISHED", displayName: "Claire Morel" }));
  const spec = {
    status: input.status ?? "ACTIVE",
    billingMode: input.billingMode ?? "HOURLY",
    hourlyRateCents: input.hourlyRateCents ?? 3000,
    taskPrices: input.taskPrices ?? [
      { task: "CALL_ANSWERED", unitPriceCents: 150 },
      { task: "APPOINTMENT_BOOKED", unitPriceCents: 250 },
    ],
    milestones: input.milestones ?? [
      { title: "Saisie du premier trimestre", amountCents: 60000, dueDate: "2026-12-15" },
    ],
    startDate: input.startDate ?? "2026-11-02",
    endDate: input.endDate ?? null,
    platformFeeBps: input.platformFeeBps ?? 1000,
    reviewWindowDays: input.reviewWindowDays ?? 7,
    medicalSecrecy: input.medicalSecrecy ?? false,
  } satisfies Required<Omit<ContractSpec, "business" | "secretary">>;
  const mission = await createMission(business, {
    status: spec.status === "CANCELLED" ? "OPEN" : "FILLED",
    billingMode: spec.billingMode,
    medicalSecrecy: spec.medicalSecrecy,
  });
  const frozen = terms(spec, mission, business, secretary);
  const proposal = await db.proposal.create({
    data: {
      missionId: mission.id,
      bidderKey: `user:${secretary.id}`,
      bidderUserId: secretary.id,
      createdById: secretary.id,
      status: "ACCEPTED",
      live: null,
      coverLetter: "Disponible dès lundi, habituée à Doctolib.",
      hourlyRateCents: frozen.hourlyRateCents,
      taskPrices: frozen.taskPrices,
      fixedAmountCents: frozen.fixedAmountCents,
      milestones: frozen.milestones,
      startDate: new Date(`${spec.startDate}T00:00:00Z`),
      availabilityConfirmed: true,
      decidedAt: new Date(),
    },
    select: { id: true },
  });
  const signed = spec.status !== "PENDING";
  const contract = await db.contract.create({
    data: {
      missionId: mission.id,
      proposalId: proposal.id,
      organizationId: business.organization.id,
      providerUserId: secretary.id,
      status: spec.status,
      billingMode: spec.billingMode,
      terms: frozen,
      hourlyRateCents: frozen.hourlyRateCents,
      taskPrices: frozen.taskPrices,
      fixedAmountCents: frozen.fixedAmountCents,
      platformFeeBps: spec.platformFeeBps,
      reviewWindowDays: spec.reviewWindowDays,
      startDate: new Date(`${spec.startDate}T00:00:00Z`),
      endDate: spec.endDate ? new Date(`${spec.endDate}T00:00:00Z`) : null,
      businessAcceptedAt: signed ? new Date() : null,
      businessAcceptedById: signed ? business.id : null,
      providerAcceptedAt: signed ? new Date() : null,
      providerAcceptedById: signed ? secretary.id : null,
      mandateAcceptedAt: signed ? new Date() : null,
      activatedAt: signed ? new Date() : null,
      assignees: { create: { userId: secretary.id, role: "PRIMARY", createdById: business.id } },
      milestones:
        spec.billingMode === "FIXED"
          ? {
              create: frozen.milestones.map((m, position) => ({
                position,
                title: m.title,
                amountCents: m.amountCents,
                dueDate: m.dueDate ? new Date(`${m.dueDate}T00:00:00Z`) : null,
              })),
            }
          : undefined,
    },
    select: { id: true, status: true, assignees: { select: { id: true, userId: true } } },
  });
  return { contract, primaryAssigneeId: contract.assignees[0]!.id, mission, proposal, business, secretary };
}
