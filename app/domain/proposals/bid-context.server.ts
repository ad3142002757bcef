// What every bid use case reads first: who bids, on which mission, and whether it takes her bid.
import { hasSignedCurrentPledge } from "#app/domain/confidentiality/pledges.server";
import { canView } from "#app/domain/missions/missions.policy";
import { missionNotFound, missionViewer } from "#app/domain/missions/missions.server";
import { parisToday } from "#app/domain/missions/schedule";
import { DomainError } from "#app/lib/domain-error";
import { bidBlocker, bidderOf, canSeeMission } from "./proposals.policy";
import * as repo from "./proposals.repo.server";

export const OFFER_PENDING_MESSAGE =
  "Cette mission vous a été proposée directement : acceptez ou déclinez l’offre dans « Mes propositions ».";

export async function loadBidContext(actorId: string, missionId: string, now: Date) {
  const mission = await repo.findMissionForBid(missionId);
  // Hidden by moderation: nobody bids or asks a question on it.
  if (!mission || mission.hiddenAt) throw missionNotFound();
  const [viewer, keys, account] = await Promise.all([
    missionViewer({ id: actorId }),
    repo.findBidderKeys(actorId),
    repo.findBidderAccount(actorId),
  ]);
  const involvement = await repo.findInvolvement(mission.id, keys);
  if (!canSeeMission(viewer, mission, involvement, canView(viewer, mission))) throw missionNotFound();
  const check = account ? bidderOf(account) : null;
  if (!check?.ok) throw new DomainError("FORBIDDEN", check?.message ?? "Compte introuvable.");
  const pledged = mission.medicalSecrecy ? await hasSignedCurrentPledge(actorId) : true;
  const live = await repo.findLiveProposal(mission.id, check.bidder.key);
  const blocker =
    live?.origin === "OFFER"
      ? { message: OFFER_PENDING_MESSAGE }
      : bidBlocker({ ...mission, invited: involvement.invited, pledged }, parisToday(now));
  return { mission, bidder: check.bidder, blocker, live: live?.origin === "BID" ? live : null };
}
export type BidContext = Awaited<ReturnType<typeof loadBidContext>>;

/** The mission's task types, for the price form and the checks. */
export const pricingOf = (mission: repo.MissionForBid) => ({
  billingMode: mission.billingMode,
  tasks: mission.taskLines.map((line) => line.task),
});
