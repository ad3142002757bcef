import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot, templateDatabase } from "./paths";

/**
 * Applies the real migrations once to a template SQLite file; every test file then starts
 * from its own copy (see per-file-database.ts), so tests run against real SQLite in parallel.
 */
export default function setup() {
  const dir = path.join(projectRoot, "tests", ".tmp", `run-${crypto.randomUUID().slice(0, 8)}`);
  fs.mkdirSync(dir, { recursive: true });
  process.env.PERMANENCE_TEST_TMP = dir;
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: `file:${templateDatabase()}` },
    stdio: "pipe",
  });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
