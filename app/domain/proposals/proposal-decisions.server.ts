// The business's answers to proposals (shortlist, decline) and the secretary's answers to offers
// (decline), plus the business withdrawing its offer. Accepting is contract-creation.server.ts's.
import { missionNotFound, missionViewer } from "#app/domain/missions/missions.server";
import { canView, isMissionMember } from "#app/domain/missions/missions.policy";
import { notifyProposalDecided } from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { proposalNotFound, transitionProposal } from "./proposal-transition.server";
import * as repo from "./proposals.repo.server";

export const BUSINESS_ONLY_MESSAGE =
  "Seule l’entreprise qui a publié cette mission peut répondre aux propositions.";
export const DECISION_MESSAGE_MAX = 2000;

/** The mission's business, or 404 to anyone who cannot even see the mission, 403 otherwise. */
export async function requireMissionBusiness(
  actorId: string,
  mission: { id: string; organizationId: string; status: string; visibility: string },
) {
  const viewer = await missionViewer({ id: actorId });
  if (isMissionMember(viewer, mission)) return viewer!;
  if (!canView(viewer, mission)) throw missionNotFound();
  throw new DomainError("FORBIDDEN", BUSINESS_ONLY_MESSAGE);
}

async function requireBusinessProposal(actorId: string, proposalId: string) {
  const proposal = await repo.findProposal(proposalId);
  if (!proposal) throw proposalNotFound();
  const viewer = await missionViewer({ id: actorId });
  // A proposal of another business's mission does not exist for this one.
  if (!isMissionMember(viewer, { organizationId: proposal.organizationId })) throw proposalNotFound();
  return proposal;
}

const cleanMessage = (message: string | null | undefined) => {
  const text = message?.replace(/\r\n?/g, "\n").trim() ?? "";
  if (text.length > DECISION_MESSAGE_MAX)
    throw new DomainError(
      "VALIDATION",
      `Le message ne doit pas dépasser ${DECISION_MESSAGE_MAX} caractères.`,
    );
  return text || null;
};

type Decision = { actorId: string; proposalId: string };

export async function shortlistProposal({ actorId, proposalId }: Decision) {
  const proposal = await requireBusinessProposal(actorId, proposalId);
  return db.$transaction((tx) =>
    transitionProposal(tx, {
      proposalId: proposal.id,
      event: "SHORTLIST",
      actor: { id: actorId, as: "BUSINESS" },
    }),
  );
}

export async function declineProposal({
  actorId,
  proposalId,
  message,
}: Decision & { message?: string | null }) {
  const text = cleanMessage(message);
  const proposal = await requireBusinessProposal(actorId, proposalId);
  const { change, notified } = await db.$transaction(async (tx) => {
    const change = await transitionProposal(tx, {
      proposalId: proposal.id,
      event: "DECLINE",
      actor: { id: actorId, as: "BUSINESS" },
      message: text,
    });
    return { change, notified: await notifyProposalDecided(tx, proposal.id, "DECLINED") };
  });
  await publishNotifications(notified);
  return change;
}

/** The business takes back a direct offer the secretary has not answered yet. */
export async function withdrawOffer({ actorId, proposalId }: Decision) {
  const proposal = await requireBusinessProposal(actorId, proposalId);
  if (proposal.origin !== "OFFER") throw proposalNotFound();
  return db.$transaction((tx) =>
    transitionProposal(tx, {
      proposalId: proposal.id,
      event: "WITHDRAW",
      actor: { id: actorId, as: "BUSINESS" },
    }),
  );
}

/** The secretary turns down an offer made to her, with an optional message. */
export async function declineOffer({ actorId, proposalId, message }: Decision & { message?: string | null }) {
  const text = cleanMessage(message);
  const proposal = await repo.findProposal(proposalId);
  const keys = await repo.findBidderKeys(actorId);
  if (!proposal || proposal.origin !== "OFFER" || !keys.includes(proposal.bidderKey))
    throw proposalNotFound();
  return db.$transaction((tx) =>
    transitionProposal(tx, {
      proposalId: proposal.id,
      event: "DECLINE",
      actor: { id: actorId, as: "BIDDER" },
      message: text,
    }),
  );
}
