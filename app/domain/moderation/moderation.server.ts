// Staff use cases behind /moderation: the review queue, one profile's review, decisions, the journal.
// Each takes the acting staff member and checks the policy itself, whatever the route did.
import {
  profileStatusLabels,
  type ProfileEvent,
  type ProfileStatus,
} from "#app/domain/profiles/profile-machine";
import { notifyModerationOutcome } from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { transitionProfile } from "#app/domain/profiles/profile-transition.server";
import { db } from "#app/lib/db.server";
import { DomainError, forbidden, notFound } from "#app/lib/domain-error";
import { sendMail } from "#app/lib/mail.server";
import { logger } from "#app/server/logger";
import { listAuditEntries, listAuditFilterOptions, recordAudit } from "./audit.server";
import { canDecideOnProfile, canModerate, type StaffCandidate } from "./moderation.policy";
import {
  countProfilesByStatus,
  findDecisionTarget,
  findPendingProfiles,
  findProfileForReview,
  findStatusHistory,
} from "./moderation.repo.server";
import { decisionReason, type Decision, type DecisionIntent, type JournalQuery } from "./moderation.schema";
import { decisionMessage } from "./review-emails";

export type StaffActor = StaffCandidate & { id: string };

export const QUEUE_LIMIT = 100;

function assertModerator(actor: StaffActor) {
  if (!canModerate(actor)) throw forbidden("Cette page est réservée à l’équipe de modération.");
}

export async function getReviewQueue({ actor }: { actor: StaffActor }) {
  assertModerator(actor);
  const [counts, queue] = await Promise.all([countProfilesByStatus(), findPendingProfiles(QUEUE_LIMIT)]);
  return { counts, queue, limit: QUEUE_LIMIT };
}

export async function getProfileReview({ actor, profileId }: { actor: StaffActor; profileId: string }) {
  assertModerator(actor);
  const profile = await findProfileForReview(profileId);
  if (!profile) throw notFound("Ce profil");
  return { profile, history: await findStatusHistory(profileId) };
}

export async function getJournal({ actor, query }: { actor: StaffActor; query: JournalQuery }) {
  assertModerator(actor);
  const [page, options] = await Promise.all([listAuditEntries(query), listAuditFilterOptions()]);
  return { ...page, options, query };
}

const decisions: Record<DecisionIntent, { event: ProfileEvent; audit: string; from: ProfileStatus }> = {
  approve: { event: "APPROVE", audit: "PROFILE_APPROVE", from: "PENDING_REVIEW" },
  reject: { event: "REJECT", audit: "PROFILE_REJECT", from: "PENDING_REVIEW" },
  // The machine also lets staff suspend a pending profile; the review page rejects those instead,
  // so a suspension always hits a profile that businesses could see.
  suspend: { event: "SUSPEND", audit: "PROFILE_SUSPEND", from: "PUBLISHED" },
  reinstate: { event: "REINSTATE", audit: "PROFILE_REINSTATE", from: "SUSPENDED" },
};

function alreadyDecided(expected: ProfileStatus, current: string) {
  const now = current in profileStatusLabels ? profileStatusLabels[current as ProfileStatus] : current;
  return new DomainError(
    "CONFLICT",
    `Ce profil n’est plus « ${profileStatusLabels[expected]} » : il est maintenant « ${now} ». ` +
      "Un autre membre de l’équipe l’a sans doute traité entre-temps ; votre décision n’a pas été enregistrée.",
  );
}

/**
 * Applies a staff decision: status change, history row and audit row commit together or not at
 * all; the secretary is e-mailed only once the decision is committed.
 */
export async function decideOnProfile(input: {
  actor: StaffActor;
  profileId: string;
  decision: Decision;
  appUrl: string;
}) {
  assertModerator(input.actor);
  const { event, audit, from } = decisions[input.decision.intent];
  const reason = decisionReason(input.decision);
  const target = await db.$transaction(async (tx) => {
    const profile = await findDecisionTarget(tx, input.profileId);
    if (!profile) throw notFound("Ce profil");
    if (!canDecideOnProfile(input.actor, profile))
      throw forbidden("Vous ne pouvez pas statuer sur ce profil.");
    if (profile.status !== from) throw alreadyDecided(from, profile.status);
    const change = await transitionProfile(tx, {
      profileId: profile.id,
      event,
      actor: { id: input.actor.id, as: "STAFF" },
      reason,
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: audit,
      targetType: "SecretaryProfile",
      targetId: profile.id,
      reason,
      before: { status: change.from },
      after: { status: change.to },
    });
    const intent = input.decision.intent;
    const notified = await notifyModerationOutcome(tx, {
      kind: "PROFILE",
      profileId: profile.id,
      intent,
      reason,
    });
    return { ...profile, notified };
  });
  await publishNotifications(target.notified);
  const mailed = await notifySecretary(input.decision.intent, { ...target, reason, appUrl: input.appUrl });
  return { intent: input.decision.intent, profileId: target.id, mailed };
}

type NotifyTarget = {
  slug: string;
  reason: string | null;
  appUrl: string;
  user: { email: string; displayName: string };
};

/** A lost e-mail must not undo or hide a committed decision: log it and tell the moderator. */
async function notifySecretary(intent: DecisionIntent, target: NotifyTarget): Promise<boolean> {
  const message = decisionMessage(intent, { name: target.user.displayName, ...target });
  try {
    await sendMail({ to: target.user.email, ...message });
    return true;
  } catch (error) {
    logger.error({ err: error, intent }, "profile decision e-mail failed");
    return false;
  }
}
