// The e-mail outbox against a real SMTP server (smtp-server): while it refuses, rows stay PENDING
// with growing backoff; once it accepts, they are SENT and the message arrives in French, plain
// text and HTML, with the unsubscribe link. Then the daily digest: one e-mail for the day.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The app reads SMTP_URL once: point it at the test server before any app module loads.
const port = vi.hoisted(() => {
  const chosen = 30_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${chosen}`;
  process.env.APP_URL = "https://permanence.test";
  return chosen;
});

import { SMTPServer } from "smtp-server";
import {
  drainEmailOutbox,
  MAX_EMAIL_ATTEMPTS,
  retryDelayMs,
  startEmailOutbox,
} from "#app/domain/notifications/email-outbox.server";
import { queueDailyDigests } from "#app/domain/notifications/notification-digest.server";
import { notify, updatePreferences } from "#app/domain/notifications/notifications.server";
import { db } from "#app/lib/db.server";
import { resetMailTransport } from "#app/lib/mail.server";
import { notificationsOf, outboxTo, setEmailMode } from "#tests/factories/notifications";
import { createBusiness, createSecretary } from "#tests/factories/users";

type Mode = "accept" | "reject-data" | "reject-rcpt";
let mode: Mode = "accept";
const received: { to: string[]; raw: string }[] = [];

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (mode === "reject-rcpt") return callback(new Error("Boîte pleine, réessayez plus tard"));
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      if (mode === "reject-data") return callback(new Error("Service indisponible"));
      received.push({
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

beforeAll(() => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)));
afterAll(async () => {
  resetMailTransport();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Quoted-printable, never throwing on odd bytes. */
function decodeQP(text: string) {
  const flat = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < flat.length; i++) {
    const hex = flat.slice(i + 1, i + 3);
    if (flat[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(flat[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

const splitHead = (raw: string) => {
  const at = raw.search(/\r?\n\r?\n/);
  return {
    head: raw.slice(0, at).replace(/\r?\n[ \t]+/g, " "),
    body: raw.slice(at).replace(/^\r?\n\r?\n/, ""),
  };
};

/** A header, with RFC 2047 encoded words decoded. */
function headerOf(raw: string, name: string) {
  const line =
    splitHead(raw)
      .head.split(/\r?\n/)
      .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? "";
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?(.*?)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQP(data.replace(/_/g, " ")),
    );
}

/** The decoded text/plain or text/html part of a multipart/alternative message. */
function partOf(raw: string, type: "text/plain" | "text/html") {
  const boundary = /boundary="?([^";\s]+)"?/.exec(splitHead(raw).head)![1]!;
  for (const chunk of raw.split(`--${boundary}`).slice(1)) {
    const part = splitHead(chunk.replace(/^\r?\n/, ""));
    if (!part.head.toLowerCase().includes(`content-type: ${type}`)) continue;
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(part.head)?.[1]?.toLowerCase();
    if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
    return encoding === "quoted-printable" ? decodeQP(part.body) : part.body;
  }
  throw new Error(`no ${type} part`);
}

const T0 = new Date("2026-11-30T10:00:00Z");
const later = (ms: number, from = T0) => new Date(from.getTime() + ms);

async function queuedFor(user: { id: string }, title = "Paiement de 300,00 € envoyé") {
  await notify(db, {
    userIds: [user.id],
    type: "PAYMENT_RECEIVED",
    title,
    body: "Pour « Accueil téléphonique » : le virement arrive sous quelques jours.",
    link: "/compte/paiements",
  });
}

describe("email outbox", () => {
  it("keeps rows PENDING with backoff while the server refuses, then sends them in French", async () => {
    const user = await createSecretary({ displayName: "Élodie Martin" });
    await queuedFor(user);
    const [row] = await outboxTo(user.email);
    expect(row).toMatchObject({ status: "PENDING", attempts: 0 });

    mode = "reject-data";
    expect(await drainEmailOutbox(T0)).toMatchObject({ sent: 0, retried: 1 });
    let now = (await outboxTo(user.email))[0]!;
    expect(now).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: later(retryDelayMs(1)) });
    expect(now.lastError).toMatch(/Service indisponible/);
    // Not due yet: nothing is tried.
    expect(await drainEmailOutbox(later(60_000))).toEqual({ sent: 0, retried: 0, failed: 0 });

    mode = "reject-rcpt";
    const second = later(retryDelayMs(1));
    await drainEmailOutbox(second);
    now = (await outboxTo(user.email))[0]!;
    expect(now).toMatchObject({
      status: "PENDING",
      attempts: 2,
      nextAttemptAt: later(retryDelayMs(2), second),
    });
    expect(now.lastError).toMatch(/Boîte pleine/);
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    expect(received).toHaveLength(0);

    mode = "accept";
    const job = startEmailOutbox({ poll: false, now: () => later(retryDelayMs(2), second) });
    expect(await job.runOnce()).toMatchObject({ sent: 1 });
    await job.stop();
    expect((await outboxTo(user.email))[0]).toMatchObject({ status: "SENT", attempts: 2 });
    expect((await outboxTo(user.email))[0]!.sentAt).not.toBeNull();

    const [mail] = received;
    expect(mail!.to).toEqual([user.email]);
    expect(headerOf(mail!.raw, "Subject")).toBe("Paiement envoyé : Paiement de 300,00 € envoyé");
    expect(headerOf(mail!.raw, "List-Unsubscribe")).toMatch(
      /^<https:\/\/permanence\.test\/notifications\/desabonnement\?token=/,
    );
    expect(headerOf(mail!.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const text = partOf(mail!.raw, "text/plain");
    const html = partOf(mail!.raw, "text/html");
    expect(text).toContain("Bonjour Élodie Martin,");
    expect(text).toContain("Un virement vient de partir vers votre compte.");
    expect(text).toContain("Voir mes paiements : https://permanence.test/compte/paiements");
    expect(text).toMatch(
      /Ne plus recevoir d’e-mails : https:\/\/permanence\.test\/notifications\/desabonnement\?token=/,
    );
    expect(html).toContain("<p>Bonjour Élodie Martin,</p>");
    expect(html).toMatch(
      /<a href="https:\/\/permanence\.test\/notifications\/desabonnement\?token=[^"]+">Ne plus recevoir d’e-mails<\/a>/,
    );
    expect(html).toContain('<a href="https://permanence.test/compte/notifications">');
  });

  it(`gives up after ${MAX_EMAIL_ATTEMPTS} attempts (FAILED), other rows still go out`, async () => {
    const [doomed, fine] = [await createBusiness(), await createBusiness()];
    await queuedFor(doomed);
    await db.emailOutbox.updateMany({
      where: { to: doomed.email },
      data: { attempts: MAX_EMAIL_ATTEMPTS - 1 },
    });
    mode = "reject-data";
    expect(await drainEmailOutbox(T0)).toMatchObject({ failed: 1 });
    expect((await outboxTo(doomed.email))[0]).toMatchObject({
      status: "FAILED",
      attempts: MAX_EMAIL_ATTEMPTS,
    });
    mode = "accept";
    await queuedFor(fine);
    expect(await drainEmailOutbox(later(10 * 3_600_000))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await outboxTo(doomed.email))[0]!.status).toBe("FAILED");
  });
});

describe("several drains at once (two web instances and the worker)", () => {
  it("sends each row once: a row is claimed before it is sent", async () => {
    const users = [await createSecretary(), await createSecretary(), await createBusiness()];
    for (const user of users) await queuedFor(user, `Paiement pour ${user.id}`);
    received.length = 0;
    mode = "accept";
    const results = await Promise.all([drainEmailOutbox(T0), drainEmailOutbox(T0), drainEmailOutbox(T0)]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    const to = received.flatMap((m) => m.to).sort();
    expect(to).toEqual(users.map((u) => u.email).sort());
    for (const user of users) expect((await outboxTo(user.email))[0]!.status).toBe("SENT");
  });

  it("a claimed row is left alone for 10 minutes, then retried if its sender died", async () => {
    const user = await createSecretary();
    await queuedFor(user);
    const [row] = await outboxTo(user.email);
    // Another instance claimed it and crashed before sending.
    await db.emailOutbox.update({ where: { id: row!.id }, data: { nextAttemptAt: later(10 * 60_000) } });
    received.length = 0;
    expect(await drainEmailOutbox(later(60_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await drainEmailOutbox(later(10 * 60_000))).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
  });
});

describe("daily digest", () => {
  it("from 08:00 Paris time, one e-mail listing what waited, once a day", async () => {
    const user = await createBusiness({ displayName: "Hélène Dupont" });
    await setEmailMode(user.id, "DAILY");
    await queuedFor(user, "Premier paiement");
    await queuedFor(user, "Second paiement");
    expect(await outboxTo(user.email)).toEqual([]);

    const early = new Date("2026-12-01T06:30:00Z"); // 07:30 in Paris
    expect(await queueDailyDigests(early)).toBe(0);
    const morning = new Date("2026-12-01T07:05:00Z"); // 08:05 in Paris
    expect(await queueDailyDigests(morning)).toBe(1);
    expect((await notificationsOf(user.id)).map((n) => n.emailState)).toEqual(["QUEUED", "QUEUED"]);
    await queuedFor(user, "Troisième paiement");
    expect(await queueDailyDigests(later(3_600_000, morning))).toBe(0);

    const [digest] = await outboxTo(user.email);
    expect(digest).toMatchObject({ kind: "DIGEST", status: "PENDING" });
    received.length = 0;
    mode = "accept";
    await drainEmailOutbox(later(60_000, morning));
    expect(received).toHaveLength(1);
    expect(headerOf(received[0]!.raw, "Subject")).toBe("Votre résumé Permanence : 2 nouveautés");
    const body = partOf(received[0]!.raw, "text/plain");
    expect(body).toContain("Premier paiement");
    expect(body).toContain("Second paiement");
    expect(body).not.toContain("Troisième paiement");
    expect(body).toContain("/notifications/desabonnement?token=");
    expect(partOf(received[0]!.raw, "text/html")).toContain("Premier paiement");

    // The next day, the third one goes out.
    expect(await queueDailyDigests(later(86_400_000, morning))).toBe(1);
  });
  it("two runs at once queue one digest", async () => {
    const user = await createBusiness();
    await setEmailMode(user.id, "DAILY");
    await queuedFor(user, "Un paiement");
    const morning = new Date("2026-12-01T07:05:00Z");
    const counts = await Promise.all([queueDailyDigests(morning), queueDailyDigests(morning)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await outboxTo(user.email)).toHaveLength(1);
  });

  it("choosing DAILY at 15:00: nothing until the next 08:00, then every day at 08:00 (no drift)", async () => {
    const user = await createBusiness();
    const switchedAt = new Date("2026-12-01T14:00:00Z"); // 15:00 in Paris
    await updatePreferences({ actorId: user.id, input: { emailMode: "DAILY" }, now: switchedAt });
    await queuedFor(user, "Un paiement");
    expect(await queueDailyDigests(later(30 * 60_000, switchedAt))).toBe(0);
    expect(await queueDailyDigests(new Date("2026-12-01T22:00:00Z"))).toBe(0);
    expect(await queueDailyDigests(new Date("2026-12-02T06:59:00Z"))).toBe(0); // 07:59 Paris
    // A late run (10:30 Paris) on the 2nd, then the 3rd at 08:05: the clock does not move to 10:30.
    expect(await queueDailyDigests(new Date("2026-12-02T09:30:00Z"))).toBe(1);
    await queuedFor(user, "Un autre paiement");
    expect(await queueDailyDigests(new Date("2026-12-02T20:00:00Z"))).toBe(0);
    expect(await queueDailyDigests(new Date("2026-12-03T07:05:00Z"))).toBe(1);
    // Choosing DAILY again while already DAILY does not restart the clock.
    await queuedFor(user, "Encore un");
    await updatePreferences({
      actorId: user.id,
      input: { emailMode: "DAILY" },
      now: new Date("2026-12-04T06:00:00Z"),
    });
    expect(await queueDailyDigests(new Date("2026-12-04T07:01:00Z"))).toBe(1);
  });
});
