// Closing a report from the moderation queue: dismiss it, hide the message or the review, or
// suspend its author.
// Each is one transaction with exactly one audit row, the report marked with who did what and when,
// and the reporter told the outcome (MODERATION_OUTCOME) once it committed.
import { recordAudit } from "#app/domain/moderation/audit.server";
import { canHandleReports, type SafetyActor } from "#app/domain/moderation/safety.policy";
import { suspendUserInTx } from "#app/domain/moderation/suspensions.server";
import { notify, publishNotifications } from "#app/domain/notifications/notifications.server";
import { hideReviewInTx } from "#app/domain/reviews/reviews.server";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError, forbidden, notFound } from "#app/lib/domain-error";
import * as repo from "./reports.repo.server";
import type { ReportAction } from "./reports.schema";

const alreadyHandled = () =>
  new DomainError("CONFLICT", "Ce signalement a déjà été traité par un autre membre de l’équipe.");

const outcomes = {
  dismiss: {
    status: "DISMISSED",
    audit: "REPORT_DISMISS",
    resolution: "Classé sans suite",
    title: "Votre signalement a été examiné",
    body: "Après examen, l’équipe de modération n’a pas retenu d’infraction.",
  },
  "hide-message": {
    status: "RESOLVED",
    audit: "REPORT_HIDE_MESSAGE",
    resolution: "Message masqué",
    title: "Votre signalement a été traité",
    body: "Le message signalé a été masqué par l’équipe de modération. Merci de votre vigilance.",
  },
  "hide-review": {
    status: "RESOLVED",
    audit: "REVIEW_HIDE",
    resolution: "Avis masqué",
    title: "Votre signalement a été traité",
    body: "L’avis signalé a été masqué par l’équipe de modération. Merci de votre vigilance.",
  },
  "suspend-sender": {
    status: "RESOLVED",
    audit: "USER_SUSPEND",
    resolution: "Compte suspendu",
    title: "Votre signalement a été traité",
    body: "L’équipe de modération a pris des mesures envers le compte signalé. Merci de votre vigilance.",
  },
} as const;

async function openReport(tx: Tx, reportId: string) {
  const report = await repo.findReportForAction(tx, reportId);
  if (!report) throw notFound("Ce signalement");
  if (report.status !== "OPEN") throw alreadyHandled();
  return report;
}

type Report = Awaited<ReturnType<typeof openReport>>;

/** The action's own effect; returns the users to notify besides the reporter (suspension). */
async function applyAction(tx: Tx, actor: SafetyActor, report: Report, action: ReportAction) {
  if (action.intent === "dismiss") {
    await auditReport(tx, actor, report, action, { messageHiddenAt: null });
    return [];
  }
  if (action.intent === "hide-message") {
    if (report.targetType !== "MESSAGE")
      throw new DomainError("VALIDATION", "Ce signalement ne vise pas un message.");
    const now = new Date();
    const hidden = await repo.hideMessage(tx, report.targetId, now);
    await auditReport(tx, actor, report, action, {
      messageHiddenAt: hidden ? now.toISOString() : "déjà masqué",
    });
    return [];
  }
  if (action.intent === "hide-review") {
    if (report.targetType !== "REVIEW")
      throw new DomainError("VALIDATION", "Ce signalement ne vise pas un avis.");
    // Hiding the review writes the one audit row of this action, naming the report.
    await hideReviewInTx(tx, {
      actorId: actor.id,
      reviewId: report.targetId,
      reason: action.reason,
      now: new Date(),
      reportId: report.id,
    });
    return [];
  }
  const userId = repo.reportedUserIdOf(report);
  if (!userId) throw new DomainError("VALIDATION", "L’auteur du contenu signalé est introuvable.");
  // The suspension writes the one audit row of this action, naming the report.
  const { notified } = await suspendUserInTx(tx, {
    actor,
    userId,
    reason: action.reason,
    reportId: report.id,
  });
  return notified;
}

async function auditReport(
  tx: Tx,
  actor: SafetyActor,
  report: Report,
  action: ReportAction,
  effect: Record<string, string | null>,
) {
  const outcome = outcomes[action.intent];
  await recordAudit(tx, {
    actorId: actor.id,
    action: outcome.audit,
    targetType: "Report",
    targetId: report.id,
    reason: action.reason,
    before: { status: "OPEN" },
    after: { status: outcome.status, targetType: report.targetType, targetId: report.targetId, ...effect },
  });
}

export async function handleReport({ actor, action }: { actor: SafetyActor; action: ReportAction }) {
  if (!canHandleReports(actor)) throw forbidden("Cette action est réservée à l’équipe de modération.");
  const outcome = outcomes[action.intent];
  const notified = await db.$transaction(async (tx) => {
    const report = await openReport(tx, action.reportId);
    const closed = await repo.closeReport(tx, report.id, {
      status: outcome.status,
      resolution: `${outcome.resolution} — ${action.reason}`,
      resolvedById: actor.id,
      resolvedAt: new Date(),
    });
    if (!closed) throw alreadyHandled();
    const others = await applyAction(tx, actor, report, action);
    const reporter = await notify(tx, {
      userIds: [report.reporterId],
      type: "MODERATION_OUTCOME",
      title: outcome.title,
      body: outcome.body,
      link: null,
      email: false,
    });
    return [...others, ...reporter];
  });
  await publishNotifications(notified);
  return { intent: action.intent, reportId: action.reportId };
}
