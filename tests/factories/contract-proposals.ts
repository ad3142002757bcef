// Proposals written straight to the database for the contract-creation tests (the proposing form
// is the proposals feature's): a live BID or OFFER on an OPEN mission, priced in its billing mode.
import { db } from "#app/lib/db.server";
import { openMission, type MissionSpec } from "#tests/factories/mission-rows";

type Business = { id: string; organization: { id: string } };

export async function openMissionFor(business: Business, spec: MissionSpec = {}) {
  return openMission(business, spec);
}

type ProposalSpec = {
  missionId: string;
  bidder: { id: string };
  origin?: "BID" | "OFFER";
  status?: "SUBMITTED" | "SHORTLISTED";
  agencyId?: string;
  memberIds?: string[];
  createdById?: string;
  hourlyRateCents?: number | null;
  taskPrices?: { task: string; unitPriceCents: number }[];
  fixedAmountCents?: number | null;
  milestones?: { title: string; amountCents: number; dueDate?: string | null }[];
  startDate?: string;
};

export async function createLiveProposal(spec: ProposalSpec) {
  return db.proposal.create({
    data: {
      missionId: spec.missionId,
      origin: spec.origin ?? "BID",
      bidderKey: spec.agencyId ? `agency:${spec.agencyId}` : `user:${spec.bidder.id}`,
      bidderUserId: spec.bidder.id,
      agencyId: spec.agencyId ?? null,
      memberIds: spec.memberIds ?? [],
      status: spec.status ?? "SUBMITTED",
      coverLetter: "Disponible dès le début de la mission.",
      hourlyRateCents: spec.hourlyRateCents === undefined ? 3200 : spec.hourlyRateCents,
      taskPrices: spec.taskPrices ?? [],
      fixedAmountCents: spec.fixedAmountCents ?? null,
      milestones: spec.milestones ?? [],
      startDate: new Date(`${spec.startDate ?? "2027-01-04"}T00:00:00Z`),
      availabilityConfirmed: true,
      createdById: spec.createdById ?? spec.bidder.id,
    },
    select: { id: true },
  });
}
