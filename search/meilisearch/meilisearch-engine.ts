// The Meilisearch engine (used when MEILI_HOST is set), through the official client. It only
// sequences calls: settings come from ./meilisearch-settings.ts, the query translation from
// ./meilisearch-query.ts, task checking and error mapping from ./meilisearch-tasks.ts.
// See docs/decisions/006-search-engines.md.
import { randomBytes } from "node:crypto";
import {
  Meilisearch,
  type EnqueuedTask,
  type IndexSwap,
  type SearchResponse as MeiliResponse,
} from "meilisearch";
import {
  indexNames,
  missionDocumentSchema,
  secretaryDocumentSchema,
  type DocumentOf,
  type IndexName,
} from "../documents";
import type { SearchEngine } from "../engine";
import type { RequestFor, SearchRequest, SearchResponse } from "../query";
import { reachRadiiParams, toReachRadii, toSearchParams, toSearchResponse } from "./meilisearch-query";
import { meilisearchSettings } from "./meilisearch-settings";
import { checked, errorCode, guarded, settle } from "./meilisearch-tasks";

export type MeilisearchEngineOptions = {
  host: string;
  apiKey?: string;
  /** Prepended to the index uids, so several environments (or test runs) share one server. */
  indexPrefix?: string;
  /** Per HTTP request. */
  requestTimeoutMs?: number;
  /** How long one task may take before the write counts as failed (the outbox retries it). */
  taskTimeoutMs?: number;
  /** Interval between two GET /tasks/:uid polls. */
  taskPollMs?: number;
  /** How long the list of radius values used by the reach filter is reused. */
  reachRadiiTtlMs?: number;
};

/** Documents per POST: keeps each payload far below Meilisearch's 100 MB limit. */
const BATCH_SIZE = 5_000;

const schemas = { secretaries: secretaryDocumentSchema, missions: missionDocumentSchema };

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const { host, apiKey, indexPrefix = "" } = options;
  const wait = { timeout: options.taskTimeoutMs ?? 120_000, interval: options.taskPollMs ?? 50 };
  // A full rebuild indexes every document in one go: give its tasks ten times longer.
  const longWait = { ...wait, timeout: wait.timeout * 10 };
  const client = new Meilisearch({ host, apiKey, timeout: options.requestTimeoutMs ?? 10_000 });
  const uid = (index: IndexName) => `${indexPrefix}${index}`;

  async function ensureIndex(indexUid: string): Promise<void> {
    try {
      await client.getRawIndex(indexUid);
      return;
    } catch (error) {
      if (errorCode(error) !== "index_not_found") throw error;
    }
    // Another process may create it between the two calls: that is fine too.
    await settle(`create index ${indexUid}`, () => client.createIndex(indexUid, { primaryKey: "id" }), wait, [
      "index_already_exists",
    ]);
  }

  async function applySettings(index: IndexName, indexUid: string): Promise<void> {
    const settings = meilisearchSettings(index);
    await settle(`settings of ${indexUid}`, () => client.index(indexUid).updateSettings(settings), longWait);
  }

  async function setupIndex(index: IndexName): Promise<void> {
    await guarded(`look up index ${uid(index)}`, () => ensureIndex(uid(index)));
    await applySettings(index, uid(index));
  }

  // Settings must be in place before any document reaches an index (Meilisearch would create
  // the index on the fly, without them): every operation waits for setup once per engine.
  let ready: Promise<void> | null = null;
  function ensureReady(): Promise<void> {
    ready ??= (async () => {
      for (const index of indexNames) await setupIndex(index);
    })().catch((error: unknown) => {
      ready = null; // try again on the next call
      throw error;
    });
    return ready;
  }

  async function addDocuments<I extends IndexName>(
    index: I,
    indexUid: string,
    documents: DocumentOf<I>[],
    waitFor = wait,
  ): Promise<void> {
    // The schemas are strict: a field that is not public never leaves for the engine.
    const valid: Record<string, unknown>[] = schemas[index].array().parse(documents);
    const action = `add documents to ${indexUid}`;
    const enqueued: EnqueuedTask[] = [];
    // All batches are enqueued first, then awaited in order: Meilisearch indexes them together.
    for (const batch of chunks(valid, BATCH_SIZE)) {
      enqueued.push(
        await guarded(action, () => client.index(indexUid).addDocuments(batch, { primaryKey: "id" })),
      );
    }
    for (const task of enqueued) await checked(action, () => client.tasks.waitForTask(task, waitFor));
  }

  // The reach filter needs the radius values present in the index; cached briefly, and dropped
  // whenever this engine writes to the secretaries index.
  const radiiTtl = options.reachRadiiTtlMs ?? 5_000;
  let radii: { values: number[]; at: number } | null = null;
  async function reachRadii(): Promise<number[]> {
    if (radii && Date.now() - radii.at < radiiTtl) return radii.values;
    const raw = await guarded("read radius values", () =>
      client.index(uid("secretaries")).search("", reachRadiiParams),
    );
    radii = { values: toReachRadii(raw), at: Date.now() };
    return radii.values;
  }
  const touched = (index: IndexName) => {
    if (index === "secretaries") radii = null;
  };

  async function replaceAll<I extends IndexName>(index: I, documents: DocumentOf<I>[]): Promise<void> {
    await ensureReady();
    const live = uid(index);
    // The random part keeps two rebuilds started in the same millisecond apart.
    const temporary = `${live}_tmp_${Date.now()}_${randomBytes(3).toString("hex")}`;
    try {
      await settle(
        `create index ${temporary}`,
        () => client.createIndex(temporary, { primaryKey: "id" }),
        wait,
      );
      await applySettings(index, temporary);
      await addDocuments(index, temporary, documents, longWait);
      // One atomic step: searches see the old content, then the new one, never an empty index.
      // `rename` is left out (it means false): servers before 1.18 reject the unknown field.
      const swap = { indexes: [live, temporary] } as IndexSwap;
      await settle(`swap ${live} and ${temporary}`, () => client.swapIndexes([swap]), wait);
    } catch (error) {
      await client.deleteIndex(temporary).catch(() => undefined); // best effort: the error matters more
      throw error;
    } finally {
      touched(index);
    }
    // After the swap the temporary uid holds the old documents.
    await settle(`delete index ${temporary}`, () => client.deleteIndex(temporary), wait);
  }

  return {
    name: "meilisearch",
    setup: ensureReady,

    async upsert(index, documents) {
      if (documents.length === 0) return;
      await ensureReady();
      try {
        await addDocuments(index, uid(index), documents);
      } finally {
        touched(index);
      }
    },

    async remove(index, ids) {
      if (ids.length === 0) return;
      await ensureReady();
      try {
        await settle(
          `remove documents from ${uid(index)}`,
          () => client.index(uid(index)).deleteDocuments(ids),
          wait,
        );
      } finally {
        touched(index);
      }
    },

    async search<I extends IndexName>(request: RequestFor<I>): Promise<SearchResponse<I>> {
      await ensureReady();
      const query = request as SearchRequest;
      const needsRadii = query.index === "secretaries" && query.filters.reach !== undefined;
      const params = toSearchParams(query, needsRadii ? await reachRadii() : []);
      const raw: MeiliResponse = await guarded(`search ${uid(query.index)}`, () =>
        client.index(uid(query.index)).search(query.text, params),
      );
      return toSearchResponse<I>(query, raw);
    },

    replaceAll,

    async count(index) {
      await ensureReady();
      const stats = await guarded(`count ${uid(index)}`, () => client.index(uid(index)).getStats());
      return stats.numberOfDocuments;
    },

    async close() {
      // The client holds no connection of its own (fetch); forget cached state.
      radii = null;
      ready = null;
    },
  };
}
