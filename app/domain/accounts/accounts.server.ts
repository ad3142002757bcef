import crypto from "node:crypto";
import { burnPasswordCheck, hashPassword, verifyPassword } from "#app/auth/password.server";
import { db, isUniqueConstraintError } from "#app/lib/db.server";
import { sendMail } from "#app/lib/mail.server";
import { consume, reset, reward } from "#app/lib/rate-limit.server";
import { resetPasswordMessage, verifyEmailMessage } from "./account-emails";
import {
  createAccount,
  findCredentialsByEmail,
  findMailIdentity,
  findUserIdByEmail,
  markEmailVerified,
  replacePassword,
} from "./accounts.repo.server";
import type { SignupInput } from "./accounts.schema";
import { consumeToken, isTokenUsable, issueToken } from "./tokens.server";

export type FieldFailure = { ok: false; field?: string; message: string };

const duplicateEmail: FieldFailure = {
  ok: false,
  field: "email",
  message: "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.",
};

/** Creates the user with what her kind needs (organisation or draft profile), then sends the verification link. */
export async function signUp(
  input: SignupInput,
  ctx: { appUrl: string; ip: string },
): Promise<{ ok: true; userId: string } | FieldFailure> {
  await consume("signupByIp", ctx.ip);
  if (await findUserIdByEmail(input.email)) return duplicateEmail;

  const passwordHash = await hashPassword(input.password);
  const userId = crypto.randomUUID();
  let token: string;
  try {
    token = await db.$transaction(async (tx) => {
      await createAccount(tx, { ...input, id: userId, passwordHash });
      return issueToken(userId, "VERIFY_EMAIL", tx);
    });
  } catch (error) {
    // Two sign-ups with one address at the same instant: the unique index decides.
    if (isUniqueConstraintError(error)) return duplicateEmail;
    throw error;
  }
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
    await markEmailVerified(tx, result.userId);
    return { ok: true, userId: result.userId };
  });
}

export async function resendVerification(userId: string, appUrl: string): Promise<void> {
  const user = await findMailIdentity({ id: userId });
  if (!user || user.emailVerifiedAt) return;
  await consume("verificationResend", userId);
  const token = await issueToken(userId, "VERIFY_EMAIL");
  await sendMail({ to: user.email, ...verifyEmailMessage(user.displayName, `${appUrl}/verification-email?token=${token}`) });
}

const wrongCredentials = "Adresse e-mail ou mot de passe incorrect.";

/**
 * Checks a login. Unknown email and wrong password get the same message and take the same time.
 * A point is spent per email and per address BEFORE the password is checked, so parallel guesses
 * cannot slip past the limit; a successful login gives its points back, so only failures count
 * and a busy office sharing one address is not locked out by its own logins.
 */
export async function authenticate(input: { email: string; password: string; ip: string }): Promise<{ ok: true; userId: string } | FieldFailure> {
  await consume("loginByEmail", input.email);
  await consume("loginByIp", input.ip);
  const user = await findCredentialsByEmail(input.email);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : await burnPasswordCheck(input.password);
  if (!user || !passwordOk) return { ok: false, message: wrongCredentials };
  if (user.suspendedAt) return { ok: false, message: "Ce compte est suspendu. Contactez le support de Permanence." };
  await Promise.all([reset("loginByEmail", input.email), reward("loginByIp", input.ip)]);
  return { ok: true, userId: user.id };
}

/** Always answers the same way, whether the email exists or not. */
export async function requestPasswordReset(email: string, appUrl: string): Promise<void> {
  await consume("resetByEmail", email);
  const user = await findMailIdentity({ email });
  if (!user || user.suspendedAt) return;
  const token = await issueToken(user.id, "RESET_PASSWORD");
  await sendMail({ to: email, ...resetPasswordMessage(user.displayName, `${appUrl}/reinitialisation?token=${token}`) });
}

/** Sets the new password and signs out every session (the old password may be known to someone). */
export async function resetPassword(token: string, password: string): Promise<{ ok: true; userId: string } | FieldFailure> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const consumed = await consumeToken(token, "RESET_PASSWORD", tx);
    if (!consumed.ok) return { ok: false as const, message: tokenMessages[consumed.reason] };
    await replacePassword(tx, consumed.userId, passwordHash);
    return { ok: true as const, userId: consumed.userId };
  });
}

export function checkResetToken(token: string): Promise<boolean> {
  return isTokenUsable(token, "RESET_PASSWORD");
}
