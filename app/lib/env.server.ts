import { z } from "zod";
import { dataDir, databaseUrl } from "./database-url";

// Every variable the server reads, with its embedded default: a fresh clone needs none of them.
// Parsed once at start so a bad value fails fast with a readable message.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  // Behind a load balancer: trust X-Forwarded-For for the client address (rate limits, logs).
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  APP_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Permanence <bonjour@permanence.local>"),
  REDIS_URL: z.string().url().optional(),
  // Search: the embedded engine in DATA_DIR/search.db unless MEILI_HOST is set.
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  // "off" on web instances when the search worker runs as its own process (npm run worker).
  SEARCH_WORKER: z.enum(["on", "off"]).default("on"),
  // The platform's commission on the work amount, in basis points (1000 = 10 %), frozen on each contract.
  PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(5000).default(1000),
  // Days a business has to approve or dispute logged work before the worker approves it.
  WORK_REVIEW_WINDOW_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  // The platform's own legal identity, printed on its commission invoices and as the mandatary on
  // the invoices it issues in a payee's name (app/domain/billing/platform-identity.server.ts).
  PLATFORM_LEGAL_NAME: z.string().min(1).default("Permanence SAS"),
  PLATFORM_LEGAL_FORM: z.string().min(1).default("SAS au capital de 10 000 €"),
  PLATFORM_SIRET: z
    .string()
    .regex(/^\d{14}$/, "14 chiffres")
    .default("91234567500017"),
  PLATFORM_VAT_NUMBER: z.string().min(1).default("FR65912345675"),
  PLATFORM_RCS: z.string().min(1).default("RCS Paris"),
  PLATFORM_ADDRESS_LINE: z.string().min(1).default("10 rue de la Paix"),
  PLATFORM_POSTCODE: z.string().min(1).default("75002"),
  PLATFORM_COMMUNE: z.string().min(1).default("Paris"),
  // Payments: Stripe when STRIPE_SECRET_KEY is set; otherwise the local simulator (mode démo), started
  // by the web process on STRIPE_SIMULATOR_URL (default http://127.0.0.1:PORT+1).
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, "clé secrète Stripe attendue (sk_test_… ou sk_live_…)").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  STRIPE_SIMULATOR_URL: z.string().url().optional(),
  // How often the payments job runs (month close, milestone funding, charges, transfers), in ms.
  PAYMENTS_JOB_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  // How often the e-mail outbox is drained, and how often the daily notification digest checks
  // who is due (it sends from 08:00 Paris time, once a day per user), in ms.
  EMAIL_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(500).default(5000),
  NOTIFICATION_DIGEST_INTERVAL_MS: z.coerce.number().int().min(1000).default(300_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // auto: demo data only into an empty embedded SQLite file — never into a libsql:// production database.
  SEED_DEMO: z.enum(["auto", "always", "never"]).default("auto"),
  SECURE_COOKIES: z.enum(["auto", "always", "never"]).default("auto"),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; databaseUrl: string; appUrl: string };

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Configuration invalide : ${problems}`);
  }
  const env = parsed.data;
  cached = {
    ...env,
    dataDir: dataDir(process.env),
    databaseUrl: databaseUrl(process.env),
    appUrl: env.APP_URL ?? `http://localhost:${env.PORT}`,
  };
  return cached;
}

/** Values the browser may see. Nothing secret goes here. */
export function getPublicEnv() {
  const env = getEnv();
  return { mode: env.NODE_ENV };
}

/** Secure cookies behind https (APP_URL), unless SECURE_COOKIES says otherwise. */
export function secureCookies(): boolean {
  const env = getEnv();
  if (env.SECURE_COOKIES === "auto") return env.appUrl.startsWith("https://");
  return env.SECURE_COOKIES === "always";
}
