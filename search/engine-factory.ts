// The one search engine of this process: Meilisearch when MEILI_HOST is set, otherwise the
// embedded engine in $DATA_DIR/search.db. Kept on globalThis because the server entry (run by
// tsx) and the Remix build load this module separately; both must share one engine (one
// connection to search.db, one Meilisearch client).
import path from "node:path";
import { getEnv } from "#app/lib/env.server";
import { createEmbeddedEngine } from "./embedded/embedded-engine";
import type { SearchEngine } from "./engine";
import { createMeilisearchEngine } from "./meilisearch/meilisearch-engine";

type Slot = { engine: Promise<SearchEngine> | undefined; ready: Promise<void> | undefined };
const globalForSearch = globalThis as unknown as { __permanenceSearch?: Slot };
const slot: Slot = (globalForSearch.__permanenceSearch ??= { engine: undefined, ready: undefined });

async function createEngine(): Promise<SearchEngine> {
  const env = getEnv();
  if (env.MEILI_HOST) return createMeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY });
  return createEmbeddedEngine({ url: `file:${path.join(env.dataDir, "search.db")}` });
}

/**
 * The engine, set up once. A failed setup (Meilisearch not reachable yet) is not remembered:
 * the next call tries again, so the app and the worker recover when the engine comes back.
 */
export async function getSearchEngine(): Promise<SearchEngine> {
  slot.engine ??= createEngine();
  const engine = await slot.engine.catch((error: unknown) => {
    slot.engine = undefined;
    throw error;
  });
  slot.ready ??= engine.setup().catch((error: unknown) => {
    slot.ready = undefined;
    throw error;
  });
  await slot.ready;
  return engine;
}

/** At shutdown, after the worker has stopped. */
export async function closeSearchEngine(): Promise<void> {
  const pending = slot.engine;
  slot.engine = undefined;
  slot.ready = undefined;
  if (pending) await (await pending.catch(() => null))?.close();
}
