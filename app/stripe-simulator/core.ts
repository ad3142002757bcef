import { SimClock } from "./clock";
import { noSuchResource } from "./errors";
import { EventBus } from "./events";
import { type Form } from "./form";
import { newId } from "./signing";
import { type SimBalanceTransaction, SimState } from "./state";

export type SimOptions = {
  /** How long a SEPA debit stays `processing` before it succeeds or fails. Stripe test mode: minutes. */
  sepaDelayMs?: number;
  /** How long charged funds stay pending before they become available on the platform balance. */
  availabilityDelayMs?: number;
  /** Account Links expire like Stripe's (a few minutes). */
  accountLinkTtlSeconds?: number;
};

export type SimRequest = {
  method: string;
  path: string;
  /** Path parameters; every route with one names it `id`. */
  params: { id: string } & Record<string, string>;
  form: Form;
  /** The Stripe-Account header: the connected account the call acts on. */
  account: string | null;
};

export type Handler = (core: SimCore, req: SimRequest) => object;
export type Route = { method: "GET" | "POST" | "DELETE"; path: string; handler: Handler };

export class SimCore {
  readonly state = new SimState();
  readonly clock = new SimClock();
  readonly bus = new EventBus(this.state, this.clock);
  readonly options: Required<SimOptions>;
  baseUrl = "http://127.0.0.1";
  /** Bumped on every change, so the embedded simulator knows when to save its snapshot. */
  revision = 0;

  constructor(options: SimOptions = {}) {
    this.options = {
      sepaDelayMs: options.sepaDelayMs ?? 3 * 60_000,
      availabilityDelayMs: options.availabilityDelayMs ?? 2 * 24 * 3600_000,
      accountLinkTtlSeconds: options.accountLinkTtlSeconds ?? 300,
    };
  }

  id(prefix: string): string {
    return newId(prefix);
  }

  now(): number {
    return this.clock.seconds();
  }

  get<T>(map: Map<string, T>, kind: string, id: string, param?: string): T {
    const found = map.get(id);
    if (!found) throw noSuchResource(kind, id, param);
    return found;
  }

  /** Books money on an account's balance, pending until available_on (on the simulator clock). */
  book(
    account: string | null,
    fields: Pick<
      SimBalanceTransaction,
      "amount" | "fee" | "type" | "source" | "reporting_category" | "description"
    >,
    availableAfterMs = 0,
  ): SimBalanceTransaction {
    const availableOn = this.clock.now() + availableAfterMs;
    const txn: SimBalanceTransaction = {
      ...fields,
      id: this.id("txn"),
      object: "balance_transaction",
      created: this.now(),
      currency: "eur",
      net: fields.amount - fields.fee,
      status: availableAfterMs > 0 ? "pending" : "available",
      available_on: Math.floor(availableOn / 1000),
      owner: account,
    };
    this.state.balanceTransactions.set(txn.id, txn);
    const balance = this.state.balance(account);
    if (availableAfterMs > 0) {
      balance.pending += txn.net;
      this.scheduleAvailability(txn);
    } else {
      balance.available += txn.net;
    }
    return txn;
  }

  scheduleAvailability(txn: SimBalanceTransaction) {
    this.clock.schedule(txn.available_on * 1000, () => this.makeAvailable(txn));
  }

  private makeAvailable(txn: SimBalanceTransaction) {
    if (txn.status === "available") return;
    const balance = this.state.balance(txn.owner);
    balance.pending -= txn.net;
    balance.available += txn.net;
    txn.status = "available";
  }

  /** Test switch, like Stripe's 4000000000000077 card: funds straight into the available balance. */
  topUp(amount: number, account: string | null = null): SimBalanceTransaction {
    return this.book(account, {
      amount,
      fee: 0,
      type: "adjustment",
      source: null,
      reporting_category: "topup",
      description: "Approvisionnement (simulateur)",
    });
  }
}

/** Stripe's list envelope: newest first, `limit`, `starting_after`, `ending_before`, `created` range. */
export function list<T extends object>(_core: SimCore, items: T[], form: Form, url: string) {
  const limit = Math.min(Math.max(Number(form.limit ?? 10) || 10, 1), 100);
  const sorted = [...items]
    .reverse()
    .filter((item) => inCreatedRange((item as { created?: number }).created, form.created));
  if (typeof form.ending_before === "string") {
    const end = sorted.findIndex((i) => (i as { id?: string }).id === form.ending_before);
    const page = sorted.slice(Math.max(0, end - limit), Math.max(0, end));
    return { object: "list" as const, data: page, has_more: end - limit > 0, url };
  }
  const start =
    typeof form.starting_after === "string"
      ? sorted.findIndex((i) => (i as { id?: string }).id === form.starting_after) + 1
      : 0;
  const page = sorted.slice(start, start + limit);
  return { object: "list" as const, data: page, has_more: start + limit < sorted.length, url };
}

function inCreatedRange(created: number | undefined, range: unknown): boolean {
  if (range === undefined || created === undefined) return true;
  if (typeof range === "string") return created === Number(range);
  const r = range as Record<string, string | undefined>;
  const bound = (key: string) => (r[key] === undefined ? undefined : Number(r[key]));
  const [gt, gte, lt, lte] = [bound("gt"), bound("gte"), bound("lt"), bound("lte")];
  return (
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte)
  );
}
