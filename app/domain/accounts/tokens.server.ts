import crypto from "node:crypto";
import type { Tx } from "#app/lib/db.server";
import { db } from "#app/lib/db.server";

export type TokenPurpose = "VERIFY_EMAIL" | "RESET_PASSWORD";

const lifetimes: Record<TokenPurpose, number> = {
  VERIFY_EMAIL: 48 * 3600_000,
  RESET_PASSWORD: 3600_000,
};

export function hashToken(raw: string): string {
  return crypto.createHash("sha256").update(raw).digest("hex");
}

/** Returns the raw token to put in a link; only its hash is stored. */
export async function issueToken(userId: string, purpose: TokenPurpose, client: Tx | typeof db = db) {
  const raw = crypto.randomBytes(32).toString("base64url");
  await client.emailToken.create({
    data: { userId, purpose, tokenHash: hashToken(raw), expiresAt: new Date(Date.now() + lifetimes[purpose]) },
  });
  return raw;
}

export type ConsumeResult = { ok: true; userId: string } | { ok: false; reason: "UNKNOWN" | "EXPIRED" | "USED" };

/** Marks the token used in the same statement that checks it, so two clicks cannot both win. */
export async function consumeToken(raw: string, purpose: TokenPurpose, client: Tx): Promise<ConsumeResult> {
  const token = await client.emailToken.findUnique({
    where: { tokenHash: hashToken(raw) },
    select: { id: true, userId: true, purpose: true, expiresAt: true, usedAt: true },
  });
  if (!token || token.purpose !== purpose) return { ok: false, reason: "UNKNOWN" };
  if (token.usedAt) return { ok: false, reason: "USED" };
  if (token.expiresAt.getTime() < Date.now()) return { ok: false, reason: "EXPIRED" };
  const { count } = await client.emailToken.updateMany({
    where: { id: token.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1 ? { ok: true, userId: token.userId } : { ok: false, reason: "USED" };
}
