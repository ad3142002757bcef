import type { Socket } from "socket.io";
import type { z } from "zod";
import { DomainError } from "#app/lib/domain-error";
import { logger } from "#app/server/logger";
import { firstIssue } from "./realtime.schema";
import { SESSION_EXPIRED, SocketRefusal, spendEvent } from "./socket-guard.server";

export type AckResponse = ({ ok: true } & Record<string, unknown>) | { ok: false; error: string };
type Ack = (response: AckResponse) => void;

export type EventSpec<T> = {
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  /** Without an ack the sender could not learn the outcome: such an emit is ignored. */
  ackRequired: boolean;
  run: (socket: Socket, input: T) => Promise<Record<string, unknown>>;
};

export const GENERIC_ERROR = "Une erreur est survenue. Réessayez dans un instant.";

/**
 * One client → server event: rate limit, then zod, then the handler (which re-checks the session
 * before any domain call). Every refusal is a French `{ ok: false, error }` ack and has no effect.
 */
export function listen<T>(socket: Socket, event: string, spec: EventSpec<T>): void {
  socket.on(event, (...args: unknown[]) => {
    const ack = typeof args.at(-1) === "function" ? (args.pop() as Ack) : undefined;
    if (spec.ackRequired && !ack) return;
    void answer(socket, event, spec, args, ack ?? (() => {}));
  });
}

async function answer<T>(socket: Socket, event: string, spec: EventSpec<T>, args: unknown[], reply: Ack) {
  try {
    await spendEvent(socket.data.userId as string);
    const parsed = spec.schema.safeParse(args.length === 1 ? args[0] : undefined);
    if (!parsed.success) return reply({ ok: false, error: firstIssue(parsed.error) });
    reply({ ok: true, ...(await spec.run(socket, parsed.data)) });
  } catch (error) {
    reply({ ok: false, error: refusalMessage(error, event, socket) });
    if (error instanceof SocketRefusal && error.disconnect) socket.disconnect(true);
  }
}

function refusalMessage(error: unknown, event: string, socket: Socket): string {
  if (error instanceof SocketRefusal) return error.message;
  if (error instanceof DomainError) return error.code === "UNAUTHENTICATED" ? SESSION_EXPIRED : error.message;
  logger.error({ err: error, event, userId: socket.data.userId }, "socket event failed");
  return GENERIC_ERROR;
}
