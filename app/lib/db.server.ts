import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import { getEnv } from "./env.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaLibSQL({ url: env.databaseUrl, authToken: env.DATABASE_AUTH_TOKEN });
  const client = new PrismaClient({ adapter });
  // libSQL runs a file database on one connection, so these settings are in place before any query.
  if (env.databaseUrl.startsWith("file:")) {
    tuneSqlite(client).catch((error: unknown) => {
      // A client closed right after creation (short scripts, tests) has nothing left to tune.
      if (!String(error).includes("CLIENT_CLOSED")) console.error("SQLite tuning failed", error);
    });
  }
  return client;
}

// One client per process; kept on globalThis so dev rebuilds do not open a new pool each time.
const globalForDb = globalThis as unknown as { __permanenceDb?: PrismaClient };

export const db: PrismaClient = (globalForDb.__permanenceDb ??= createClient());

/**
 * SQLite settings that make one file serve concurrent readers and a writer well:
 * WAL, a busy timeout instead of immediate SQLITE_BUSY, and enforced foreign keys.
 */
async function tuneSqlite(client: PrismaClient): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await refreshPlannerStatistics(client);
}

/**
 * Lets SQLite refresh the table statistics its query planner uses, where they are missing or stale
 * (cheap when they are fresh: 0x10002 caps the rows read per index). Without statistics the planner
 * once chose the (status, submittedAt) index over the primary key for an update by ids and walked
 * every approved work entry (docs/BENCHMARKS.md, payments). Called when the client opens and by
 * long-running jobs whose tables grow.
 */
export async function refreshPlannerStatistics(client: PrismaClient = db): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA optimize=0x10002");
}

/** A unique index refused the write (e.g. two sign-ups with one e-mail at the same instant). */
export function isUniqueConstraintError(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
