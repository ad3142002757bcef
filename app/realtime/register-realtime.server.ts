import type { Server } from "socket.io";
import { sessionIdFromCookieHeader } from "#app/auth/session.server";
import { conversationIdsFor } from "#app/domain/chat/chat.server";
import { conversationRoom, setRealtimeBus, socketBus } from "#app/lib/realtime-bus.server";
import { logger } from "#app/server/logger";
import { listenToChat } from "./chat-events.server";
import { startSessionSweep } from "./socket-guard.server";

/**
 * Called by app/server/realtime.ts with the socket.io server, from the Remix build (entry.server
 * exports it): the domain of the build publishes through this bus, and each authenticated socket
 * joins the rooms of its user's conversations before `ready`.
 */
export function registerRealtime(io: Server, options: { sessionSweepMs?: number } = {}): void {
  setRealtimeBus(socketBus(io));
  startSessionSweep(io, options.sessionSweepMs ?? 60_000);

  io.use((socket, next) => {
    socket.data.sessionId = sessionIdFromCookieHeader(socket.handshake.headers.cookie);
    conversationIdsFor(socket.data.userId as string)
      .then((ids) => {
        socket.data.conversationRooms = ids.map(conversationRoom);
        next();
      })
      .catch((error: unknown) => {
        logger.error({ err: error, userId: socket.data.userId }, "socket rooms lookup failed");
        next(new Error("Connexion impossible"));
      });
  });

  io.on("connection", (socket) => {
    void socket.join(socket.data.conversationRooms as string[]);
    delete socket.data.conversationRooms;
    listenToChat(socket);
  });
}
