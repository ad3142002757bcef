import { data } from "@remix-run/node";
import { getPublicEnv } from "./env.server";

/**
 * The captured-mail pages exist only while mail is captured instead of sent (no SMTP_URL) or
 * outside production: a real deployment with SMTP answers 404.
 */
export function requireDevTools(): void {
  if (!getPublicEnv().devTools) throw data({ message: "Cette page n’existe pas." }, { status: 404 });
}
