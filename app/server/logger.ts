import { pino } from "pino";

/** Structured JSON logs; each HTTP request carries its request id (pino-http). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "permanence" },
  redact: ["req.headers.cookie", 'res.headers["set-cookie"]'],
});
