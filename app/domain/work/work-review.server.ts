// The business approves or disputes logged work and delivered milestones; an assignee marks a
// milestone as delivered. Each change goes through transitionWork (machine + conditional update).
import { parisToday } from "#app/domain/missions/schedule";
import {
  notifyWorkReviewed,
  notifyWorkSubmitted,
} from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { loadWorkContext, requireBusiness } from "./work-access.server";
import { storedDay } from "./work-dates";
import { workLimits, workMessages } from "./work-rules";
import { transitionWork, type WorkKind } from "./work-transition.server";
import {
  contractClosedToReviewMessage,
  contractClosedToWorkMessage,
  loggingAssignee,
  NOT_ASSIGNEE_MESSAGE,
} from "./work.policy";
import * as repo from "./work.repo.server";

export type WorkTarget = { entryId: string } | { milestoneId: string };
const workNotFound = () => new DomainError("NOT_FOUND", "Ce travail est introuvable.");

async function findTarget(tx: Tx, target: WorkTarget) {
  if ("entryId" in target) {
    const entry = await repo.findEntry(tx, target.entryId);
    return entry
      ? { kind: "ENTRY" as WorkKind, id: entry.id, contractId: entry.contractId, status: entry.status }
      : null;
  }
  const milestone = await repo.findMilestone(tx, target.milestoneId);
  return milestone ? { kind: "MILESTONE" as WorkKind, ...milestone } : null;
}

/** The target, on a contract where the actor is the business and the contract allows review. */
async function reviewableTarget(tx: Tx, actorId: string, target: WorkTarget) {
  const found = await findTarget(tx, target);
  if (!found) throw workNotFound();
  const context = await loadWorkContext(tx, actorId, found.contractId);
  requireBusiness(context);
  const closed = contractClosedToReviewMessage(context.contract.status);
  if (closed) throw new DomainError("INVALID_TRANSITION", closed);
  return found;
}

export async function approveWork({
  actorId,
  now = new Date(),
  ...target
}: { actorId: string; now?: Date } & WorkTarget) {
  const { change, notified } = await db.$transaction(async (tx) => {
    const found = await reviewableTarget(tx, actorId, target);
    const change = await transitionWork(tx, {
      ...found,
      from: found.status,
      event: "APPROVE",
      actor: { id: actorId, as: "BUSINESS" },
      now,
    });
    return { change, notified: await notifyWorkReviewed(tx, found, "APPROVED", now) };
  });
  await publishNotifications(notified);
  return change;
}

export async function disputeWork({
  actorId,
  reason,
  now = new Date(),
  ...target
}: { actorId: string; reason: string; now?: Date } & WorkTarget) {
  if (reason.trim().length > workLimits.reason)
    throw new DomainError("VALIDATION", workMessages.reasonLength);
  const { change, notified } = await db.$transaction(async (tx) => {
    const found = await reviewableTarget(tx, actorId, target);
    const actor = { id: actorId, as: "BUSINESS" as const };
    const change = await transitionWork(tx, {
      ...found,
      from: found.status,
      event: "DISPUTE",
      actor,
      reason,
      now,
    });
    return { change, notified: await notifyWorkReviewed(tx, found, "DISPUTED", now) };
  });
  await publishNotifications(notified);
  return change;
}

/**
 * "Valider la sélection": every checked entry and milestone of one contract, in one transaction.
 * Lines already approved (a second click, or a colleague was faster) are skipped; when nothing
 * was left to approve, CONFLICT.
 */
export async function approveAll({
  actorId,
  contractId,
  entryIds = [],
  milestoneIds = [],
  now = new Date(),
}: {
  actorId: string;
  contractId: string;
  entryIds?: string[];
  milestoneIds?: string[];
  now?: Date;
}) {
  if (entryIds.length + milestoneIds.length === 0)
    throw new DomainError("VALIDATION", workMessages.nothingSelected);
  const result = await db.$transaction(async (tx) => {
    const context = await loadWorkContext(tx, actorId, contractId);
    requireBusiness(context);
    const closed = contractClosedToReviewMessage(context.contract.status);
    if (closed) throw new DomainError("INVALID_TRANSITION", closed);
    const actor = { id: actorId, as: "BUSINESS" as const };
    let approved = 0;
    const notified: string[] = [];
    const targets: WorkTarget[] = [
      ...entryIds.map((entryId) => ({ entryId })),
      ...milestoneIds.map((milestoneId) => ({ milestoneId })),
    ];
    for (const target of targets) {
      const found = await findTarget(tx, target);
      if (!found || found.contractId !== contractId) throw workNotFound();
      if (found.status === "APPROVED") continue;
      await transitionWork(tx, { ...found, from: found.status, event: "APPROVE", actor, now });
      notified.push(...(await notifyWorkReviewed(tx, found, "APPROVED", now)));
      approved += 1;
    }
    if (approved === 0) throw new DomainError("CONFLICT", "Ces lignes sont déjà validées.");
    return { approved, notified };
  });
  await publishNotifications(result.notified);
  return { approved: result.approved };
}

/** PLANNED → SUBMITTED (or DISPUTED → SUBMITTED again) by an assignee working on the contract today. */
export async function submitMilestone({
  actorId,
  milestoneId,
  deliveryNote,
  now = new Date(),
}: {
  actorId: string;
  milestoneId: string;
  deliveryNote?: string | null;
  now?: Date;
}) {
  if ((deliveryNote ?? "").trim().length > workLimits.deliveryNote)
    throw new DomainError("VALIDATION", workMessages.deliveryNoteLength);
  const { change, notified } = await db.$transaction(async (tx) => {
    const milestone = await repo.findMilestone(tx, milestoneId);
    if (!milestone) throw workNotFound();
    const { contract } = await loadWorkContext(tx, actorId, milestone.contractId);
    if (!contract.assignees.some((a) => a.userId === actorId && a.cancelledAt === null))
      throw new DomainError("FORBIDDEN", NOT_ASSIGNEE_MESSAGE);
    const closed = contractClosedToWorkMessage(contract.status);
    if (closed) throw new DomainError("INVALID_TRANSITION", closed);
    const check = loggingAssignee(contract.assignees, actorId, storedDay(parisToday(now))!);
    if (!check.ok) throw new DomainError("VALIDATION", check.message);
    const event = milestone.status === "DISPUTED" ? "RESUBMIT" : "SUBMIT";
    const actor = { id: actorId, as: "ASSIGNEE" as const };
    const change = await transitionWork(tx, {
      kind: "MILESTONE",
      id: milestone.id,
      from: milestone.status,
      event,
      actor,
      deliveryNote,
      now,
    });
    return { change, notified: await notifyWorkSubmitted(tx, milestone.contractId, now) };
  });
  await publishNotifications(notified);
  return change;
}
