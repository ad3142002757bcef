import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "./domain-error";

// In-process limits (the embedded default). Several instances share limits through Redis
// once REDIS_URL-backed limiters replace these (see issue "Proof under pressure").
const buildLimiters = () => ({
  // 5 failed logins per email per 15 minutes, 20 per IP: enough for typos, not for guessing.
  loginByEmail: new RateLimiterMemory({ keyPrefix: "login-email", points: 5, duration: 15 * 60 }),
  loginByIp: new RateLimiterMemory({ keyPrefix: "login-ip", points: 20, duration: 15 * 60 }),
  signupByIp: new RateLimiterMemory({ keyPrefix: "signup-ip", points: 10, duration: 60 * 60 }),
  resetByEmail: new RateLimiterMemory({ keyPrefix: "reset-email", points: 3, duration: 60 * 60 }),
  // E-mails a user can trigger toward other addresses or her own: invitations, verification links.
  invitesByActor: new RateLimiterMemory({ keyPrefix: "invites", points: 20, duration: 60 * 60 }),
  verificationResend: new RateLimiterMemory({ keyPrefix: "verify-resend", points: 3, duration: 60 * 60 }),
  // Staff TOTP codes per account: 5 tries per 15 minutes (reset by a good code) leave a guesser
  // about one chance in 70,000 a day against 6 digits and a ±1 step window.
  totpByUser: new RateLimiterMemory({ keyPrefix: "totp-user", points: 5, duration: 15 * 60 }),
});

let limiters = buildLimiters();

export type LimiterName = keyof typeof limiters;

/** Spends one point; throws RATE_LIMITED with a French message when none are left. */
export async function consume(name: LimiterName, key: string): Promise<void> {
  try {
    await limiters[name].consume(key.toLowerCase());
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      throw new DomainError(
        "RATE_LIMITED",
        `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
      );
    }
    throw error;
  }
}

/** Gives back points spent by an attempt that turned out fine. */
export async function reward(name: LimiterName, key: string, points = 1): Promise<void> {
  await limiters[name].reward(key.toLowerCase(), points);
}

export async function reset(name: LimiterName, key: string): Promise<void> {
  await limiters[name].delete(key.toLowerCase());
}

/** Tests start from a clean slate. */
export function resetAllLimits(): void {
  limiters = buildLimiters();
}
