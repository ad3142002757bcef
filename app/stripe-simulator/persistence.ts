import fs from "node:fs";
import { type SimCore } from "./core";
import { type SimEvent } from "./events";
import { scheduleSepaOutcome } from "./resources/charges";
import { type SimState } from "./state";

// The embedded simulator (npm start) keeps its state in DATA_DIR so that the Stripe ids stored in
// SQLite still mean something after a restart. Webhook deliveries in flight are not kept.
const MAPS = [
  "accounts",
  "accountLinks",
  "customers",
  "paymentMethods",
  "setupIntents",
  "checkoutSessions",
  "paymentIntents",
  "charges",
  "balanceTransactions",
  "transfers",
  "reversals",
  "refunds",
  "disputes",
  "webhookEndpoints",
  "balances",
] as const satisfies readonly (keyof SimState)[];

type Snapshot = {
  version: 1;
  clockOffsetMs: number;
  maps: Record<string, [string, unknown][]>;
  events: SimEvent[];
};

export function saveSnapshot(core: SimCore, file: string): void {
  const snapshot: Snapshot = {
    version: 1,
    clockOffsetMs: core.clock.offset,
    maps: Object.fromEntries(
      MAPS.map((name) => [name, [...(core.state[name] as Map<string, unknown>).entries()]]),
    ),
    events: core.bus.events,
  };
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(snapshot), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Restores a snapshot and re-arms what was waiting on the clock (SEPA outcomes, pending funds). */
export function loadSnapshot(core: SimCore, file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
  if (snapshot.version !== 1) return false;
  core.clock.offset = snapshot.clockOffsetMs;
  for (const name of MAPS) {
    const map = core.state[name] as Map<string, unknown>;
    map.clear();
    for (const [key, value] of snapshot.maps[name] ?? []) map.set(key, value);
  }
  core.bus.events.push(...snapshot.events);
  rearm(core);
  return true;
}

function rearm(core: SimCore) {
  for (const txn of core.state.balanceTransactions.values()) {
    if (txn.status === "pending") core.scheduleAvailability(txn);
  }
  for (const pi of core.state.paymentIntents.values()) {
    if (pi.status !== "processing") continue;
    const charge = core.state.charges.get(String(pi.latest_charge));
    const pm = core.state.paymentMethods.get(String(pi.payment_method));
    if (charge && pm) scheduleSepaOutcome(core, pi, charge, pm);
  }
}
