// Staff use cases behind /moderation/missions: the queue, one mission's review, the decisions.
// Each takes the acting staff member and checks the policy itself, whatever the route did.
import {
  missionStatusLabels,
  isMissionStatus,
  type MissionEvent,
} from "#app/domain/missions/mission-machine";
import { transitionMission } from "#app/domain/missions/mission-transition.server";
import { notifyModerationOutcome } from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { db } from "#app/lib/db.server";
import { DomainError, forbidden, notFound } from "#app/lib/domain-error";
import { sendMail } from "#app/lib/mail.server";
import { logger } from "#app/server/logger";
import { recordAudit } from "./audit.server";
import { canModerate } from "./moderation.policy";
import type { StaffActor } from "./moderation.server";
import { missionDecisionMessage } from "./mission-review-emails";
import { canDecideOnMission } from "./mission-review.policy";
import {
  countPendingMissions,
  findMissionDecisionTarget,
  findMissionForReview,
  findMissionStatusHistory,
  findPendingMissions,
} from "./mission-review.repo.server";
import type { MissionDecision, MissionDecisionIntent } from "./mission-review.schema";

export const MISSION_QUEUE_LIMIT = 100;

function assertModerator(actor: StaffActor) {
  if (!canModerate(actor)) throw forbidden("Cette page est réservée à l’équipe de modération.");
}

export async function getMissionReviewQueue({ actor }: { actor: StaffActor }) {
  assertModerator(actor);
  const [pending, queue] = await Promise.all([
    countPendingMissions(),
    findPendingMissions(MISSION_QUEUE_LIMIT),
  ]);
  return { pending, queue, limit: MISSION_QUEUE_LIMIT };
}

export async function getMissionReview({ actor, missionId }: { actor: StaffActor; missionId: string }) {
  assertModerator(actor);
  const mission = await findMissionForReview(missionId);
  if (!mission) throw notFound("Cette mission");
  return { mission, history: await findMissionStatusHistory(missionId) };
}

const decisions: Record<MissionDecisionIntent, { event: MissionEvent; audit: string }> = {
  approve: { event: "APPROVE", audit: "MISSION_APPROVE" },
  "request-changes": { event: "REQUEST_CHANGES", audit: "MISSION_REQUEST_CHANGES" },
};

function alreadyDecided(current: string) {
  const now = isMissionStatus(current) ? missionStatusLabels[current] : current;
  return new DomainError(
    "CONFLICT",
    `Cette mission n’est plus « ${missionStatusLabels.PENDING_REVIEW} » : elle est maintenant « ${now} ». ` +
      "Un autre membre de l’équipe l’a sans doute traitée entre-temps ; votre décision n’a pas été enregistrée.",
  );
}

/**
 * Applies a staff decision: status change, history row, search outbox row (transitionMission) and
 * audit row commit together or not at all; the author is e-mailed once the decision is committed.
 */
export async function decideOnMission(input: {
  actor: StaffActor;
  missionId: string;
  decision: MissionDecision;
  appUrl: string;
}) {
  assertModerator(input.actor);
  const { intent } = input.decision;
  const { event, audit } = decisions[intent];
  const reason = input.decision.intent === "request-changes" ? input.decision.reasonText : null;
  const target = await db.$transaction(async (tx) => {
    const mission = await findMissionDecisionTarget(tx, input.missionId);
    if (!mission) throw notFound("Cette mission");
    if (!canDecideOnMission(input.actor, mission))
      throw forbidden("Vous ne pouvez pas statuer sur cette mission.");
    if (mission.status !== "PENDING_REVIEW") throw alreadyDecided(mission.status);
    const change = await transitionMission(tx, {
      missionId: mission.id,
      event,
      actor: { id: input.actor.id, as: "STAFF" },
      reason,
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: audit,
      targetType: "Mission",
      targetId: mission.id,
      reason,
      before: { status: change.from },
      after: { status: change.to },
    });
    const notified = await notifyModerationOutcome(tx, {
      kind: "MISSION",
      missionId: mission.id,
      intent,
      reason,
    });
    return { ...mission, notified };
  });
  await publishNotifications(target.notified);
  const message = missionDecisionMessage(intent, {
    name: target.createdBy.displayName,
    missionId: target.id,
    title: target.title,
    reason,
    appUrl: input.appUrl,
  });
  return { intent, missionId: target.id, mailed: await mailAuthor(target.createdBy.email, message, intent) };
}

/** A lost e-mail must not undo or hide a committed decision: log it and tell the moderator. */
async function mailAuthor(
  to: string,
  message: ReturnType<typeof missionDecisionMessage>,
  intent: MissionDecisionIntent,
): Promise<boolean> {
  try {
    await sendMail({ to, ...message });
    return true;
  } catch (error) {
    logger.error({ err: error, intent }, "mission decision e-mail failed");
    return false;
  }
}
