// Moderation fixtures: a profile waiting in the queue, a decision posted as a moderator would,
// and everything a decision may have written.
import { db } from "#app/lib/db.server";
import { listCapturedMail } from "#app/lib/mail.server";
import * as review from "#app/routes/moderation+/profils.$profileId";
import { createSecretary } from "#tests/factories/users";
import { formRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

export async function pendingProfile(
  options: { submittedAt?: Date; headline?: string; agencyId?: string; name?: string } = {},
) {
  const secretary = await createSecretary({
    status: "PENDING_REVIEW",
    headline: options.headline ?? "Secrétaire médicale à distance",
    agencyId: options.agencyId,
    displayName: options.name ?? "Sophie Lambert",
  });
  await db.secretaryProfile.update({
    where: { id: secretary.profile.id },
    data: { submittedAt: options.submittedAt ?? new Date() },
  });
  return secretary;
}

export async function decide(
  profileId: string,
  fields: Record<string, string | undefined>,
  userId?: string,
  csrf = true,
) {
  const request = await formRequest(`/moderation/profils/${profileId}`, fields, { userId, csrf });
  return runRoute(review.action, request, { profileId });
}

export async function writesFor(profileId: string) {
  const [profile, history, audits] = await Promise.all([
    db.secretaryProfile.findUniqueOrThrow({
      where: { id: profileId },
      select: { status: true, publishedAt: true },
    }),
    db.profileStatusChange.findMany({
      where: { profileId },
      orderBy: { createdAt: "asc" },
      select: { from: true, to: true, actorId: true, reason: true },
    }),
    db.auditLog.findMany({
      where: { targetType: "SecretaryProfile", targetId: profileId },
      orderBy: { createdAt: "asc" },
      select: { actorId: true, action: true, reason: true, before: true, after: true },
    }),
  ]);
  return { profile, history, audits };
}

export const mailsTo = async (email: string) => (await listCapturedMail()).filter((m) => m.to === email);
