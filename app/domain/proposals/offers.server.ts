// A business's direct offer to one secretary, from her profile: an invite-only mission opened
// without review (it is never listed) and the OFFER addressed to her, in one transaction.
import { announceConversation, openMissionConversation } from "#app/domain/chat/chat-open.server";
import { transitionMission } from "#app/domain/missions/mission-transition.server";
import { missionViewer } from "#app/domain/missions/missions.server";
import { notifyOfferReceived } from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import type { OfferInput } from "./offers.schema";
import * as repo from "./offers.repo.server";
import { withDefaultMilestone } from "./proposal-terms";
import { createProposal } from "./proposals.repo.server";

export const OFFER_FORBIDDEN_MESSAGE = "Seuls les membres d’une entreprise peuvent faire une offre directe.";
const profileNotFound = () => new DomainError("NOT_FOUND", "Ce profil est introuvable.");

async function requireOfferParties(actorId: string, slug: string) {
  const viewer = await missionViewer({ id: actorId });
  const organization = viewer?.businessIds[0] ? await repo.findOrganizationName(viewer.businessIds[0]) : null;
  if (!organization) throw new DomainError("FORBIDDEN", OFFER_FORBIDDEN_MESSAGE);
  const secretary = await repo.findPublishedSecretary(slug);
  if (!secretary) throw profileNotFound();
  return { organization, secretary };
}

export async function getOfferForm({ actorId, slug }: { actorId: string; slug: string }) {
  const { organization, secretary } = await requireOfferParties(actorId, slug);
  return { organizationName: organization.name, secretary: { displayName: secretary.displayName, slug } };
}

export async function makeOffer({
  actorId,
  slug,
  input,
}: {
  actorId: string;
  slug: string;
  input: OfferInput;
}) {
  const { organization, secretary } = await requireOfferParties(actorId, slug);
  const terms = withDefaultMilestone(input.billingMode, {
    hourlyRateCents: input.hourlyRateCents,
    taskPrices: input.taskLines.map(({ task, unitPriceCents }) => ({ task, unitPriceCents })),
    fixedAmountCents: input.fixedAmountCents,
    milestones: [],
  });
  const created = await db.$transaction(async (tx) => {
    const mission = await repo.createOfferMission(tx, {
      organizationId: organization.id,
      createdById: actorId,
      input,
    });
    await transitionMission(tx, {
      missionId: mission.id,
      event: "OPEN_FOR_OFFER",
      actor: { id: actorId, as: "SYSTEM" },
    });
    const proposal = await createProposal(tx, {
      missionId: mission.id,
      origin: "OFFER",
      bidderKey: `user:${secretary.userId}`,
      bidderUserId: secretary.userId,
      agencyId: null,
      createdById: actorId,
      coverLetter: input.message,
      startDate: new Date(`${input.startDate}T00:00:00Z`),
      // She confirms her availability by accepting.
      availabilityConfirmed: false,
      memberIds: [],
      ...terms,
    });
    const conversation = await openMissionConversation(tx, {
      missionId: mission.id,
      bidderKey: `user:${secretary.userId}`,
    });
    return {
      missionId: mission.id,
      proposalId: proposal.id,
      notified: await notifyOfferReceived(tx, proposal.id),
      conversation,
    };
  });
  await publishNotifications(created.notified);
  await announceConversation(created.conversation);
  return { missionId: created.missionId, proposalId: created.proposalId };
}

/** Whether the profile page shows "Faire une offre directe": the viewer is a business member. */
export async function canMakeOffer(user: { id: string } | null): Promise<boolean> {
  const viewer = await missionViewer(user);
  return viewer !== null && viewer.businessIds.length > 0;
}
