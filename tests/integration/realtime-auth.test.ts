import http from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession, userFromCookieHeader } from "#app/auth/session.server";
import { db } from "#app/lib/db.server";
import { attachRealtime, type Realtime } from "#app/server/realtime";
import { createSecretary } from "#tests/factories/users";
import { cookiePair } from "#tests/setup/requests";

let server: http.Server;
let realtime: Realtime;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = http.createServer();
  realtime = await attachRealtime(server, { authenticate: userFromCookieHeader });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await realtime.close();
  await new Promise((resolve) => server.close(resolve));
});

function open(cookie?: string) {
  const socket = connect(url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { Cookie: cookie } : {},
    reconnection: false,
  });
  sockets.push(socket);
  return socket;
}

const outcome = (socket: Socket) =>
  new Promise<{ ready?: { userId: string }; error?: string }>((resolve) => {
    socket.on("ready", (ready) => resolve({ ready }));
    socket.on("connect_error", (error) => resolve({ error: error.message }));
  });

describe("socket.io handshake", () => {
  it("accepts a socket carrying a valid session cookie and puts it in the user's room", async () => {
    const user = await createSecretary();
    const socket = open(cookiePair(await startSession(user.id)));
    expect(await outcome(socket)).toEqual({ ready: { userId: user.id } });
    const received = new Promise((resolve) => socket.on("ping-user", resolve));
    realtime.io.to(`user:${user.id}`).emit("ping-user", { ok: true });
    expect(await received).toEqual({ ok: true });
  });

  it("refuses a socket without a session", async () => {
    expect(await outcome(open())).toEqual({ error: "Connexion requise" });
  });

  it("refuses an expired session", async () => {
    const user = await createSecretary();
    const cookie = cookiePair(await startSession(user.id));
    await db.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await outcome(open(cookie))).toEqual({ error: "Connexion requise" });
  });

  it("refuses a suspended user", async () => {
    const user = await createSecretary({ suspended: true });
    expect(await outcome(open(cookiePair(await startSession(user.id))))).toEqual({
      error: "Connexion requise",
    });
  });

  it("refuses a forged session cookie", async () => {
    expect(await outcome(open("permanence_session=forged-session-id-0000000000"))).toEqual({
      error: "Connexion requise",
    });
  });
});
