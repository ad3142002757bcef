import { afterAll } from "vitest";
import { getStripe, connectStripeSimulator } from "#app/lib/stripe.server";
import {
  createStripeSimulator,
  type InProcessHandler,
  type StripeSimulatorOptions,
} from "#app/stripe-simulator";

/**
 * Starts a Stripe simulator on an ephemeral loopback port for this test file and points getStripe()
 * at it (the real SDK, over HTTP). Webhooks are not delivered until the test calls flush() or
 * clock.advance(ms) — deterministic order, and switches to duplicate, delay or reorder them.
 */
export async function useStripeSimulator(options: StripeSimulatorOptions = {}) {
  const sim = createStripeSimulator(options);
  const url = await sim.listen(0);
  connectStripeSimulator({ url, webhookSecrets: sim.webhookSecrets });
  afterAll(async () => {
    connectStripeSimulator(null);
    await sim.close();
  });
  return {
    sim,
    url,
    stripe: getStripe(),
    webhookSecrets: sim.webhookSecrets,
    clock: sim.clock,
    /** Every delivery attempt record (event id, type, endpoint, status, attempts, last HTTP status). */
    get deliveries() {
      return sim.deliveries;
    },
    get events() {
      return sim.events;
    },
    deliverTo: (handler: InProcessHandler | null) => sim.deliverTo(handler),
    flush: () => sim.flush(),
    duplicateNext: (count?: number) => sim.duplicateNext(count),
    reorderNext: () => sim.reorderNext(),
    delayNext: (ms: number) => sim.delayNext(ms),
  };
}

/**
 * The same, under a name ESLint's react-hooks rule does not mistake for a React hook (a top-level
 * `await useStripeSimulator()` in a test file trips react-hooks/rules-of-hooks).
 */
export const startStripeSimulator = useStripeSimulator;

export type StripeSimulatorHandle = Awaited<ReturnType<typeof useStripeSimulator>>;
