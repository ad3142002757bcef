import crypto from "node:crypto";
import { burnPasswordCheck, hashPassword, verifyPassword } from "#app/auth/password.server";
import { db } from "#app/lib/db.server";
import { sendMail } from "#app/lib/mail.server";
import { DomainError } from "#app/lib/domain-error";
import { consume, isBlocked, reset } from "#app/lib/rate-limit.server";
import { uniqueSlug } from "#app/lib/slug";
import { resetPasswordMessage, verifyEmailMessage } from "./account-emails";
import type { SignupInput } from "./accounts.schema";
import { consumeToken, hashToken, issueToken } from "./tokens.server";

export type FieldFailure = { ok: false; field?: string; message: string };

const userKindBySignup = { BUSINESS: "BUSINESS", SECRETARY: "SECRETARY", AGENCY: "AGENCY_OWNER" } as const;

/** Creates the user with what her kind needs (organisation or draft profile), then sends the verification link. */
export async function signUp(
  input: SignupInput,
  ctx: { appUrl: string; ip: string },
): Promise<{ ok: true; userId: string } | FieldFailure> {
  await consume("signupByIp", ctx.ip);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { ok: false, field: "email", message: "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe." };

  const passwordHash = await hashPassword(input.password);
  const userId = crypto.randomUUID();
  const token = await db.$transaction(async (tx) => {
    await tx.user.create({
      data: { id: userId, email: input.email, displayName: input.displayName, passwordHash, kind: userKindBySignup[input.kind] },
    });
    if (input.kind === "SECRETARY") {
      await tx.secretaryProfile.create({ data: { userId, slug: uniqueSlug(input.displayName) } });
    } else {
      const name = input.organizationName!;
      await tx.organization.create({
        data: {
          kind: input.kind,
          name,
          slug: uniqueSlug(name),
          memberships: { create: { userId, role: "OWNER" } },
        },
      });
    }
    return issueToken(userId, "VERIFY_EMAIL", tx);
  });
  await sendMail({ to: input.email, ...verifyEmailMessage(input.displayName, `${ctx.appUrl}/verification-email?token=${token}`) });
  return { ok: true, userId };
}

const tokenMessages = {
  UNKNOWN: "Ce lien n’est pas valide.",
  EXPIRED: "Ce lien a expiré. Demandez-en un nouveau.",
  USED: "Ce lien a déjà été utilisé.",
} as const;

export async function verifyEmail(token: string): Promise<{ ok: true; userId: string } | FieldFailure> {
  return db.$transaction(async (tx) => {
    const result = await consumeToken(token, "VERIFY_EMAIL", tx);
    if (!result.ok) return { ok: false, message: tokenMessages[result.reason] };
    await tx.user.update({ where: { id: result.userId }, data: { emailVerifiedAt: new Date() } });
    return { ok: true, userId: result.userId };
  });
}

export async function resendVerification(userId: string, appUrl: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, displayName: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return;
  const token = await issueToken(userId, "VERIFY_EMAIL");
  await sendMail({ to: user.email, ...verifyEmailMessage(user.displayName, `${appUrl}/verification-email?token=${token}`) });
}

const wrongCredentials = "Adresse e-mail ou mot de passe incorrect.";

/**
 * Checks a login. Unknown email and wrong password get the same message and take the same time.
 * Only failures count toward the limits (per email and per address), so a busy office sharing
 * one address is not locked out by its own successful logins.
 */
export async function authenticate(input: { email: string; password: string; ip: string }): Promise<{ ok: true; userId: string } | FieldFailure> {
  if ((await isBlocked("loginByEmail", input.email)) || (await isBlocked("loginByIp", input.ip))) {
    throw new DomainError("RATE_LIMITED", "Trop de tentatives de connexion. Réessayez dans 15 minutes.");
  }
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, suspendedAt: true },
  });
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : await burnPasswordCheck(input.password);
  if (!user || !passwordOk) {
    await Promise.all([penalize("loginByEmail", input.email), penalize("loginByIp", input.ip)]);
    return { ok: false, message: wrongCredentials };
  }
  if (user.suspendedAt) return { ok: false, message: "Ce compte est suspendu. Contactez le support de Permanence." };
  await reset("loginByEmail", input.email);
  return { ok: true, userId: user.id };
}

async function penalize(name: "loginByEmail" | "loginByIp", key: string) {
  await consume(name, key).catch((error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
  });
}

/** Always answers the same way, whether the email exists or not. */
export async function requestPasswordReset(email: string, appUrl: string): Promise<void> {
  await consume("resetByEmail", email);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, displayName: true, suspendedAt: true } });
  if (!user || user.suspendedAt) return;
  const token = await issueToken(user.id, "RESET_PASSWORD");
  await sendMail({ to: email, ...resetPasswordMessage(user.displayName, `${appUrl}/reinitialisation?token=${token}`) });
}

/** Sets the new password and signs out every session (the old password may be known to someone). */
export async function resetPassword(token: string, password: string): Promise<{ ok: true; userId: string } | FieldFailure> {
  const passwordHash = await hashPassword(password);
  const result = await db.$transaction(async (tx) => {
    const consumed = await consumeToken(token, "RESET_PASSWORD", tx);
    if (!consumed.ok) return { ok: false as const, message: tokenMessages[consumed.reason] };
    // Clicking the emailed link also proves the address.
    const user = await tx.user.findUniqueOrThrow({ where: { id: consumed.userId }, select: { emailVerifiedAt: true } });
    await tx.user.update({
      where: { id: consumed.userId },
      data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
    await tx.session.deleteMany({ where: { userId: consumed.userId } });
    return { ok: true as const, userId: consumed.userId };
  });
  return result;
}

export async function checkResetToken(token: string): Promise<boolean> {
  const row = await db.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  return !!row && row.purpose === "RESET_PASSWORD" && !row.usedAt && row.expiresAt.getTime() > Date.now();
}
