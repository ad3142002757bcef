import Stripe from "stripe";
import { getEnv } from "./env.server";

// The one Stripe client. With STRIPE_SECRET_KEY it talks to Stripe; without, the same SDK talks to
// the local simulator (app/stripe-simulator) through host/port/protocol — so every code path is the
// real one, only the far end differs.
type Simulated = { url: string; webhookSecrets: Partial<Record<StripeEndpoint, string>> };
export type StripeEndpoint = "platform" | "connect";

/** The key the SDK sends to the simulator (which only checks that it is a test key). */
export const SIMULATOR_API_KEY = "sk_test_simulateur_local";

// Kept on globalThis: app/server (run by tsx) and the Remix build each load their own copy of this
// module, and the simulator the server starts must be the one the routes talk to.
const shared = globalThis as unknown as {
  __permanenceStripe?: { client?: Stripe; simulated: Simulated | null };
};
const state = (shared.__permanenceStripe ??= { simulated: null });

export function getStripe(): Stripe {
  if (state.client) return state.client;
  const env = getEnv();
  if (env.STRIPE_SECRET_KEY && !state.simulated) {
    state.client = new Stripe(env.STRIPE_SECRET_KEY, {
      maxNetworkRetries: 2,
      appInfo: { name: "Permanence" },
    });
    return state.client;
  }
  const url = new URL(simulatorUrl());
  state.client = new Stripe(SIMULATOR_API_KEY, {
    host: url.hostname,
    port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
    protocol: url.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 0,
    appInfo: { name: "Permanence (simulateur)" },
  });
  return state.client;
}

/** True when payments go to the local simulator: the UI says "mode démo — paiements simulés". */
export function isSimulatedStripe(): boolean {
  return state.simulated !== null || !getEnv().STRIPE_SECRET_KEY;
}

/** Where the simulator listens: set by connectStripeSimulator(), else STRIPE_SIMULATOR_URL, else PORT+1 on loopback. */
export function simulatorUrl(): string {
  const env = getEnv();
  return state.simulated?.url ?? env.STRIPE_SIMULATOR_URL ?? `http://127.0.0.1:${env.PORT + 1}`;
}

/**
 * Points getStripe() at a simulator (the embedded one at start, or a test file's own), with the
 * signing secrets of its endpoints; null goes back to the environment's configuration.
 */
export function connectStripeSimulator(config: Simulated | null): void {
  state.simulated = config;
  state.client = undefined;
}

/** The secret that verifies `Stripe-Signature` for the platform or the Connect endpoint. */
export function stripeWebhookSecret(endpoint: StripeEndpoint): string {
  const env = getEnv();
  const configured = endpoint === "platform" ? env.STRIPE_WEBHOOK_SECRET : env.STRIPE_CONNECT_WEBHOOK_SECRET;
  const secret = state.simulated ? state.simulated.webhookSecrets[endpoint] : configured;
  if (!secret) {
    throw new Error(
      endpoint === "platform" ? "STRIPE_WEBHOOK_SECRET manquant." : "STRIPE_CONNECT_WEBHOOK_SECRET manquant.",
    );
  }
  return secret;
}
