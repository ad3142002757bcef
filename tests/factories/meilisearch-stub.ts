// A loopback HTTP server that answers like Meilisearch, for tests/integration/meilisearch-engine.test.ts:
// it records every request (method, path, JSON body, Authorization header), creates indexes,
// enqueues tasks that are still "processing" on their first poll, can fail chosen tasks, and
// answers searches through a replaceable function.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Recorded = { method: string; path: string; body: any; auth: string | undefined };
export type TaskError = { message: string; code: string };

/** A small Meilisearch: indexes by uid, tasks that are "processing" on their first poll. */
export function createMeilisearchStub() {
  const requests: Recorded[] = [];
  const indexes = new Set<string>();
  const tasks: { type: string; indexUid: string | null; polls: number; error?: TaskError }[] = [];
  const state = {
    failTask: (_r: Recorded): TaskError | undefined => undefined,
    search: (_uid: string, _body: any): object => ({
      hits: [],
      totalHits: 0,
      facetDistribution: {},
      facetStats: {},
    }),
  };

  function enqueue(r: Recorded, type: string, indexUid: string | null) {
    const taskUid = tasks.push({ type, indexUid, polls: 0, error: state.failTask(r) }) - 1;
    return [
      202,
      { taskUid, indexUid, status: "enqueued", type, enqueuedAt: "2026-11-26T10:00:00Z" },
    ] as const;
  }

  function task(uid: number) {
    const t = tasks[uid]!;
    t.polls += 1;
    // The first poll always finds it still processing, so the client has to poll again.
    const status = t.polls === 1 ? "processing" : t.error ? "failed" : "succeeded";
    const error = status === "failed" ? { ...t.error, type: "invalid_request", link: "https://docs" } : null;
    return {
      uid,
      batchUid: uid,
      indexUid: t.indexUid,
      status,
      type: t.type,
      error,
      canceledBy: null,
      details: {},
      duration: null,
      enqueuedAt: "2026-11-26T10:00:00Z",
      startedAt: null,
      finishedAt: null,
    };
  }

  function route(r: Recorded): readonly [number, unknown] {
    if (r.auth !== "Bearer secret-key")
      return [403, { message: "The provided API key is invalid.", code: "invalid_api_key" }];
    const [, first, uid, sub, leaf] = r.path.split("?")[0]!.split("/");
    if (first === "tasks") return [200, task(Number(uid))];
    if (first === "swap-indexes") return enqueue(r, "indexSwap", null);
    if (first !== "indexes") return [404, { message: "not found", code: "not_found" }];
    if (!uid && r.method === "POST") {
      indexes.add(r.body.uid);
      return enqueue(r, "indexCreation", r.body.uid);
    }
    const key = `${r.method} ${sub ?? ""}${leaf ? `/${leaf}` : ""}`;
    if (key === "GET ") {
      if (indexes.has(uid!)) return [200, { uid, primaryKey: "id", createdAt: "", updatedAt: "" }];
      return [
        404,
        {
          message: `Index \`${uid}\` not found.`,
          code: "index_not_found",
          type: "invalid_request",
          link: "",
        },
      ];
    }
    if (key === "DELETE ") return enqueue(r, "indexDeletion", uid!);
    if (key === "PATCH settings") return enqueue(r, "settingsUpdate", uid!);
    if (key === "POST documents") return enqueue(r, "documentAdditionOrUpdate", uid!);
    if (key === "POST documents/delete-batch") return enqueue(r, "documentDeletion", uid!);
    if (key === "POST search")
      return [200, { processingTimeMs: 1, query: r.body.q, ...state.search(uid!, r.body) }];
    if (key === "GET stats") return [200, { numberOfDocuments: 3, isIndexing: false, fieldDistribution: {} }];
    return [404, { message: `no route for ${key}`, code: "not_found" }];
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const r = {
        method: req.method!,
        path: req.url!,
        body: text ? JSON.parse(text) : undefined,
        auth: req.headers.authorization,
      };
      requests.push(r);
      const [status, json] = route(r);
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    });
  });

  return {
    requests,
    indexes,
    state,
    /** "METHOD /path" of each request, for order assertions. */
    lines: () => requests.map((r) => `${r.method} ${r.path}`),
    reset() {
      requests.length = 0;
      tasks.length = 0;
      indexes.clear();
      state.failTask = () => undefined;
      state.search = () => ({ hits: [], totalHits: 0 });
    },
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
