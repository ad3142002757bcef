// Staff second factor: RFC 6238 TOTP (SHA-1, 6 digits, 30 s — what authenticator apps expect),
// accepted one step either side of now. Secrets are encrypted at rest (totp-crypto.server.ts).
// A pending enrolment keeps its secret in User.totpSecret with totpEnabledAt still null, so
// reloading the enrolment page shows the same QR code.
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import QRCode from "qrcode";
import { DomainError, notFound } from "#app/lib/domain-error";
import { consume, reset, reward } from "#app/lib/rate-limit.server";
import { secondFactorPaths, secondFactorUrl } from "./second-factor-paths";
import { decryptTotpSecret, encryptTotpSecret, randomTotpSecret } from "./totp-crypto.server";
import * as repo from "./totp.repo.server";

export const totpSettings = { period: 30, digits: 6, algorithm: "SHA-1", window: 1 } as const;
const issuer = "Permanence";

export type TotpEnrolment = { secret: string; otpauthUri: string; qrSvg: string };
export type CodeCheck = { ok: true } | { ok: false; message: string };

const messages = {
  format: "Saisissez les 6 chiffres affichés par votre application d’authentification.",
  wrong:
    "Ce code n’est pas valide. Vérifiez que l’heure de votre téléphone est juste et saisissez le code affiché.",
  reused: "Ce code vient déjà d’être utilisé. Attendez le suivant (30 secondes au plus) et saisissez-le.",
  unreadable:
    "La double authentification de ce compte ne peut pas être vérifiée. Demandez à un administrateur de la réinitialiser.",
};

/** Where a password login leads: staff go through the second factor first. */
export async function destinationAfterLogin(userId: string, next: string): Promise<string> {
  const state = await repo.findTotpState(userId);
  if (state?.role !== "MODERATOR" && state?.role !== "ADMIN") return next;
  return secondFactorUrl(state.totpEnabledAt ? secondFactorPaths.verify : secondFactorPaths.enrol, next);
}

/** The secret to show (and the QR code to scan) until the first good code confirms it. */
export async function startTotpEnrolment(userId: string): Promise<TotpEnrolment> {
  const secret = await pendingSecret(userId);
  const state = await repo.findTotpState(userId);
  const otpauthUri = getTOTPAuthUri({ ...totpSettings, secret, issuer, accountName: state!.email });
  const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

async function pendingSecret(userId: string): Promise<string> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const state = await repo.findTotpState(userId);
    if (!state) throw notFound("Ce compte");
    if (state.totpEnabledAt)
      throw new DomainError("CONFLICT", "La double authentification est déjà activée.");
    const existing = state.totpSecret ? decryptTotpSecret(state.totpSecret, userId) : null;
    if (existing) return existing;
    // Compare-and-set: two tabs opened at once end up showing the same secret.
    await repo.storePendingSecret(userId, state.totpSecret, encryptTotpSecret(randomTotpSecret(), userId));
  }
  throw new DomainError("CONFLICT", "Rechargez la page pour afficher votre code d’activation.");
}

/** The first good code turns the pending secret on and counts as this session's second factor. */
export async function confirmTotpEnrolment(input: {
  userId: string;
  sessionId: string;
  code: string;
}): Promise<CodeCheck> {
  await consume("totpByUser", input.userId);
  const state = await repo.findTotpState(input.userId);
  if (!state) throw notFound("Ce compte");
  if (state.totpEnabledAt) throw new DomainError("CONFLICT", "La double authentification est déjà activée.");
  const secret = state.totpSecret ? decryptTotpSecret(state.totpSecret, input.userId) : null;
  if (!secret) return { ok: false, message: "Rechargez la page pour afficher votre code d’activation." };
  const check = await checkCode(input.userId, secret, input.code);
  if (!check.ok) return check;
  await repo.enableTotp(input.userId, input.sessionId, new Date());
  await reset("totpByUser", input.userId);
  return check;
}

/** Checks the code of an enrolled account and marks this session as having passed it. */
export async function verifyTotpCode(input: {
  userId: string;
  sessionId: string;
  code: string;
}): Promise<CodeCheck> {
  await consume("totpByUser", input.userId);
  const state = await repo.findTotpState(input.userId);
  if (!state) throw notFound("Ce compte");
  if (!state.totpEnabledAt || !state.totpSecret) {
    throw new DomainError("CONFLICT", "La double authentification n’est pas encore activée pour ce compte.");
  }
  const secret = decryptTotpSecret(state.totpSecret, input.userId);
  if (!secret) throw new DomainError("FORBIDDEN", messages.unreadable);
  const check = await checkCode(input.userId, secret, input.code);
  if (!check.ok) return check;
  await repo.markSessionSecondFactor(input.userId, input.sessionId, new Date());
  await reset("totpByUser", input.userId);
  return check;
}

const currentStep = () => Math.floor(Date.now() / 1000 / totpSettings.period);

/**
 * A reused code does not count toward the rate limit: it was right (nothing was guessed), and
 * two logins of one account within 30 s should wait for the next code, not be locked out.
 */
async function checkCode(userId: string, secret: string, rawCode: string): Promise<CodeCheck> {
  const code = rawCode.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false, message: messages.format };
  const before = currentStep();
  const match = await verifyTOTP({ otp: code, secret, ...totpSettings });
  const after = currentStep();
  if (!match) return { ok: false, message: messages.wrong };
  if (before + match.delta <= (usedSteps.get(userId) ?? -1)) {
    await reward("totpByUser", userId);
    return { ok: false, message: messages.reused };
  }
  rememberStep(userId, after + match.delta);
  return { ok: true };
}

// RFC 6238 §5.2: a code is accepted once. The last accepted step per account is kept in memory
// (no column for it): a restart, or a second app instance, forgets it — a replay then needs a
// code seen less than 90 seconds ago. Bounded so it cannot grow without limit.
const usedSteps = new Map<string, number>();
const maxRemembered = 10_000;

function rememberStep(userId: string, step: number) {
  const previous = usedSteps.get(userId) ?? -1;
  usedSteps.delete(userId);
  usedSteps.set(userId, Math.max(step, previous));
  if (usedSteps.size > maxRemembered) usedSteps.delete(usedSteps.keys().next().value!);
}

/** Tests start from a clean slate. */
export function forgetUsedTotpSteps(): void {
  usedSteps.clear();
}

/** Turns the second factor off: the next staff login enrols again (staff:create --reset-totp). */
export async function resetTotp(userId: string): Promise<void> {
  await repo.clearTotp(userId);
}

export async function isTotpEnabled(userId: string): Promise<boolean> {
  return Boolean((await repo.findTotpState(userId))?.totpEnabledAt);
}

/** Enrols an account with a known secret: the demo staff only (seed). */
export async function enableTotpWithSecret(userId: string, secret: string): Promise<void> {
  await repo.setEnabledSecret(userId, encryptTotpSecret(secret, userId), new Date());
}

/** The current code for a secret: the demo command and tests. */
export async function currentTotpCode(secret: string): Promise<string> {
  return (await generateTOTP({ ...totpSettings, secret })).otp;
}
