// A mail server that accepts the connection and then says nothing must not stall the outbox: the
// send fails after ~10 s (the row is retried later) instead of nodemailer's 30 s to 10 min defaults.
import net from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

const port = vi.hoisted(() => {
  const chosen = 30_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${chosen}`;
  return chosen;
});

import { resetMailTransport, sendMail } from "#app/lib/mail.server";

const sockets = new Set<net.Socket>();
const silent = net.createServer((socket) => void sockets.add(socket)); // never greets

beforeAll(() => new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve)));
afterAll(async () => {
  resetMailTransport();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

it("gives up on a server that never greets after about 10 s", { timeout: 20_000 }, async () => {
  const started = Date.now();
  const mail = { to: "a@example.test", subject: "Essai", text: "Bonjour", html: "<p>Bonjour</p>" };
  await expect(sendMail(mail)).rejects.toThrow(/greeting|timeout/i);
  expect(Date.now() - started).toBeLessThan(15_000);
});
