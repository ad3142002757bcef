// Hiding and restoring a mission: it leaves search (outbox, same transaction) and its public page
// (404 for all but its business and staff), with one audit row, and its author is told.
import { notify, publishNotifications } from "#app/domain/notifications/notifications.server";
import { db } from "#app/lib/db.server";
import { DomainError, forbidden, notFound } from "#app/lib/domain-error";
import { enqueueSearchUpdate } from "#search/sync/outbox";
import { recordAudit } from "./audit.server";
import * as repo from "./listings.repo.server";
import { canHideListing, type SafetyActor } from "./safety.policy";

export async function setMissionVisibility(input: {
  actor: SafetyActor;
  missionId: string;
  intent: "hide" | "restore";
  reason: string;
}) {
  if (!canHideListing(input.actor)) throw forbidden("Cette action est réservée à l’équipe de modération.");
  const hide = input.intent === "hide";
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("VALIDATION", "Un motif est obligatoire pour cette décision.");
  const notified = await db.$transaction(async (tx) => {
    const mission = await repo.findMissionVisibility(tx, input.missionId);
    if (!mission) throw notFound("Cette mission");
    const now = new Date();
    if (!(await repo.setMissionHidden(tx, mission.id, hide ? now : null)))
      throw new DomainError(
        "CONFLICT",
        hide ? "Cette mission est déjà masquée." : "Cette mission n’est pas masquée.",
      );
    await enqueueSearchUpdate(tx, "missions", mission.id);
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: hide ? "MISSION_HIDE" : "MISSION_RESTORE",
      targetType: "Mission",
      targetId: mission.id,
      reason,
      before: { hiddenAt: mission.hiddenAt?.toISOString() ?? null },
      after: { hiddenAt: hide ? now.toISOString() : null },
    });
    return notify(tx, {
      userIds: [mission.createdById],
      type: "MODERATION_OUTCOME",
      title: `${hide ? "Mission masquée" : "Mission de nouveau visible"} : « ${mission.title} »`,
      body: `Motif : ${reason}`,
      link: `/missions/${mission.id}`,
      email: false,
    });
  });
  await publishNotifications(notified);
  return { missionId: input.missionId, intent: input.intent };
}
