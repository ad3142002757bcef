import { StripeSimError } from "./errors";

// Stripe keeps the first response to an Idempotency-Key (per account) and replays it; the same key
// with other parameters or on another endpoint is an idempotency_error.
type Saved = { fingerprint: string; endpoint: string; status: number; body: unknown; savedAt?: number };

/** Stripe forgets a key after 24 hours (here: of simulator time). */
const KEY_TTL_MS = 24 * 3600_000;

export class IdempotencyStore {
  private saved = new Map<string, Saved>();

  constructor(private readonly now: () => number = Date.now) {}

  lookup(scope: string, key: string, endpoint: string, fingerprint: string): Saved | undefined {
    const saved = this.saved.get(`${scope}:${key}`);
    if (!saved) return undefined;
    if ((saved.savedAt ?? 0) + KEY_TTL_MS < this.now()) {
      this.saved.delete(`${scope}:${key}`);
      return undefined;
    }
    if (saved.endpoint !== endpoint) {
      throw new StripeSimError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (saved.fingerprint !== fingerprint) {
      throw new StripeSimError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    return saved;
  }

  /** Server errors are not saved: the client may retry them with the same key. */
  save(scope: string, key: string, saved: Saved): void {
    if (saved.status >= 500) return;
    this.saved.set(`${scope}:${key}`, { ...saved, savedAt: this.now() });
  }
}

/** Parameters compared independently of their order. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
