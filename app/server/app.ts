import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Server } from "socket.io";
import { logger } from "./logger";
import { attachRealtime, type Realtime } from "./realtime";

export type AppServerOptions = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Project folder holding build/ and public/. */
  root: string;
  trustProxy?: boolean;
  redisUrl?: string;
};

export type AppServer = { httpServer: http.Server; realtime: Realtime };

/** Express serving Remix and socket.io on one HTTP server (docs/decisions/003-server-location.md). */
export async function createAppServer(options: AppServerOptions): Promise<AppServer> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id =
          typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url?.startsWith("/build/") ?? false },
      // Method, path, status and timing are enough; headers would log cookies and noise.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: redactTokens(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(compression());
  // A fresh nonce per response: only scripts Remix renders with it may run (no 'unsafe-inline').
  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "connect-src": ["'self'", "ws:", "wss:"],
          "frame-ancestors": ["'none'"],
          "form-action": ["'self'"],
          "upgrade-insecure-requests": null,
        },
      },
      // HSTS only makes sense behind TLS; helmet sends it and browsers ignore it on plain http.
      crossOriginEmbedderPolicy: false,
      // Not helmet's "no-referrer": with it Chrome sends `Origin: null` on plain form posts, which
      // Remix rightly refuses as a possible CSRF — and forms must work without JavaScript.
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    }),
  );

  // Fingerprinted assets are cached for a year; public/ files for an hour.
  app.use(
    "/build",
    express.static(path.join(options.root, "build", "client"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.join(options.root, "public"), { maxAge: "1h" }));

  const handler = createRequestHandler({
    build: options.build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientIp: req.ip ?? "local",
      requestId: String(req.id),
      cspNonce: String(res.locals.cspNonce),
    }),
  });
  app.all("*", (req, res, next) => {
    Promise.resolve(handler(req, res, next)).catch(next);
  });

  const httpServer = http.createServer(app);
  const build = typeof options.build === "function" ? await options.build() : options.build;
  // The session check comes from the Remix build itself (entry.server exports it), so the socket
  // handshake and the pages share one module graph and one database client.
  // The chat handlers too, so they publish through the bus the domain of the build imports.
  const { authenticateSocket, registerRealtime } = build.entry.module as unknown as {
    authenticateSocket?: AuthenticateSocket;
    registerRealtime?: (io: Server) => void;
  };
  if (!authenticateSocket) throw new Error("entry.server must export authenticateSocket");
  if (!registerRealtime) throw new Error("entry.server must export registerRealtime");
  const realtime = await attachRealtime(httpServer, {
    authenticate: authenticateSocket,
    register: registerRealtime,
    redisUrl: options.redisUrl,
  });
  return { httpServer, realtime };
}

/** Invitation and reset links carry secrets in the path or query: keep them out of the logs. */
export function redactTokens(url: string): string {
  return url
    .replace(/(\/invitation\/)[^/?#]+/, "$1…")
    .replace(/(%2Finvitation%2F)[^&#]+/gi, "$1…")
    .replace(/([?&]token=)[^&#]+/, "$1…");
}

export type AuthenticateSocket = (
  cookieHeader: string | undefined,
) => Promise<{ id: string; displayName: string } | null>;
