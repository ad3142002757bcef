import Stripe from "stripe";
import { type SimClock } from "./clock";
import { newId, signPayload } from "./signing";
import { type SimState } from "./state";

export type EventType = Stripe.Event.Type;
export type SimEvent = Pick<
  Stripe.Event,
  "id" | "object" | "api_version" | "created" | "livemode" | "pending_webhooks"
> & {
  type: EventType;
  account?: string;
  data: { object: object; previous_attributes?: object };
  request: { id: string | null; idempotency_key: string | null };
};
export type EndpointKind = "platform" | "connect";
/** In tests: the webhook route's action, called with the exact bytes and header Stripe would send. */
export type InProcessHandler = (
  rawBody: string,
  signature: string,
  endpoint: EndpointKind,
) => Promise<Response | void>;

export type Delivery = {
  id: string;
  eventId: string;
  type: EventType;
  endpointId: string;
  endpoint: EndpointKind | "url";
  dueAt: number;
  seq: number;
  held: boolean;
  attempts: number;
  status: "pending" | "delivered" | "failed";
  lastStatus?: number;
  lastError?: string;
};

const MAX_ATTEMPTS = 8;

export class EventBus {
  readonly events: SimEvent[] = [];
  readonly deliveries: Delivery[] = [];
  handler: InProcessHandler | null = null;
  private seq = 0;
  private next = { duplicate: 0, reorder: 0, delays: [] as number[] };
  private held: Delivery[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  onEmit: (() => void) | null = null;
  currentRequest: { id: string; idempotency_key: string | null } | null = null;

  constructor(
    private readonly state: SimState,
    private readonly clock: SimClock,
  ) {}

  emit(
    type: EventType,
    object: object,
    options: { account?: string | null; previous?: object } = {},
  ): SimEvent {
    const event: SimEvent = {
      id: newId("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: this.clock.seconds(),
      livemode: false,
      pending_webhooks: 0,
      type,
      ...(options.account ? { account: options.account } : {}),
      data: {
        object: structuredClone(object),
        ...(options.previous ? { previous_attributes: options.previous } : {}),
      },
      // Like Stripe: events caused by an API request name it; those Stripe emits on its own do not.
      request: this.currentRequest ?? { id: null, idempotency_key: null },
    };
    this.events.push(event);
    this.enqueue(event);
    this.onEmit?.();
    return event;
  }

  duplicateNext(count = 1) {
    this.next.duplicate += count;
  }
  reorderNext() {
    this.next.reorder += 1;
  }
  delayNext(ms: number) {
    this.next.delays.push(ms);
  }

  private enqueue(event: SimEvent) {
    const endpoints = [...this.state.webhookEndpoints.values()].filter(
      (e) =>
        e.status === "enabled" &&
        e.connect === Boolean(event.account) &&
        (e.enabled_events.includes("*") || e.enabled_events.includes(event.type)),
    );
    const delay = this.next.delays.shift() ?? 0;
    const copies = this.next.duplicate > 0 ? (this.next.duplicate--, 2) : 1;
    const hold = this.next.reorder > 0 ? (this.next.reorder--, true) : false;
    const created: Delivery[] = [];
    for (const endpoint of endpoints) {
      for (let i = 0; i < copies; i++)
        created.push(this.delivery(event, endpoint.id, endpoint.url, delay, hold));
    }
    event.pending_webhooks = created.length;
    const last = created[created.length - 1];
    if (!hold && last) this.releaseHeld(last);
    this.deliveries.push(...created);
    if (hold) this.held.push(...created);
  }

  private delivery(event: SimEvent, endpointId: string, url: string, delay: number, held: boolean): Delivery {
    const kind = url.startsWith("inprocess:") ? (url.slice("inprocess:".length) as EndpointKind) : "url";
    return {
      id: newId("whdel"),
      eventId: event.id,
      type: event.type,
      endpointId,
      endpoint: kind,
      dueAt: this.clock.now() + delay,
      seq: this.seq++,
      held,
      attempts: 0,
      status: "pending",
    };
  }

  /** A held delivery goes right after the one that overtook it. */
  private releaseHeld(after: Delivery) {
    for (const d of this.held) {
      d.held = false;
      d.seq = after.seq + 0.5;
      d.dueAt = Math.max(d.dueAt, after.dueAt);
    }
    this.held = [];
  }

  /** Delivers every due, pending delivery in order, one at a time; resolves with those attempted. */
  flush(): Promise<Delivery[]> {
    const run = this.chain.then(() => this.deliverDue());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async deliverDue(): Promise<Delivery[]> {
    const attempted: Delivery[] = [];
    for (;;) {
      const now = this.clock.now();
      const due = this.deliveries
        .filter((d) => d.status === "pending" && !d.held && d.dueAt <= now && !attempted.includes(d))
        .sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq)[0];
      if (!due) return attempted;
      attempted.push(due);
      await this.attempt(due);
    }
  }

  private async attempt(delivery: Delivery) {
    const event = this.events.find((e) => e.id === delivery.eventId);
    const endpoint = this.state.webhookEndpoints.get(delivery.endpointId);
    if (!event || !endpoint) return void (delivery.status = "failed");
    const payload = JSON.stringify(event, null, 2);
    // Signed with the wall clock: the SDK checks the timestamp against real time, not the simulator's.
    const signature = signPayload(payload, endpoint.secret, Math.floor(Date.now() / 1000));
    delivery.attempts++;
    try {
      const status = await this.send(delivery, endpoint.url, payload, signature);
      delivery.lastStatus = status;
      if (status >= 200 && status < 300) return void (delivery.status = "delivered");
      delivery.lastError = `HTTP ${status}`;
    } catch (error) {
      delivery.lastError = error instanceof Error ? error.message : String(error);
    }
    this.retryLater(delivery);
  }

  private async send(delivery: Delivery, url: string, payload: string, signature: string): Promise<number> {
    if (delivery.endpoint !== "url") {
      if (!this.handler) throw new Error("aucun destinataire en mémoire (deliverTo) pour ce point d’arrivée");
      const response = await this.handler(payload, signature, delivery.endpoint);
      return response ? response.status : 200;
    }
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "stripe-signature": signature,
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      },
      body: payload,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** Stripe retries failed deliveries with exponential backoff (here: 1 min, 2, 4… on the simulator clock). */
  private retryLater(delivery: Delivery) {
    if (delivery.attempts >= MAX_ATTEMPTS) return void (delivery.status = "failed");
    delivery.dueAt = this.clock.now() + 60_000 * 2 ** (delivery.attempts - 1);
  }
}
