// The one interface the app knows. Two implementations: the embedded engine (SQLite FTS5, the
// default) and Meilisearch (when MEILI_HOST is set). Both pass tests/contract/.
import type { DocumentOf, IndexName } from "./documents";
import type { RequestFor, SearchResponse } from "./query";

export interface SearchEngine {
  readonly name: "embedded" | "meilisearch";
  /** Creates the indexes and applies their settings; safe to call at every start. */
  setup(): Promise<void>;
  /** Inserts or replaces documents by id. */
  upsert<I extends IndexName>(index: I, documents: DocumentOf<I>[]): Promise<void>;
  remove(index: IndexName, ids: string[]): Promise<void>;
  search<I extends IndexName>(request: RequestFor<I>): Promise<SearchResponse<I>>;
  /** Replaces the whole content of an index (zero-downtime where the engine allows it). */
  replaceAll<I extends IndexName>(index: I, documents: DocumentOf<I>[]): Promise<void>;
  count(index: IndexName): Promise<number>;
  close(): Promise<void>;
}

/** Thrown when the engine cannot be reached or refuses a write; the outbox retries later. */
export class SearchUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SearchUnavailableError";
  }
}
