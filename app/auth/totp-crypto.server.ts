// The staff TOTP secret at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the app
// secret, with the user id as associated data so a ciphertext copied onto another account fails.
// Changing SESSION_SECRET makes every stored secret unreadable: staff then re-enrol after
// `npm run staff:create -- <e-mail> --reset-totp`.
import crypto from "node:crypto";
import { getSessionSecret } from "#app/lib/secrets.server";

const version = "v1";
let cachedKey: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = getSessionSecret();
  if (cachedKey?.secret !== secret) {
    const derived = crypto.hkdfSync("sha256", secret, "permanence", "staff-totp-secret/v1", 32);
    cachedKey = { secret, key: Buffer.from(derived) };
  }
  return cachedKey.key;
}

export function encryptTotpSecret(secret: string, userId: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** Null when the value was not written by encryptTotpSecret for this user under this key. */
export function decryptTotpSecret(stored: string, userId: string): string | null {
  const [prefix, payload] = stored.split(".");
  if (prefix !== version || !payload) return null;
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length < 29) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

const base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** 160 random bits (RFC 4226 §4 recommends 160), base32 as authenticator apps expect. */
export function randomTotpSecret(): string {
  const bytes = crypto.randomBytes(20);
  let bits = 0;
  let value = 0;
  let output = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return output;
}
