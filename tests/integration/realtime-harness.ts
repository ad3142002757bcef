// Shared by the realtime-*.test.ts files: the socket server as production mounts it (attachRealtime
// + the build's registerRealtime) on a bare HTTP server, signed-in clients, and waits with timeouts.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startSession, userFromCookieHeader } from "#app/auth/session.server";
import { openMissionConversation } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import { registerRealtime } from "#app/realtime/register-realtime.server";
import type { AckResponse } from "#app/realtime/socket-events.server";
import { attachRealtime, type Realtime } from "#app/server/realtime";
import { openMission } from "#tests/factories/mission-rows";
import { createBusiness, createSecretary } from "#tests/factories/users";
import { cookiePair } from "#tests/setup/requests";

export type Instance = { url: string; realtime: Realtime; close: () => Promise<void> };

export async function startInstance(
  options: { redisUrl?: string; redisKey?: string; sessionSweepMs?: number } = {},
): Promise<Instance> {
  const { sessionSweepMs, ...adapter } = options;
  const server = http.createServer();
  const realtime = await attachRealtime(server, {
    authenticate: userFromCookieHeader,
    register: (io) => registerRealtime(io, { sessionSweepMs }),
    ...adapter,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    await realtime.close();
    await new Promise((resolve) => server.close(resolve));
  };
  return { url, realtime, close };
}

/**
 * One instance for the test file, started before its tests and closed after them; every socket a
 * test opened is closed after it. Returns a getter (the instance exists once beforeAll ran).
 */
export function useRealtimeInstance(options?: Parameters<typeof startInstance>[0]): () => Instance {
  let instance: Instance | undefined;
  beforeAll(async () => {
    instance = await startInstance(options);
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    closeAllSockets();
    await instance?.close();
  });
  return () => {
    if (!instance) throw new Error("the realtime instance is not started");
    return instance;
  };
}

const opened: Socket[] = [];

export function closeAllSockets(): void {
  for (const socket of opened.splice(0)) socket.close();
}

/** A client with its own cookie; resolves once the server said `ready` (every room joined). */
export async function connectWith(url: string, cookie: string): Promise<Socket> {
  const socket = connect(url, {
    transports: ["websocket"],
    extraHeaders: { Cookie: cookie },
    reconnection: false,
    forceNew: true,
  });
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("ready", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

export async function sessionCookie(userId: string): Promise<string> {
  return cookiePair(await startSession(userId));
}

export async function connectAs(url: string, userId: string): Promise<Socket> {
  return connectWith(url, await sessionCookie(userId));
}

export function emitAck(socket: Socket, event: string, ...args: unknown[]): Promise<AckResponse> {
  return socket.timeout(5000).emitWithAck(event, ...args) as Promise<AckResponse>;
}

/** The next `event` on this socket, or a rejection after `ms`. */
export function nextEvent<T = any>(socket: Socket, event: string, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const handler = (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    };
    socket.once(event, handler);
  });
}

/** Every `event` this socket receives during `ms`. */
export async function collect<T = any>(socket: Socket, event: string, ms = 300): Promise<T[]> {
  const seen: T[] = [];
  const handler = (payload: T) => seen.push(payload);
  socket.on(event, handler);
  await new Promise((resolve) => setTimeout(resolve, ms));
  socket.off(event, handler);
  return seen;
}

export const newClientId = () => crypto.randomUUID();

/** A business and a secretary in the conversation of her bid on its mission, and an outsider. */
export async function missionConversation() {
  const business = await createBusiness({ organizationName: "Cabinet Roux", displayName: "Inès Roux" });
  const secretary = await createSecretary({ status: "PUBLISHED", displayName: "Claire Morel" });
  const outsider = await createSecretary({ status: "PUBLISHED", displayName: "Olivia Tiers" });
  const mission = await openMission(business);
  const { id } = await db.$transaction((tx) =>
    openMissionConversation(tx, { missionId: mission.id, bidderKey: `user:${secretary.id}` }),
  );
  return { business, secretary, outsider, mission, conversationId: id };
}

export const messageCount = (conversationId: string) => db.message.count({ where: { conversationId } });
