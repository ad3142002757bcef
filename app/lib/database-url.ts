import fs from "node:fs";
import path from "node:path";

/**
 * Where the database lives: `DATABASE_URL` when set (a `libsql://` URL in production),
 * otherwise a SQLite file under `DATA_DIR` (default `./data`), so a fresh clone needs no setup.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const dir = dataDir(env);
  fs.mkdirSync(dir, { recursive: true });
  return `file:${path.join(dir, "permanence.db")}`;
}

/** Everything the app writes at run time lives below this git-ignored folder. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR ?? "data");
}
