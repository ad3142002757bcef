import crypto from "node:crypto";
import { db, type Tx } from "#app/lib/db.server";
import { claimEmailToken, findEmailToken, insertEmailToken } from "./accounts.repo.server";

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
  await insertEmailToken(client, {
    userId,
    purpose,
    tokenHash: hashToken(raw),
    expiresAt: new Date(Date.now() + lifetimes[purpose]),
  });
  return raw;
}

export type ConsumeResult = { ok: true; userId: string } | { ok: false; reason: "UNKNOWN" | "EXPIRED" | "USED" };

/** Marks the token used with a conditional update, so two clicks cannot both win. */
export async function consumeToken(raw: string, purpose: TokenPurpose, client: Tx): Promise<ConsumeResult> {
  const token = await findEmailToken(client, hashToken(raw));
  if (!token || token.purpose !== purpose) return { ok: false, reason: "UNKNOWN" };
  if (token.usedAt) return { ok: false, reason: "USED" };
  if (token.expiresAt.getTime() < Date.now()) return { ok: false, reason: "EXPIRED" };
  const { count } = await claimEmailToken(client, token.id);
  return count === 1 ? { ok: true, userId: token.userId } : { ok: false, reason: "USED" };
}

/** True when the token exists, has this purpose, is unused and not expired (nothing is consumed). */
export async function isTokenUsable(raw: string, purpose: TokenPurpose): Promise<boolean> {
  const token = await findEmailToken(db, hashToken(raw));
  return !!token && token.purpose === purpose && !token.usedAt && token.expiresAt.getTime() > Date.now();
}
