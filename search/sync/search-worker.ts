// Drains the search outbox into the engine. One rule keeps it simple and safe: a row only names a
// document; the worker reads that document's CURRENT state from the database and writes it (or
// removes it). So several changes to one document collapse into one write, retries can never
// apply an old value, and a row is deleted only once the engine has accepted the write.
//
// Run ONE worker per database: in-process in the web server by default, or `npm run worker` with
// SEARCH_WORKER=off on every web instance. (A second worker would not lose updates — see
// `settle` — but would do the work twice.)
import { db } from "#app/lib/db.server";
import { logger as appLogger } from "#app/server/logger";
import type { SearchEngine } from "../engine";
import {
  countListedDocuments,
  isSyncedIndex,
  loadAllDocuments,
  loadDocuments,
  syncedIndexes,
  type DocumentChanges,
  type SyncedIndex,
} from "./load-documents";

export const BATCH_SIZE = 200;
const MAX_BACKOFF_MS = 5 * 60_000;

/** 1 s after the first failure, then 2 s, 4 s … never more than 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

type Logger = Pick<typeof appLogger, "info" | "warn" | "error">;
type OutboxRow = { id: number; indexName: string; documentId: string; attempts: number };
type Batch = Map<SyncedIndex, { ids: string[]; maxRowId: number }>;

export type SearchWorkerOptions = {
  /** The engine, or how to get it (the factory sets it up lazily, and may fail while it is down). */
  engine: SearchEngine | (() => Promise<SearchEngine>);
  /** Pause between two passes when the outbox is empty. */
  intervalMs?: number;
  /** false: no timer, passes run only through drainOnce() (tests, scripts). */
  poll?: boolean;
  batchSize?: number;
  logger?: Logger;
  now?: () => number;
};

export type SearchWorker = {
  /** Stops polling and waits for the pass in progress. */
  stop(): Promise<void>;
  /** Runs one pass now: every due row, batch after batch. Returns how many rows it cleared. */
  drainOnce(): Promise<number>;
};

function groupBatch(rows: OutboxRow[]): Batch {
  const batch: Batch = new Map();
  for (const row of rows) {
    if (!isSyncedIndex(row.indexName)) continue;
    const entry = batch.get(row.indexName) ?? { ids: [], maxRowId: 0 };
    if (!entry.ids.includes(row.documentId)) entry.ids.push(row.documentId);
    entry.maxRowId = Math.max(entry.maxRowId, row.id);
    batch.set(row.indexName, entry);
  }
  return batch;
}

async function apply<I extends SyncedIndex>(engine: SearchEngine, index: I, changes: DocumentChanges<I>) {
  if (changes.upserts.length) await engine.upsert(index, changes.upserts);
  if (changes.removals.length) await engine.remove(index, changes.removals);
}

/** What each id looks like in a set of changes, to tell whether the database moved meanwhile. */
function fingerprints(changes: DocumentChanges<SyncedIndex>): Map<string, string> {
  const prints = new Map(changes.removals.map((id) => [id, "removed"]));
  for (const document of changes.upserts) prints.set(document.id, JSON.stringify(document));
  return prints;
}

/**
 * Deletes the rows the write covered: the batch's rows and any older row for the same documents
 * (they were committed before the state we read, so they are covered too, even if waiting in
 * backoff). If a document changed after we read it and its newer row is already gone (another
 * worker), it is enqueued again, so a late write of an old state can never be the last one.
 */
async function settle(
  index: SyncedIndex,
  ids: string[],
  maxRowId: number,
  written: DocumentChanges<SyncedIndex>,
) {
  const before = fingerprints(written);
  const after = fingerprints(await loadDocuments(index, ids));
  const moved = ids.filter((id) => before.get(id) !== after.get(id));
  await db.$transaction([
    db.searchOutbox.deleteMany({
      where: { indexName: index, documentId: { in: ids }, id: { lte: maxRowId } },
    }),
    db.searchOutbox.createMany({ data: moved.map((documentId) => ({ indexName: index, documentId })) }),
  ]);
}

async function scheduleRetry(rows: OutboxRow[], error: unknown, now: number) {
  const lastError = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(
    0,
    500,
  );
  const byAttempts = new Map<number, number[]>();
  for (const row of rows) byAttempts.set(row.attempts, [...(byAttempts.get(row.attempts) ?? []), row.id]);
  await db.$transaction(
    [...byAttempts].map(([attempts, ids]) =>
      db.searchOutbox.updateMany({
        where: { id: { in: ids } },
        data: { attempts: attempts + 1, nextAttemptAt: new Date(now + backoffMs(attempts + 1)), lastError },
      }),
    ),
  );
}

async function dueRows(now: number, take: number): Promise<OutboxRow[]> {
  return db.searchOutbox.findMany({
    // Rows of an index the sync cannot build yet stay untouched until it can.
    where: { nextAttemptAt: { lte: new Date(now) }, indexName: { in: [...syncedIndexes] } },
    orderBy: { id: "asc" },
    take,
    select: { id: true, indexName: true, documentId: true, attempts: true },
  });
}

/** One batch: read, write to the engine, then settle — or schedule a retry for all its rows. */
async function drainBatch(
  engine: SearchEngine,
  rows: OutboxRow[],
  now: number,
  log: Logger,
): Promise<boolean> {
  try {
    for (const [index, { ids, maxRowId }] of groupBatch(rows)) {
      const changes = await loadDocuments(index, ids);
      await apply(engine, index, changes);
      await settle(index, ids, maxRowId, changes);
    }
    return true;
  } catch (error) {
    log.warn({ err: error, rows: rows.length }, "index de recherche : mise à jour reportée");
    await scheduleRetry(rows, error, now).catch((retryError: unknown) =>
      log.error({ err: retryError }, "index de recherche : impossible d’enregistrer la nouvelle tentative"),
    );
    return false;
  }
}

async function drainDue(
  engine: SearchEngine,
  options: Required<Pick<SearchWorkerOptions, "batchSize" | "now">>,
  log: Logger,
) {
  let cleared = 0;
  for (;;) {
    const now = options.now();
    const rows = await dueRows(now, options.batchSize);
    if (rows.length === 0) return cleared;
    if (!(await drainBatch(engine, rows, now, log))) return cleared;
    cleared += rows.length;
    if (rows.length < options.batchSize) return cleared;
  }
}

/**
 * At start: an index that does not hold as many documents as the database lists (a fresh machine
 * after the demo seed, a deleted search.db, a database restored from a backup) is rebuilt whole
 * from the database. Rows still in the outbox are then drained as usual: they re-apply the
 * current state, so a change made during the rebuild is not lost.
 */
async function reconcile(engine: SearchEngine, log: Logger) {
  for (const index of syncedIndexes) {
    const [indexed, expected] = await Promise.all([engine.count(index), countListedDocuments(index)]);
    if (indexed === expected) continue;
    const started = performance.now();
    const documents = await loadAllDocuments(index);
    await engine.replaceAll(index, documents);
    const ms = Math.round(performance.now() - started);
    log.info({ index, indexed, documents: documents.length, ms }, "index de recherche reconstruit");
  }
}

type PassSettings = Required<Pick<SearchWorkerOptions, "batchSize" | "now">> & { log: Logger };

/**
 * One pass: the start-up check until it has succeeded once (retried with the same backoff as
 * rows, so an engine that is down is not asked every second), then every due row.
 */
function passRunner(getEngine: () => Promise<SearchEngine>, settings: PassSettings) {
  const check = { done: false, failures: 0, nextAt: 0 };
  return async function pass(): Promise<number> {
    const engine = await getEngine();
    if (!check.done && settings.now() >= check.nextAt) {
      try {
        await reconcile(engine, settings.log);
        check.done = true;
      } catch (error) {
        check.failures += 1;
        check.nextAt = settings.now() + backoffMs(check.failures);
        settings.log.warn({ err: error }, "index de recherche : vérification au démarrage reportée");
      }
    }
    return drainDue(engine, settings, settings.log);
  };
}

/** Calls never overlap: drainOnce() from a test and the timer share one queue. */
function serialized<T>(run: () => Promise<T>) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(): Promise<T> {
      const next = queue.then(run);
      queue = next.catch(() => undefined);
      return next;
    },
    idle: () => queue.then(() => undefined),
  };
}

export function startSearchWorker(options: SearchWorkerOptions): SearchWorker {
  const log = options.logger ?? appLogger;
  const getEngine =
    typeof options.engine === "function" ? options.engine : async () => options.engine as SearchEngine;
  const settings = { batchSize: options.batchSize ?? BATCH_SIZE, now: options.now ?? Date.now, log };
  const passes = serialized(passRunner(getEngine, settings));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // A pass fails as a whole only when the engine cannot even be obtained (Meilisearch down at
  // start): wait longer after each such failure rather than logging every second.
  let failedPasses = 0;

  async function tick() {
    try {
      await passes.run();
      failedPasses = 0;
    } catch (error) {
      failedPasses += 1;
      log.warn({ err: error }, "index de recherche : passe en échec, nouvel essai plus tard");
    }
    const wait = Math.max(options.intervalMs ?? 1000, failedPasses ? backoffMs(failedPasses) : 0);
    if (!stopped) timer = setTimeout(() => void tick(), wait);
  }

  if (options.poll !== false) timer = setTimeout(() => void tick(), 0);
  return {
    drainOnce: () => passes.run(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await passes.idle();
    },
  };
}
