// Suspending and reinstating an account (issue 7). One transaction does it all: the account, her
// sessions, her profile out of search, her live proposals withdrawn, her open contracts flagged and
// their other parties told, her businesses' missions hidden, and exactly one audit row whose
// `after` lists what was touched — the reinstatement reads it back to undo just that.
import { notify, publishNotifications } from "#app/domain/notifications/notifications.server";
import { transitionProfile } from "#app/domain/profiles/profile-transition.server";
import { transitionProposal } from "#app/domain/proposals/proposal-transition.server";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError, forbidden, notFound } from "#app/lib/domain-error";
import { enqueueProfileOfUser, enqueueSearchUpdates } from "#search/sync/outbox";
import { findLatestAuditEntry, recordAudit } from "./audit.server";
import { canSuspendUser, type SafetyActor } from "./safety.policy";
import * as repo from "./suspensions.repo.server";

export const SUSPEND_ACTION = "USER_SUSPEND";
export const REINSTATE_ACTION = "USER_REINSTATE";
const WITHDRAW_REASON = "Retirée par l’équipe de modération : le compte de la candidate est suspendu.";

type SuspensionInput = { actor: SafetyActor; userId: string; reason: string };

async function lockedAccount(tx: Tx, actor: SafetyActor, userId: string) {
  const account = await repo.findAccount(tx, userId);
  if (!account) throw notFound("Ce compte");
  if (!canSuspendUser(actor, account))
    throw forbidden("Vous ne pouvez pas suspendre ou réactiver ce compte.");
  return account;
}

async function suspendProfile(tx: Tx, actor: SafetyActor, account: repo.Account, reason: string) {
  const profile = account.secretaryProfile;
  await enqueueProfileOfUser(tx, account.id);
  if (!profile || (profile.status !== "PUBLISHED" && profile.status !== "PENDING_REVIEW")) return null;
  const change = await transitionProfile(tx, {
    profileId: profile.id,
    event: "SUSPEND",
    actor: { id: actor.id, as: "STAFF" },
    reason,
  });
  return change.from;
}

/** Through the proposal machine, on the side the machine lets withdraw (the bidder's bid, the business's offer). */
async function withdrawProposals(tx: Tx, actor: SafetyActor, userId: string) {
  const live = await repo.findLiveProposalIds(tx, userId);
  for (const proposal of live) {
    await transitionProposal(tx, {
      proposalId: proposal.id,
      event: "WITHDRAW",
      actor: { id: actor.id, as: proposal.origin === "OFFER" ? "BUSINESS" : "BIDDER" },
      reason: WITHDRAW_REASON,
    });
  }
  return live.map((p) => p.id);
}

async function notifyContractParties(tx: Tx, contractIds: string[], userId: string, lifted: boolean) {
  const notified: string[] = [];
  for (const contractId of contractIds) {
    const parties = await repo.contractCounterparts(tx, contractId, userId);
    if (!parties) continue;
    const ids = await notify(tx, {
      userIds: parties.userIds,
      type: "MODERATION_OUTCOME",
      title: lifted
        ? `Contrat « ${parties.title} » : signalement levé`
        : `Contrat « ${parties.title} » signalé par la modération`,
      body: lifted
        ? "Le compte suspendu a été réactivé : le contrat n’est plus signalé."
        : "Un participant de ce contrat a été suspendu. L’équipe de modération vous contactera si nécessaire ; en attendant, ne lui versez rien en dehors de Permanence.",
      link: `/contrats/${contractId}`,
    });
    notified.push(...ids);
  }
  return notified;
}

/** The suspension itself, inside the caller's transaction (the reports queue resolves a report with it). */
/** Her contracts flagged and her businesses' missions hidden (out of search too). */
async function flagAndHide(tx: Tx, account: repo.Account, now: Date) {
  const owned = account.memberships.map((m) => m.organizationId);
  const flaggedContractIds = await repo.findOpenContractIds(tx, account.id, owned);
  await repo.flagContracts(tx, flaggedContractIds, `Compte suspendu : ${account.displayName}`, now);
  const hiddenMissionIds = await repo.hideMissionsOf(tx, owned, now);
  await enqueueSearchUpdates(tx, "missions", hiddenMissionIds);
  return { flaggedContractIds, hiddenMissionIds };
}

export async function suspendUserInTx(
  tx: Tx,
  input: SuspensionInput & { reportId?: string },
): Promise<{ notified: string[] }> {
  const account = await lockedAccount(tx, input.actor, input.userId);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("VALIDATION", "Indiquez le motif de la suspension.");
  const now = new Date();
  if (!(await repo.setSuspension(tx, account.id, { suspendedAt: now, suspensionReason: reason })))
    throw new DomainError("CONFLICT", "Ce compte est déjà suspendu.");
  const sessionsRevoked = await repo.deleteSessions(tx, account.id);
  const profileFrom = await suspendProfile(tx, input.actor, account, reason);
  const withdrawnProposalIds = await withdrawProposals(tx, input.actor, account.id);
  const touched = await flagAndHide(tx, account, now);
  const notified = await notifyContractParties(tx, touched.flaggedContractIds, account.id, false);
  const profileStatus = account.secretaryProfile?.status ?? null;
  await recordAudit(tx, {
    actorId: input.actor.id,
    action: SUSPEND_ACTION,
    targetType: "User",
    targetId: account.id,
    reason,
    before: { suspendedAt: null, profileStatus },
    after: {
      suspendedAt: now.toISOString(),
      profileStatus: profileFrom ? "SUSPENDED" : profileStatus,
      profileSuspended: profileFrom !== null,
      sessionsRevoked,
      withdrawnProposalIds,
      ...touched,
      ...(input.reportId ? { reportId: input.reportId } : {}),
    },
  });
  return { notified };
}

export async function suspendUser(input: SuspensionInput) {
  const { notified } = await db.$transaction((tx) => suspendUserInTx(tx, input));
  await publishNotifications(notified);
  return { userId: input.userId };
}

const idList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** What the last suspension did, to undo it. */
async function lastSuspension(tx: Tx, userId: string) {
  const entry = await findLatestAuditEntry(tx, {
    action: SUSPEND_ACTION,
    targetType: "User",
    targetId: userId,
  });
  const after = (entry?.after ?? {}) as Record<string, unknown>;
  return {
    profileSuspended: after.profileSuspended === true,
    flaggedContractIds: idList(after.flaggedContractIds),
    hiddenMissionIds: idList(after.hiddenMissionIds),
  };
}

async function reinstateProfile(tx: Tx, actor: SafetyActor, account: repo.Account, reason: string) {
  await enqueueProfileOfUser(tx, account.id);
  if (account.secretaryProfile?.status !== "SUSPENDED") return false;
  await transitionProfile(tx, {
    profileId: account.secretaryProfile.id,
    event: "REINSTATE",
    actor: { id: actor.id, as: "STAFF" },
    reason,
  });
  return true;
}

/** The reinstatement inside its transaction; returns the users to notify. */
async function reinstateUserInTx(tx: Tx, input: SuspensionInput): Promise<string[]> {
  const account = await lockedAccount(tx, input.actor, input.userId);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("VALIDATION", "Indiquez le motif de la réactivation.");
  if (!(await repo.setSuspension(tx, account.id, null)))
    throw new DomainError("CONFLICT", "Ce compte n’est pas suspendu.");
  const undo = await lastSuspension(tx, account.id);
  // A profile suspended on its own (review page) before the account stays suspended.
  const profileReinstated =
    undo.profileSuspended && (await reinstateProfile(tx, input.actor, account, reason));
  await repo.unhideMissions(tx, undo.hiddenMissionIds);
  await enqueueSearchUpdates(tx, "missions", undo.hiddenMissionIds);
  const cleared = await repo.clearContractFlags(tx, undo.flaggedContractIds);
  const notified = await notifyContractParties(tx, cleared, account.id, true);
  await recordAudit(tx, {
    actorId: input.actor.id,
    action: REINSTATE_ACTION,
    targetType: "User",
    targetId: account.id,
    reason,
    before: {
      suspendedAt: account.suspendedAt?.toISOString() ?? null,
      suspensionReason: account.suspensionReason,
    },
    after: {
      suspendedAt: null,
      profileReinstated,
      unflaggedContractIds: cleared,
      restoredMissionIds: undo.hiddenMissionIds,
    },
  });
  return notified;
}

/**
 * Reverses what can be: the account, her profile (if the suspension suspended it), her missions and
 * contract flags. Withdrawn proposals stay withdrawn — the businesses may have moved on.
 */
export async function reinstateUser(input: SuspensionInput) {
  const notified = await db.$transaction((tx) => reinstateUserInTx(tx, input));
  await publishNotifications(notified);
  return { userId: input.userId };
}
