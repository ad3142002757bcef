import type http from "node:http";
import { SimCore, type SimOptions } from "./core";
import { type EndpointKind, type InProcessHandler } from "./events";
import { completeOnboarding, restrictAccount } from "./resources/accounts";
import { closeDispute, openDispute } from "./resources/disputes";
import { addEndpoint } from "./resources/webhooks";
import { routes } from "./routes";
import { createHttpServer, listen } from "./server";

export type { Delivery, EndpointKind, InProcessHandler, SimEvent } from "./events";

export type StripeSimulatorOptions = SimOptions & {
  /** Where the two built-in endpoints post: a URL, or "inprocess" for deliverTo(handler). */
  endpoints?: Partial<Record<EndpointKind, string>>;
  /** Deliver webhooks and run due work on their own (npm start); tests call flush()/clock.advance(). */
  autoDeliver?: boolean;
};

export const BUILT_IN_ENDPOINTS: Record<EndpointKind, string> = {
  platform: "we_sim_platform",
  connect: "we_sim_connect",
};

export class StripeSimulator {
  readonly core: SimCore;
  url = "";
  private server: http.Server;
  private pump: NodeJS.Timeout | null = null;
  private flushQueued = false;

  constructor(private readonly options: StripeSimulatorOptions = {}) {
    this.core = new SimCore(options);
    for (const kind of ["platform", "connect"] as const) {
      const target = options.endpoints?.[kind] ?? "inprocess";
      addEndpoint(this.core, {
        id: BUILT_IN_ENDPOINTS[kind],
        url: target === "inprocess" ? `inprocess:${kind}` : target,
        events: ["*"],
        connect: kind === "connect",
      });
    }
    this.server = createHttpServer(this.core, routes);
  }

  async listen(port = 0, host = "127.0.0.1"): Promise<string> {
    this.url = await listen(this.server, port, host);
    this.core.baseUrl = this.url;
    if (this.options.autoDeliver) this.startPump();
    return this.url;
  }

  async close(): Promise<void> {
    if (this.pump) clearInterval(this.pump);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The signing secrets of the built-in endpoints (STRIPE_WEBHOOK_SECRET / STRIPE_CONNECT_WEBHOOK_SECRET). */
  get webhookSecrets(): Record<EndpointKind, string> {
    const secret = (kind: EndpointKind) =>
      this.core.state.webhookEndpoints.get(BUILT_IN_ENDPOINTS[kind])!.secret;
    return { platform: secret("platform"), connect: secret("connect") };
  }

  get events() {
    return this.core.bus.events;
  }
  get deliveries() {
    return this.core.bus.deliveries;
  }

  readonly clock = {
    now: () => this.core.clock.now(),
    /** Moves time forward, runs what became due (SEPA outcomes, fund availability), then delivers due webhooks. */
    advance: async (ms: number) => {
      this.core.clock.shift(ms);
      this.core.clock.runDue();
      return this.flush();
    },
  };

  deliverTo(handler: InProcessHandler | null): void {
    this.core.bus.handler = handler;
  }
  flush() {
    this.core.clock.runDue();
    return this.core.bus.flush();
  }
  duplicateNext(count = 1) {
    this.core.bus.duplicateNext(count);
  }
  reorderNext() {
    this.core.bus.reorderNext();
  }
  delayNext(ms: number) {
    this.core.bus.delayNext(ms);
  }

  completeOnboarding(accountId: string) {
    return completeOnboarding(this.core, accountId);
  }
  restrictAccount(accountId: string, due?: string[]) {
    return restrictAccount(this.core, accountId, due);
  }
  /** Funds straight into the available balance (platform by default). */
  topUp(amount: number, account: string | null = null) {
    return this.core.topUp(amount, account);
  }

  /** Test switch: the cardholder's bank disputes a charge (charge.dispute.created). */
  openDispute(chargeId: string, reason?: string) {
    return openDispute(this.core, chargeId, reason);
  }
  /** Test switch: the bank decides (charge.dispute.closed). */
  closeDispute(disputeId: string, outcome: "won" | "lost") {
    return closeDispute(this.core, disputeId, outcome);
  }

  private startPump() {
    this.core.bus.onEmit = () => {
      if (this.flushQueued) return;
      this.flushQueued = true;
      setImmediate(() => {
        this.flushQueued = false;
        void this.flush();
      });
    };
    this.pump = setInterval(() => void this.flush(), 1000);
    this.pump.unref();
  }
}

export function createStripeSimulator(options: StripeSimulatorOptions = {}): StripeSimulator {
  return new StripeSimulator(options);
}
