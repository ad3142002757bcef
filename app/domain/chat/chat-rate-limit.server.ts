// A flood of messages from one user is refused with a clear French message before anything is
// written. In-process like app/lib/rate-limit.server.ts (a Redis limiter can replace it).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "#app/lib/domain-error";

export const MESSAGE_LIMIT = { points: 20, duration: 10 } as const;

let limiter = new RateLimiterMemory({ keyPrefix: "chat-messages", ...MESSAGE_LIMIT });

export function rateLimitMessage(seconds: number): string {
  return `Vous envoyez trop de messages. Réessayez dans ${seconds} seconde${seconds > 1 ? "s" : ""}.`;
}

export async function consumeMessagePoint(userId: string): Promise<void> {
  try {
    await limiter.consume(userId);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new DomainError(
        "RATE_LIMITED",
        rateLimitMessage(Math.max(1, Math.ceil(error.msBeforeNext / 1000))),
      );
    }
    throw error;
  }
}

/** Tests start from a clean slate. */
export function resetMessageLimits(): void {
  limiter = new RateLimiterMemory({ keyPrefix: "chat-messages", ...MESSAGE_LIMIT });
}

/** A retried send that found its message already written gives its point back. */
export async function refundMessagePoint(userId: string): Promise<void> {
  await limiter.reward(userId, 1);
}
