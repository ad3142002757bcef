// PAYMENTS_JOB_INTERVAL_MS: validated with the rest of the configuration, and the payments job's
// default interval (what app/server/index.ts and app/cli/worker.ts use). Each case imports the
// modules afresh, so the configuration is read again.
import { afterEach, describe, expect, it, vi } from "vitest";

async function freshEnv(value: string | undefined) {
  vi.resetModules();
  if (value === undefined) delete process.env.PAYMENTS_JOB_INTERVAL_MS;
  else vi.stubEnv("PAYMENTS_JOB_INTERVAL_MS", value);
  return import("#app/lib/env.server");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("PAYMENTS_JOB_INTERVAL_MS", () => {
  it("defaults to a minute, accepts a number of milliseconds, refuses less than a second", async () => {
    expect((await freshEnv(undefined)).getEnv().PAYMENTS_JOB_INTERVAL_MS).toBe(60_000);
    expect((await freshEnv("2500")).getEnv().PAYMENTS_JOB_INTERVAL_MS).toBe(2500);
    await expect(freshEnv("500").then((m) => m.getEnv())).rejects.toThrow(/PAYMENTS_JOB_INTERVAL_MS/);
    await expect(freshEnv("vite").then((m) => m.getEnv())).rejects.toThrow(/PAYMENTS_JOB_INTERVAL_MS/);
  });

  it("is the job's interval when none is passed: runs every second, not every minute", async () => {
    await freshEnv("1000");
    const { startPaymentsJob } = await import("#app/domain/payments/payments-job.server");
    let runs = 0;
    const job = startPaymentsJob({ now: () => (runs++, new Date("2026-11-29T12:00:00Z")) });
    await new Promise((resolve) => setTimeout(resolve, 2600));
    await job.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(4);
  });
});
