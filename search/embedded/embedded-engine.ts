// The embedded search engine (the default): SQLite FTS5, rtree and plain tables in its own file,
// through the same libSQL client as the app. Writes are single transactions (client.batch), reads
// one snapshot per search; the libSQL client runs each batch synchronously, so writes from this
// process never interleave, and WAL + busy_timeout let another process (the worker) write too.
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client, type InStatement } from "@libsql/client";
import type { DocumentOf, IndexName } from "../documents";
import { SearchUnavailableError, type SearchEngine } from "../engine";
import type { RequestFor, SearchResponse } from "../query";
import { FacetDictionary } from "./facets";
import { tables } from "./index-spec";
import { configureConnection, ensureSchema } from "./schema";
import { runSearch } from "./search-run";
import { Vocabulary } from "./vocabulary";
import {
  chunks,
  clearStatements,
  deleteStatements,
  finishReplaceStatements,
  insertStatements,
  prepareRows,
} from "./writes";

const RETRYABLE = /SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY|PROTOCOL|NOMEM)/;

function unavailable(error: unknown, always: boolean): unknown {
  const code = (error as { code?: string })?.code ?? "";
  if (always || RETRYABLE.test(code) || RETRYABLE.test(String(error))) {
    return new SearchUnavailableError(`embedded search: ${(error as Error)?.message ?? error}`, {
      cause: error,
    });
  }
  return error;
}

function ensureDirectory(url: string) {
  if (!url.startsWith("file:")) return;
  const file = url.slice("file:".length).split("?")[0]!;
  if (file && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

async function connect(url: string, busyTimeoutMs: number): Promise<Client> {
  const client = createClient({ url });
  try {
    await configureConnection(client, busyTimeoutMs);
    return client;
  } catch (error) {
    client.close();
    throw error;
  }
}

class EmbeddedEngine implements SearchEngine {
  readonly name = "embedded" as const;
  private readonly vocabularies: Record<IndexName, Vocabulary>;
  private readonly dictionaries: Record<IndexName, FacetDictionary>;

  constructor(
    private client: Client,
    private readonly url: string,
    private readonly busyTimeoutMs: number,
  ) {
    const current = () => this.client;
    this.vocabularies = {
      secretaries: new Vocabulary(current, "secretaries"),
      missions: new Vocabulary(current, "missions"),
    };
    this.dictionaries = {
      secretaries: new FacetDictionary(current, "secretaries"),
      missions: new FacetDictionary(current, "missions"),
    };
  }

  async setup(): Promise<void> {
    await this.guard(() => ensureSchema(this.client), true);
  }

  /**
   * Runs `work`; on failure, replaces the connection before rethrowing: after a failed BEGIN (busy)
   * the libSQL binding leaves a statement open, and every later COMMIT on that connection fails.
   */
  private async guard<T>(work: () => Promise<T>, always: boolean): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!String((error as { code?: unknown })?.code ?? "").startsWith("SQLITE"))
        throw unavailable(error, always);
      const broken = this.client;
      try {
        this.client = await connect(this.url, this.busyTimeoutMs);
        broken.close();
      } catch {
        // Keep the old connection: the file may be unreachable right now; the next call retries.
      }
      throw unavailable(error, always);
    }
  }

  /** The outbox keeps the change and retries: any failed write is "unavailable" for it. */
  private async write(statements: InStatement[]): Promise<void> {
    await this.guard(() => this.client.batch(statements, "write"), true);
  }

  async upsert<I extends IndexName>(index: I, documents: DocumentOf<I>[]): Promise<void> {
    const rows = prepareRows(index, documents);
    if (rows.length === 0) return;
    const statements = chunks(rows).flatMap((chunk) => [
      ...deleteStatements(
        index,
        chunk.map((r) => r.id),
      ),
      ...insertStatements(index, chunk, true),
    ]);
    await this.write(statements);
  }

  async remove(index: IndexName, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.write(chunks(ids).flatMap((chunk) => deleteStatements(index, chunk)));
  }

  async replaceAll<I extends IndexName>(index: I, documents: DocumentOf<I>[]): Promise<void> {
    const rows = prepareRows(index, documents);
    // One transaction: readers keep the old content (WAL snapshot) until it commits.
    await this.write([
      ...clearStatements(index),
      ...chunks(rows).flatMap((chunk) => insertStatements(index, chunk, false)),
      ...finishReplaceStatements(index),
    ]);
    // A whole index went through the WAL: fold it into the file now rather than at some later write.
    await this.client.execute("PRAGMA wal_checkpoint(TRUNCATE)").catch(() => undefined);
  }

  async count(index: IndexName): Promise<number> {
    const result = await this.guard(
      () => this.client.execute(`SELECT count(*) AS n FROM ${tables(index).docs}`),
      false,
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  async search<I extends IndexName>(request: RequestFor<I>): Promise<SearchResponse<I>> {
    const context = () => ({
      client: this.client,
      vocabulary: this.vocabularies[request.index],
      dictionary: this.dictionaries[request.index],
    });
    return (await this.guard(() => runSearch(context(), request), false)) as SearchResponse<I>;
  }

  async close(): Promise<void> {
    this.client.close();
  }
}

/**
 * Opens (creating if needed) the search file, e.g. `file:/data/search.db`. `busyTimeoutMs` is how
 * long a write waits for another process's write before failing with SearchUnavailableError.
 */
export async function createEmbeddedEngine({
  url,
  busyTimeoutMs = 5000,
}: {
  url: string;
  busyTimeoutMs?: number;
}): Promise<SearchEngine> {
  ensureDirectory(url);
  const client = await connect(url, busyTimeoutMs).catch((error: unknown) => {
    throw unavailable(error, false);
  });
  const engine = new EmbeddedEngine(client, url, busyTimeoutMs);
  await engine.setup();
  return engine;
}
