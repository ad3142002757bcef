import { data } from "@remix-run/node";
import { getEnv } from "./env.server";

const loopback = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * The captured-mail pages show every e-mail, reset and invitation links included, so they open
 * only while mail is captured instead of sent (no SMTP_URL) AND to a browser on this machine
 * (the socket address Express sees, which a client cannot forge without TRUST_PROXY).
 */
export function devToolsAllowed(clientIp: string): boolean {
  return !getEnv().SMTP_URL && loopback.has(clientIp);
}

export function requireDevTools(clientIp: string): void {
  if (!devToolsAllowed(clientIp)) throw data({ message: "Cette page n’existe pas." }, { status: 404 });
}
