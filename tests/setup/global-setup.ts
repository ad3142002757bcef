import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { projectRoot, templateDatabase, tmpDir } from "./paths";

/**
 * Applies the real migrations once to a template SQLite file; every test file then starts
 * from its own copy (see per-file-database.ts), so tests run against real SQLite in parallel.
 */
export default function setup() {
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: `file:${templateDatabase}` },
    stdio: "pipe",
  });
  return () => fs.rmSync(tmpDir, { recursive: true, force: true });
}
