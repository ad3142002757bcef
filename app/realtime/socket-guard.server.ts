import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Server, Socket } from "socket.io";
import { isSessionLive, liveSessionIds } from "#app/auth/session.server";
import { logger } from "#app/server/logger";

/** A refusal decided at the socket layer (before any domain call); its message is French. */
export class SocketRefusal extends Error {
  constructor(
    message: string,
    readonly disconnect = false,
  ) {
    super(message);
    this.name = "SocketRefusal";
  }
}

export const SESSION_EXPIRED = "Votre session a expiré. Reconnectez-vous pour continuer.";

// Every event a user's sockets send, valid or not, spends a point: a flood of syncs or malformed
// payloads stops here, before zod or the database. Message sends have their own, stricter limit in
// the chat domain. In-process: with several instances each one counts its own sockets.
const EVENTS_PER_WINDOW = 120;
const WINDOW_SECONDS = 10;
const eventLimiter = new RateLimiterMemory({
  keyPrefix: "socket-events",
  points: EVENTS_PER_WINDOW,
  duration: WINDOW_SECONDS,
});

export async function spendEvent(userId: string): Promise<void> {
  try {
    await eventLimiter.consume(userId);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new SocketRefusal(
        `Trop de requêtes en peu de temps. Réessayez dans ${seconds} seconde${seconds > 1 ? "s" : ""}.`,
      );
    }
    throw error;
  }
}

/**
 * The handshake checked the session once; a socket can outlive it (logout elsewhere, "log out
 * everywhere", expiry, suspension). Events re-check it — one primary-key read of the session the
 * handshake found (it is not extended: pages do that) — at most every `maxAgeMs`; a dead session
 * refuses the event and ends the socket.
 */
export async function requireLiveSession(socket: Socket, maxAgeMs = 0): Promise<void> {
  const checkedAt = (socket.data.sessionCheckedAt as number | undefined) ?? 0;
  if (maxAgeMs > 0 && Date.now() - checkedAt < maxAgeMs) return;
  const sessionId = socket.data.sessionId as string | null | undefined;
  const live = !!sessionId && (await isSessionLive(sessionId, socket.data.userId as string));
  if (!live) throw new SocketRefusal(SESSION_EXPIRED, true);
  socket.data.sessionCheckedAt = Date.now();
}

const TYPING_INTERVAL_MS = 2000;

/** At most one `typing` per conversation every two seconds per socket; the rest are dropped. */
export function typingAllowed(socket: Socket, conversationId: string): boolean {
  const last = (socket.data.typingAt ??= new Map<string, number>()) as Map<string, number>;
  const now = Date.now();
  if (now - (last.get(conversationId) ?? 0) < TYPING_INTERVAL_MS) return false;
  last.set(conversationId, now);
  return true;
}

/**
 * A socket that sends nothing would still receive its rooms' messages after its session ended
 * ("log out everywhere" after a theft, expiry, suspension): every `intervalMs` this instance checks
 * the sessions of its own sockets, 500 per query, and disconnects the dead ones.
 */
export function startSessionSweep(io: Server, intervalMs: number): void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepSessions(io)
      .catch((error: unknown) => logger.error({ err: error }, "socket session sweep failed"))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  io.httpServer?.once("close", () => clearInterval(timer));
}

async function sweepSessions(io: Server): Promise<void> {
  const sockets = [...io.of("/").sockets.values()];
  for (let i = 0; i < sockets.length; i += 500) {
    const chunk = sockets.slice(i, i + 500);
    const live = await liveSessionIds(chunk.map((s) => s.data.sessionId as string));
    for (const socket of chunk.filter((s) => !live.has(s.data.sessionId as string))) {
      socket.emit("session:expired", { message: SESSION_EXPIRED });
      socket.disconnect(true);
    }
  }
}
