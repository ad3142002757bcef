import { MeilisearchRequestError, type Task } from "meilisearch";
import { describe, expect, it } from "vitest";
import { SearchUnavailableError } from "#search/engine";
import { checked, TaskFailedError, toUnavailable } from "#search/meilisearch/meilisearch-tasks";

const task = (over: Partial<Task>): Task => ({
  uid: 7,
  batchUid: 3,
  indexUid: "secretaries",
  status: "succeeded",
  type: "documentAdditionOrUpdate",
  enqueuedAt: "2026-11-26T10:00:00Z",
  canceledBy: null,
  error: null,
  duration: "PT0.1S",
  startedAt: "2026-11-26T10:00:00Z",
  finishedAt: "2026-11-26T10:00:01Z",
  ...over,
});

const geoError = {
  message:
    'The `_geo` field in the document with the id: `s1` contains the following unexpected fields: `{"x":1}`.',
  code: "invalid_document_geo_field",
  type: "invalid_request",
  link: "https://docs.meilisearch.com/errors#invalid_document_geo_field",
};

describe("checked", () => {
  it("returns a succeeded task", async () => {
    await expect(checked("add", async () => task({}))).resolves.toMatchObject({ uid: 7 });
  });

  it("throws on a failed task, with Meilisearch's message and code", async () => {
    const failed = checked("add documents", async () => task({ status: "failed", error: geoError }));
    await expect(failed).rejects.toBeInstanceOf(TaskFailedError);
    await expect(failed).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(failed).rejects.toThrow(
      /task 7 \(documentAdditionOrUpdate\) failed: The `_geo` field .* \[invalid_document_geo_field\]/,
    );
  });

  it("throws on a canceled task", async () => {
    await expect(checked("swap", async () => task({ status: "canceled" }))).rejects.toThrow(/canceled/);
  });

  it("accepts a failure whose code means the wanted state already holds", async () => {
    const exists = {
      ...geoError,
      code: "index_already_exists",
      message: "Index `secretaries` already exists.",
    };
    const result = checked("create", async () => task({ status: "failed", error: exists }), [
      "index_already_exists",
    ]);
    await expect(result).resolves.toMatchObject({ status: "failed" });
  });
});

describe("toUnavailable", () => {
  it("names the network cause of an unreachable server", () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const error = toUnavailable(new MeilisearchRequestError("http://127.0.0.1:1/indexes", refused), "search");
    expect(error).toBeInstanceOf(SearchUnavailableError);
    expect(error.message).toBe("Meilisearch: search failed: unreachable (ECONNREFUSED)");
  });

  it("keeps a SearchUnavailableError as it is", () => {
    const original = new SearchUnavailableError("down");
    expect(toUnavailable(original, "search")).toBe(original);
  });
});
