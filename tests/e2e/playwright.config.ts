import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./chromium";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: path.join(root, "test-results"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  // Two cores running the server, two browsers and axe: a full journey takes 30 s on a busy run.
  // A staff login may wait up to two TOTP periods (30 s each) when another worker just used the
  // account's codes (tests/e2e/helpers.ts); a journey with one must still fit.
  timeout: 120_000,
  expect: { timeout: 7_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  // The production build on a fresh data folder: migrations, demo seed and all, as `npm start` does.
  webServer: {
    command: "npx tsx tests/e2e/serve.ts",
    cwd: root,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: path.join(root, "data", "e2e"),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      // payments.spec.ts waits for the payments job: close, charge, transfers (default every minute).
      PAYMENTS_JOB_INTERVAL_MS: "2000",
    },
  },
});
