import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { getEnv } from "./env.server";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe on notification e-mails. */
  headers?: Record<string, string>;
};

let transport: Transporter | undefined;

/** A hung SMTP server fails the send after 10 s (the outbox retries it) instead of stalling the job. */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000 };

/** Drops the cached SMTP transport (tests that change SMTP_URL, or a server that was restarted). */
export function resetMailTransport(): void {
  transport?.close();
  transport = undefined;
}

function mailDir() {
  return path.join(getEnv().dataDir, "mail");
}

/**
 * Sends through SMTP when SMTP_URL is set; otherwise the message is captured as JSON under
 * data/mail/ and readable at /dev/emails — a fresh machine needs no mail server.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    transport ??= nodemailer.createTransport({ url: env.SMTP_URL, ...SMTP_TIMEOUTS });
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    return;
  }
  const dir = mailDir();
  await fs.mkdir(dir, { recursive: true });
  const id = `${Date.now()}-${crypto.randomUUID().slice(0, 8)}`;
  const captured: CapturedMail = { id, from: env.MAIL_FROM, sentAt: new Date().toISOString(), ...mail };
  await fs.writeFile(path.join(dir, `${id}.json`), JSON.stringify(captured, null, 2));
}

const capturedMailSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sentAt: z.string(),
});
export type CapturedMail = z.infer<typeof capturedMailSchema>;

/** Newest first. Only meaningful for the embedded mail capture. */
export async function listCapturedMail(): Promise<CapturedMail[]> {
  const files = await fs.readdir(mailDir()).catch(() => [] as string[]);
  const mails = await Promise.all(
    files
      .filter((f) => f.endsWith(".json"))
      .map(async (f) =>
        capturedMailSchema.safeParse(JSON.parse(await fs.readFile(path.join(mailDir(), f), "utf8"))),
      ),
  );
  return mails
    .flatMap((m) => (m.success ? [m.data] : []))
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || b.id.localeCompare(a.id));
}

export async function findCapturedMail(id: string): Promise<CapturedMail | null> {
  if (!/^[\w-]+$/.test(id)) return null;
  try {
    return capturedMailSchema.parse(
      JSON.parse(await fs.readFile(path.join(mailDir(), `${id}.json`), "utf8")),
    );
  } catch {
    return null;
  }
}
