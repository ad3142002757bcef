import path from "node:path";
import { connectStripeSimulator } from "#app/lib/stripe.server";
import { BUILT_IN_ENDPOINTS, createStripeSimulator, type StripeSimulator } from "./index";
import { loadSnapshot, saveSnapshot } from "./persistence";

type EmbeddedOptions = {
  /** Where the simulator listens (STRIPE_SIMULATOR_URL, else http://127.0.0.1:PORT+1). */
  url: string;
  /** The app's own origin on loopback, where webhooks are posted. */
  appOrigin: string;
  dataDir: string;
  log: (message: string) => void;
};

/**
 * `npm start` without STRIPE_SECRET_KEY: the simulator runs in the web process on a loopback port,
 * posts signed webhooks to /webhooks/stripe and /webhooks/stripe-connect, runs its clock in real
 * time (SEPA debits settle after 20 s so the demo moves) and keeps its state in DATA_DIR.
 */
export async function startEmbeddedStripeSimulator(
  options: EmbeddedOptions,
): Promise<{ sim: StripeSimulator; stop: () => Promise<void> }> {
  const file = path.join(options.dataDir, "stripe-simulator.json");
  const sim = createStripeSimulator({
    autoDeliver: true,
    sepaDelayMs: 20_000,
    availabilityDelayMs: 60_000,
    endpoints: {
      platform: `${options.appOrigin}/webhooks/stripe`,
      connect: `${options.appOrigin}/webhooks/stripe-connect`,
    },
  });
  const endpoints = {
    platform: `${options.appOrigin}/webhooks/stripe`,
    connect: `${options.appOrigin}/webhooks/stripe-connect`,
  };
  if (loadSnapshot(sim.core, file)) {
    // The app may listen elsewhere than last time; the secrets stay.
    for (const kind of ["platform", "connect"] as const) {
      const endpoint = sim.core.state.webhookEndpoints.get(BUILT_IN_ENDPOINTS[kind]);
      if (endpoint) endpoint.url = endpoints[kind];
    }
    options.log(`simulateur Stripe : état repris de ${file}`);
  }
  const target = new URL(options.url);
  const url = await sim.listen(Number(target.port), target.hostname);
  connectStripeSimulator({ url, webhookSecrets: sim.webhookSecrets });
  options.log(`simulateur Stripe (mode démo — paiements simulés) : ${url}`);

  let saved = -1;
  const save = () => {
    const revision = sim.core.revision + sim.events.length;
    if (revision === saved) return;
    saveSnapshot(sim.core, file);
    saved = revision;
  };
  const timer = setInterval(save, 2000);
  timer.unref();
  return {
    sim,
    stop: async () => {
      clearInterval(timer);
      save();
      await sim.close();
    },
  };
}
