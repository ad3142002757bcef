// The writes of an erasure, in the caller's transaction. Each function clears one kind of personal
// data; the order is in account-erasure.server.ts.
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Tx } from "#app/lib/db.server";
import { enqueueSearchUpdate } from "#search/sync/outbox";

export const ERASED_NAME = "Compte supprimé";
export const ERASED_MESSAGE = "Message supprimé";
export const ERASED_TEXT = "Texte supprimé (compte supprimé)";
/** Not an argon2 hash: verifyPassword fails on it, whatever is typed. */
export const UNUSABLE_PASSWORD = "!compte-supprime";

export const erasedEmail = (userId: string) => `supprime-${userId}@invalid`;

export async function anonymiseUser(tx: Tx, userId: string, now: Date) {
  await tx.session.deleteMany({ where: { userId } });
  await tx.emailToken.deleteMany({ where: { userId } });
  await tx.user.update({
    where: { id: userId },
    data: {
      email: erasedEmail(userId),
      displayName: ERASED_NAME,
      passwordHash: UNUSABLE_PASSWORD,
      emailVerifiedAt: null,
      suspensionReason: null,
      anonymizedAt: now,
    },
    select: { id: true },
  });
}

/** Her profile leaves the site: deleted, and the search worker removes its document. */
export async function deleteProfile(tx: Tx, userId: string) {
  const profile = await tx.secretaryProfile.findUnique({ where: { userId }, select: { id: true } });
  if (!profile) return;
  await tx.secretaryProfile.delete({ where: { id: profile.id } });
  await enqueueSearchUpdate(tx, "secretaries", profile.id);
}

export async function eraseMessages(tx: Tx, userId: string) {
  await tx.messageAttachment.deleteMany({ where: { message: { senderId: userId } } });
  await tx.message.updateMany({
    where: { senderId: userId },
    data: { body: ERASED_MESSAGE, maskedBody: null },
  });
}

/** Notifications, preferences, read marks, pledges, memberships, e-mails queued or sent to her. */
export async function deleteOwnRows(tx: Tx, userId: string, email: string) {
  await tx.notification.deleteMany({ where: { userId } });
  await tx.notificationPreference.deleteMany({ where: { userId } });
  await tx.conversationRead.deleteMany({ where: { userId } });
  await tx.confidentialityPledge.deleteMany({ where: { userId } });
  await tx.membership.deleteMany({ where: { userId } });
  await tx.emailOutbox.deleteMany({ where: { OR: [{ userId }, { to: email }] } });
  await tx.agencyInvitation.deleteMany({ where: { email } });
  await tx.invoicingIdentity.deleteMany({ where: { userId } });
  await tx.payoutAccount.deleteMany({ where: { userId } });
  // Not a legal record of the platform (the businesses keep their own copy): deleted, files too.
  await tx.vigilanceCertificate.deleteMany({ where: { userId } });
}

/** The texts she wrote in proposals (her bids, the offers she made) are replaced. */
export async function eraseProposalTexts(tx: Tx, userId: string) {
  await tx.proposal.updateMany({
    where: { OR: [{ bidderUserId: userId, origin: "BID" }, { createdById: userId }] },
    data: { coverLetter: ERASED_TEXT },
  });
}

export function findLiveOwnProposals(tx: Tx, userId: string) {
  return tx.proposal.findMany({
    where: { bidderKey: `user:${userId}`, live: true },
    select: { id: true, origin: true },
  });
}

/** Missions still in progress of the organizations she alone belonged to. */
export function findOrphanedMissions(tx: Tx, organizationIds: string[]) {
  return tx.mission.findMany({
    where: { organizationId: { in: organizationIds }, status: { in: ["DRAFT", "PENDING_REVIEW", "OPEN"] } },
    select: { id: true },
  });
}

/**
 * Contract terms are a frozen snapshot naming the provider: her name is replaced there (the legal
 * copy is in the retained billing mandate), and reports about her content lose their copy of it.
 */
export async function eraseNameInContracts(tx: Tx, userId: string) {
  const contracts = await tx.contract.findMany({
    where: { providerUserId: userId },
    select: { id: true, terms: true },
  });
  for (const contract of contracts) {
    const terms = contract.terms as Record<string, unknown> | null;
    const provider = terms?.provider as Record<string, unknown> | undefined;
    if (!terms || !provider) continue;
    const next = { ...terms, provider: { ...provider, displayName: ERASED_NAME } } as Prisma.InputJsonValue;
    await tx.contract.update({ where: { id: contract.id }, data: { terms: next }, select: { id: true } });
  }
}

export async function eraseReportSnapshots(tx: Tx, userId: string, profileId: string | null) {
  const messageIds = (await tx.message.findMany({ where: { senderId: userId }, select: { id: true } })).map(
    (m) => m.id,
  );
  await tx.report.updateMany({
    where: {
      OR: [
        { targetType: "USER", targetId: userId },
        { targetType: "MESSAGE", targetId: { in: messageIds } },
        ...(profileId ? [{ targetType: "PROFILE", targetId: profileId }] : []),
      ],
    },
    data: { snapshot: { erased: true } },
  });
}

/**
 * Other people's notifications and e-mails that name her: "Message de <her name>" loses her name and
 * her words, e-mails announcing her messages are dropped, and her name elsewhere is replaced.
 */
export async function eraseMentions(tx: Tx, displayName: string) {
  if (displayName.trim().length < 3) return;
  const pattern = `%${displayName}%`;
  await tx.notification.updateMany({
    where: { type: "MESSAGE_RECEIVED", title: `Message de ${displayName}` },
    data: { title: "Message d’un compte supprimé", body: ERASED_MESSAGE },
  });
  await tx.$executeRaw`UPDATE "Notification" SET "title" = REPLACE("title", ${displayName}, ${ERASED_NAME}),
    "body" = REPLACE("body", ${displayName}, ${ERASED_NAME}) WHERE "title" LIKE ${pattern} OR "body" LIKE ${pattern}`;
  await tx.$executeRaw`DELETE FROM "EmailOutbox" WHERE "kind" = 'MESSAGE_RECEIVED'
    AND ("subject" LIKE ${pattern} OR "text" LIKE ${pattern})`;
  await tx.$executeRaw`UPDATE "EmailOutbox" SET "subject" = REPLACE("subject", ${displayName}, ${ERASED_NAME}),
    "text" = REPLACE("text", ${displayName}, ${ERASED_NAME}), "html" = REPLACE("html", ${displayName}, ${ERASED_NAME})
    WHERE "subject" LIKE ${pattern} OR "text" LIKE ${pattern} OR "html" LIKE ${pattern}`;
}
