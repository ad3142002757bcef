// /compte/propositions: the proposals a secretary (or an agency owner, for her agency) sent, and the
// direct offers she received. Only her own keys are queried: nobody else's proposal is ever listed.
import { storedMilestones, storedTaskPrices } from "./proposal-columns";
import { priceLines } from "./proposal-labels";
import { isLiveProposal } from "./proposal-machine";
import * as lists from "./proposal-lists.repo.server";
import { findBidderKeys } from "./proposals.repo.server";

export async function listMyProposals({ actorId }: { actorId: string }) {
  const keys = await findBidderKeys(actorId);
  const rows = await lists.listBidderProposals(keys);
  const items = rows.map((row) => ({
    id: row.id,
    origin: row.origin,
    status: row.status,
    live: isLiveProposal(row.status),
    asAgency: row.agency?.name ?? null,
    mission: {
      id: row.mission.id,
      title: row.mission.title,
      organizationName: row.mission.organization.name,
    },
    price: priceLines(row.mission.billingMode, {
      hourlyRateCents: row.hourlyRateCents,
      taskPrices: storedTaskPrices.parse(row.taskPrices),
      fixedAmountCents: row.fixedAmountCents,
      milestones: storedMilestones.parse(row.milestones),
    }),
    startDate: row.startDate.toISOString().slice(0, 10),
    coverLetter: row.coverLetter,
    decisionMessage: row.decisionMessage,
    contractId: row.contract?.id ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
  return {
    offers: items.filter((item) => item.origin === "OFFER"),
    proposals: items.filter((item) => item.origin === "BID"),
  };
}
