import crypto from "node:crypto";

/** `Stripe-Signature: t=…,v1=…` — HMAC-SHA256 of `${t}.${payload}` with the endpoint secret, as Stripe does. */
export function signPayload(payload: string, secret: string, timestampSeconds: number): string {
  const signature = crypto
    .createHmac("sha256", secret)
    .update(`${timestampSeconds}.${payload}`, "utf8")
    .digest("hex");
  return `t=${timestampSeconds},v1=${signature}`;
}

export function newSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString("base64url")}`;
}

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(12).toString("base64url").replace(/[-_]/g, "0")}`;
}
