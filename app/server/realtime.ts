import type http from "node:http";
import { Server } from "socket.io";
import { userRoom } from "#app/lib/realtime-bus.server";
import type { AuthenticateSocket } from "./app";
import { logger } from "./logger";

export type Realtime = { io: Server; close: () => Promise<void> };

type Options = {
  authenticate: AuthenticateSocket;
  /** Installs the chat handlers (entry.server's registerRealtime, from the Remix build). */
  register?: (io: Server) => void;
  redisUrl?: string;
  /** Prefix of the Redis pub/sub channels; instances that must talk to each other share it. */
  redisKey?: string;
};

// Attachments go through HTTP; the largest payload is a 5,000-character message (≤ ~30 KB as JSON).
export const MAX_SOCKET_PAYLOAD_BYTES = 48 * 1024;

/**
 * socket.io on the same HTTP server as Remix. The handshake is authenticated from the session
 * cookie; each socket joins its user's personal room, and the registered handlers add the rooms
 * of her conversations. `ready` is sent once every room is joined.
 */
export async function attachRealtime(httpServer: http.Server, options: Options): Promise<Realtime> {
  const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES });
  const closeAdapter = options.redisUrl
    ? await attachRedisAdapter(io, options.redisUrl, options.redisKey)
    : async () => {};

  io.use((socket, next) => {
    options
      .authenticate(socket.handshake.headers.cookie)
      .then((user) => {
        if (!user) return next(new Error("Connexion requise"));
        socket.data.userId = user.id;
        socket.data.userName = user.displayName;
        next();
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "socket authentication failed");
        next(new Error("Connexion impossible"));
      });
  });

  // Its middlewares run after the authentication above, its connection handler before the one below.
  options.register?.(io);

  io.on("connection", (socket) => {
    const userId = socket.data.userId as string;
    void socket.join(userRoom(userId));
    socket.emit("ready", { userId });
  });

  return {
    io,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closeAdapter();
    },
  };
}

async function attachRedisAdapter(io: Server, url: string, key?: string) {
  const { createAdapter } = await import("@socket.io/redis-adapter");
  const { createClient } = await import("redis");
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub])
    client.on("error", (error: unknown) => logger.error({ err: error }, "redis adapter"));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, key ? { key } : {}));
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
