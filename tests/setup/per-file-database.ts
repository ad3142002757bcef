import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { runTmpDir, templateDatabase } from "./paths";

// Each test file gets a fresh copy of the migrated database and its own data folder (mail, secrets),
// set before any app module reads the environment.
const id = `${process.env.VITEST_POOL_ID ?? "0"}-${crypto.randomUUID().slice(0, 8)}`;
const databaseFile = path.join(runTmpDir(), `db-${id}.db`);
const dataDir = path.join(runTmpDir(), `data-${id}`);
fs.copyFileSync(templateDatabase(), databaseFile);
fs.mkdirSync(dataDir, { recursive: true });
process.env.DATABASE_URL = `file:${databaseFile}`;
process.env.DATA_DIR = dataDir;

const globalForDb = globalThis as unknown as { __permanenceDb?: { $disconnect(): Promise<void> } };
delete globalForDb.__permanenceDb;

afterAll(async () => {
  await globalForDb.__permanenceDb?.$disconnect();
  delete globalForDb.__permanenceDb;
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) fs.rmSync(file, { force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});
