import type { Client, Config, InStatement, Transaction } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import { getEnv } from "./env.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * For a file database, @libsql/client hands its connection to each interactive transaction and
 * opens a NEW one for whatever follows (sqlite3.js, `transaction()`): the PRAGMAs of tuneSqlite are
 * lost after the first transaction (synchronous back to FULL: every commit waits for an fsync, ~5 ms
 * here; foreign keys no longer enforced; no busy timeout) and each transaction pays a connection
 * open. The Prisma adapter already holds one mutex from BEGIN to COMMIT (nothing else runs on the
 * client meanwhile), so its transactions can run on the one tuned connection.
 */
class OneConnectionLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    if (client.protocol !== "file") return client;
    client.transaction = async (mode = "write") => {
      await client.execute(mode === "deferred" ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
      return sameConnectionTransaction(client);
    };
    return client;
  }
}

function sameConnectionTransaction(client: Client): Transaction {
  let closed = false;
  const end = async (sql: "COMMIT" | "ROLLBACK") => {
    closed = true;
    try {
      await client.execute(sql);
    } catch (error) {
      // A failed COMMIT leaves the transaction open on the shared connection: end it.
      if (sql === "COMMIT") await client.execute("ROLLBACK").catch(() => {});
      if (sql === "COMMIT" || !String(error).includes("no transaction is active")) throw error;
    }
  };
  return {
    execute: (stmt: InStatement) => client.execute(stmt),
    batch: (stmts: InStatement[]) => Promise.all(stmts.map((stmt) => client.execute(stmt))),
    executeMultiple: () => Promise.reject(new Error("executeMultiple is not supported in a transaction")),
    commit: () => end("COMMIT"),
    rollback: () => end("ROLLBACK"),
    close: () => void (closed || end("ROLLBACK").catch(() => {})),
    get closed() {
      return closed;
    },
  };
}

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = new OneConnectionLibSQL({ url: env.databaseUrl, authToken: env.DATABASE_AUTH_TOKEN });
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
