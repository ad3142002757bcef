// The unsubscribe link works without logging in: `<userId>.<HMAC-SHA256(userId)>` signed with the
// app secret, so only links we sent can unsubscribe someone. Compared in constant time.
import crypto from "node:crypto";
import { getSessionSecret } from "#app/lib/secrets.server";

const sign = (userId: string) =>
  crypto.createHmac("sha256", getSessionSecret()).update(`unsubscribe:${userId}`).digest("base64url");

export function unsubscribeToken(userId: string): string {
  return `${userId}.${sign(userId)}`;
}

/** The user id the token was signed for, or null when it was forged, truncated or altered. */
export function verifyUnsubscribeToken(token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const userId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(userId));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return userId;
}
