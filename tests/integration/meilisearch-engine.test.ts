// The Meilisearch engine against a loopback HTTP stub that answers like Meilisearch: asserts the
// exact requests the official client sends (settings before documents, task polling, a failed
// task, the search body, the swap of a rebuild). The real server is covered by the contract
// suite when MEILI_HOST is set.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SecretaryDocument } from "#search/documents";
import { SearchUnavailableError, type SearchEngine } from "#search/engine";
import { createMeilisearchEngine } from "#search/meilisearch/meilisearch-engine";
import { meilisearchSettings } from "#search/meilisearch/meilisearch-settings";
import type { SecretarySearch } from "#search/query";
import { rankingRules, searchableAttributes } from "#search/settings";
import { createMeilisearchStub } from "#tests/factories/meilisearch-stub";

const stub = createMeilisearchStub();
let host = "";
const engines: SearchEngine[] = [];

function engine(apiKey = "secret-key") {
  const created = createMeilisearchEngine({
    host,
    apiKey,
    indexPrefix: "t_",
    taskPollMs: 1,
    taskTimeoutMs: 2_000,
  });
  engines.push(created);
  return created;
}

beforeAll(async () => {
  host = await stub.listen();
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
  stub.reset();
});
afterAll(() => stub.close());

const doc = (over: Partial<SecretaryDocument> = {}): SecretaryDocument => ({
  id: "s1",
  slug: "sophie",
  displayName: "Sophie",
  headline: "Secrétaire médicale",
  bio: "Agenda",
  skills: ["AGENDA"],
  sectors: [],
  software: [],
  languages: ["fr"],
  billingModes: ["HOURLY"],
  skillLabels: ["Gestion d’agenda"],
  sectorLabels: [],
  softwareLabels: [],
  hourlyRateCents: 3000,
  remote: true,
  onSite: true,
  baseCommune: "Lyon",
  _geo: { lat: 45.76, lng: 4.835 },
  radiusKm: 20,
  availabilitySlots: ["1-MATIN"],
  availableFrom: 0,
  verified: true,
  kind: "INDEPENDENT",
  agencyName: null,
  ratingAverage: null,
  ratingCount: 0,
  ratingScore: 4,
  publishedAt: 1,
  ...over,
});

/** The lines of one task's life: enqueued by `write`, then polled until done. */
const taskLines = (write: string, uid: number) => [write, `GET /tasks/${uid}`, `GET /tasks/${uid}`];

describe("setup", () => {
  it("creates the missing indexes, then applies the settings of settings.ts, awaiting every task", async () => {
    await engine().setup();
    expect(stub.lines()).toEqual([
      "GET /indexes/t_secretaries",
      ...taskLines("POST /indexes", 0),
      ...taskLines("PATCH /indexes/t_secretaries/settings", 1),
      "GET /indexes/t_missions",
      ...taskLines("POST /indexes", 2),
      ...taskLines("PATCH /indexes/t_missions/settings", 3),
    ]);
    expect(stub.requests[1]!.body).toEqual({ uid: "t_secretaries", primaryKey: "id" });
    const settings = stub.requests[4]!.body;
    expect(settings).toEqual(JSON.parse(JSON.stringify(meilisearchSettings("secretaries"))));
    expect(settings.searchableAttributes).toEqual([...searchableAttributes.secretaries]);
    expect(settings.rankingRules.slice(0, rankingRules.secretaries.length)).toEqual([
      ...rankingRules.secretaries,
    ]);
    expect(settings.filterableAttributes).toContain("_geo");
    expect(settings.sortableAttributes).toContain("_geo");
    expect(settings.synonyms["saisie comptable"]).toEqual(["comptabilite"]);
  });

  it("leaves an existing index alone and sends the API key", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    await engine().setup();
    expect(stub.lines().filter((l) => l === "POST /indexes")).toEqual([]);
    expect(stub.requests.every((r) => r.auth === "Bearer secret-key")).toBe(true);
  });

  it("reports a refused API key as the engine being unavailable", async () => {
    const refused = engine("wrong").setup();
    await expect(refused).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(refused).rejects.toThrow("HTTP 403: The provided API key is invalid. [invalid_api_key]");
  });
});

describe("writes", () => {
  it("applies the settings before the first document, then waits for the document task", async () => {
    await engine().upsert("secretaries", [doc()]);
    const lines = stub.lines();
    const documents = lines.indexOf("POST /indexes/t_secretaries/documents?primaryKey=id");
    expect(lines.indexOf("PATCH /indexes/t_secretaries/settings")).toBeLessThan(documents);
    expect(lines.slice(documents)).toEqual(taskLines(lines[documents]!, 4));
    expect(stub.requests[documents]!.body).toEqual([doc()]);
  });

  it("surfaces a failed task as an error carrying Meilisearch's message", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    const message = "The `_geo` field in the document with the id: `s1` is not an object.";
    stub.state.failTask = (r) =>
      r.path.includes("/documents") ? { message, code: "invalid_document_geo_field" } : undefined;
    const failed = engine().upsert("secretaries", [doc()]);
    await expect(failed).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(failed).rejects.toThrow(`${message} [invalid_document_geo_field]`);
    expect(stub.lines().slice(-3)).toEqual(
      taskLines("POST /indexes/t_secretaries/documents?primaryKey=id", 2),
    );
  });

  it("removes documents by id", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    await engine().remove("secretaries", ["s1", 'x"y']);
    const remove = stub.requests.find((r) => r.path === "/indexes/t_secretaries/documents/delete-batch");
    expect(remove?.body).toEqual(["s1", 'x"y']);
    expect(stub.lines().slice(-2)).toEqual(["GET /tasks/2", "GET /tasks/2"]);
  });

  it("refuses a document with a field that is not public, before any request", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    const leaky = { ...doc(), email: "sophie@example.fr" } as SecretaryDocument;
    await expect(engine().upsert("secretaries", [leaky])).rejects.toThrow(/email/);
    expect(stub.lines().some((l) => l.includes("/documents"))).toBe(false);
  });

  it("counts the documents from the index stats", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    await expect(engine().count("secretaries")).resolves.toBe(3);
  });
});

describe("replaceAll", () => {
  it("fills a temporary index with settings then documents, swaps it in and deletes the old one", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    await engine().replaceAll("secretaries", [doc(), doc({ id: "s2" })]);
    const lines = stub.lines().slice(8); // after setup's look-ups and settings
    const temporary = stub.requests[8]!.body.uid as string;
    expect(temporary).toMatch(/^t_secretaries_tmp_\d+_[0-9a-f]{6}$/);
    expect(lines).toEqual([
      ...taskLines("POST /indexes", 2),
      ...taskLines(`PATCH /indexes/${temporary}/settings`, 3),
      ...taskLines(`POST /indexes/${temporary}/documents?primaryKey=id`, 4),
      ...taskLines("POST /swap-indexes", 5),
      ...taskLines(`DELETE /indexes/${temporary}`, 6),
    ]);
    const body = (line: string) => stub.requests[stub.lines().indexOf(line)]!.body;
    expect(body(`PATCH /indexes/${temporary}/settings`)).toEqual(
      JSON.parse(JSON.stringify(meilisearchSettings("secretaries"))),
    );
    expect(
      body(`POST /indexes/${temporary}/documents?primaryKey=id`).map((d: SecretaryDocument) => d.id),
    ).toEqual(["s1", "s2"]);
    expect(body("POST /swap-indexes")).toEqual([{ indexes: ["t_secretaries", temporary] }]);
    expect(stub.lines()).not.toContain("POST /indexes/t_secretaries/documents?primaryKey=id");
  });

  it("does not swap when the new documents fail, and drops the temporary index", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    stub.state.failTask = (r) =>
      r.path.includes("/documents") ? { message: "bad", code: "invalid_document_id" } : undefined;
    await expect(engine().replaceAll("secretaries", [doc()])).rejects.toThrow("bad [invalid_document_id]");
    const temporary = stub.requests[8]!.body.uid as string;
    expect(stub.lines()).not.toContain("POST /swap-indexes");
    expect(stub.lines()).toContain(`DELETE /indexes/${temporary}`);
  });
});

describe("search", () => {
  const paris = { lat: 48.855, lng: 2.35 };
  const searches = () =>
    stub.requests.filter((r) => r.path === "/indexes/t_secretaries/search").map((r) => r.body);

  function answer() {
    stub.state.search = (_uid, body) =>
      body.facets?.includes("radiusKm")
        ? { hits: [], estimatedTotalHits: 4, facetDistribution: { radiusKm: { "20": 3, "10": 1 } } }
        : {
            hits: [{ ...doc(), _geo: paris, _geoDistance: 0, _rankingScore: 1 }],
            totalHits: 11,
            page: 2,
            hitsPerPage: 5,
            totalPages: 3,
            facetDistribution: {
              skills: { AGENDA: 11 },
              verified: { true: 9, false: 2 },
              hourlyRateCents: { "3000": 11 },
            },
            facetStats: { hourlyRateCents: { min: 2500, max: 6000 } },
          };
  }

  it("sends the compiled filter with quoted values, the sort, the page and the facets", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    answer();
    const response = await engine().search({
      index: "secretaries",
      text: "agnda",
      sort: "rate_asc",
      page: 2,
      perPage: 5,
      facets: ["skills", "verified"],
      filters: { skills: ["AGENDA", 'A"B\\C AND x'], verified: true, reach: paris },
    });
    const [radii, main] = searches();
    expect(radii).toEqual({ q: "", filter: "onSite = true", facets: ["radiusKm"], limit: 0 });
    expect(main).toEqual({
      q: "agnda",
      filter: [
        'skills = "AGENDA" AND skills = "A\\"B\\\\C AND x"',
        "verified = true",
        "onSite = true AND ((radiusKm = 10 AND _geoRadius(48.855, 2.35, 10000)) OR " +
          "(radiusKm = 20 AND _geoRadius(48.855, 2.35, 20000)))",
      ],
      sort: ["hourlyRateCents:asc", "id:asc"],
      page: 2,
      hitsPerPage: 5,
      facets: ["skills", "verified", "hourlyRateCents"],
      matchingStrategy: "all",
      locales: ["fra"],
    });
    expect(response).toMatchObject({ total: 11, page: 2, perPage: 5, totalPages: 3 });
    expect(response.facets).toEqual({ skills: { AGENDA: 11 }, verified: { true: 9, false: 2 } });
    expect(response.rateStats).toEqual({ min: 2500, max: 6000 });
    expect(response.hits).toEqual([{ ...doc(), _geo: paris, _distanceKm: 0 }]);
  });

  it("reads the radius values once, and again after a write to the index", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    answer();
    const search = engine();
    const reach: SecretarySearch = {
      index: "secretaries",
      text: "",
      sort: "relevance",
      page: 1,
      perPage: 20,
      facets: [],
      filters: { reach: paris },
    };
    await search.search(reach);
    await search.search(reach);
    expect(searches().filter((b) => b.facets?.includes("radiusKm"))).toHaveLength(1);
    await search.upsert("secretaries", [doc({ radiusKm: 35 })]);
    await search.search(reach);
    expect(searches().filter((b) => b.facets?.includes("radiusKm"))).toHaveLength(2);
  });

  it("sends no sort for relevance and no filter when there is none", async () => {
    stub.indexes.add("t_secretaries").add("t_missions");
    answer();
    await engine().search({
      index: "secretaries",
      text: "",
      sort: "relevance",
      page: 1,
      perPage: 20,
      facets: [],
      filters: {},
    });
    expect(searches()).toEqual([
      {
        q: "",
        page: 1,
        hitsPerPage: 20,
        facets: ["hourlyRateCents"],
        matchingStrategy: "all",
        locales: ["fra"],
      },
    ]);
  });
});

describe("an unreachable server", () => {
  it("turns connection refused into SearchUnavailableError, for setup as for search", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = createMeilisearchEngine({
      host: `http://127.0.0.1:${port}`,
      apiKey: "k",
      requestTimeoutMs: 2_000,
    });
    engines.push(down);
    const setup = down.setup();
    await expect(setup).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(setup).rejects.toThrow(/unreachable \(ECONNREFUSED\)/);
    const search = down.search({
      index: "missions",
      text: "",
      sort: "newest",
      page: 1,
      perPage: 20,
      facets: [],
      filters: {},
    });
    await expect(search).rejects.toBeInstanceOf(SearchUnavailableError);
  });
});
