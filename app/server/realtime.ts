import type http from "node:http";
import { Server } from "socket.io";
import { logger } from "./logger";
import type { AuthenticateSocket } from "./app";

export type Realtime = { io: Server; close: () => Promise<void> };

type Options = { authenticate: AuthenticateSocket; redisUrl?: string };

/**
 * socket.io on the same HTTP server as Remix. The handshake is authenticated from the session
 * cookie; each socket joins only its user's personal room. Conversation rooms arrive with chat.
 */
export async function attachRealtime(httpServer: http.Server, options: Options): Promise<Realtime> {
  const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  let closeAdapter = async () => {};

  if (options.redisUrl) {
    const { createAdapter } = await import("@socket.io/redis-adapter");
    const { createClient } = await import("redis");
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    closeAdapter = async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    };
  }

  io.use((socket, next) => {
    options
      .authenticate(socket.handshake.headers.cookie)
      .then((user) => {
        if (!user) return next(new Error("Connexion requise"));
        socket.data.userId = user.id;
        next();
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "socket authentication failed");
        next(new Error("Connexion impossible"));
      });
  });

  io.on("connection", (socket) => {
    const userId = socket.data.userId as string;
    void socket.join(`user:${userId}`);
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
