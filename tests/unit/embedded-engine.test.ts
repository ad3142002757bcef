// The embedded engine beyond the shared contract: the file survives a restart, concurrent writers
// (in this process and in other processes) lose nothing, facet counts stay exact, and a write that
// cannot get the file in time is reported as SearchUnavailableError (the outbox retries it).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { createEmbeddedEngine } from "#search/embedded/embedded-engine";
import type { SecretaryDocument } from "#search/documents";
import { SearchUnavailableError, type SearchEngine } from "#search/engine";
import { secretaryFacets, type SecretarySearch } from "#search/query";
import { missionFixtures, secretaryFixtures } from "#tests/contract/fixtures";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-engine-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const freshUrl = () => `file:${path.join(dir, `search-${++fileCount}.db`)}`;

const query = (p: Partial<SecretarySearch> = {}): SecretarySearch => ({
  index: "secretaries",
  text: "",
  filters: {},
  sort: "relevance",
  page: 1,
  perPage: 50,
  facets: [],
  ...p,
});
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);
const base = secretaryFixtures.find((d) => d.id === "s05")!;
const copy = (id: string, extra: Partial<SecretaryDocument> = {}): SecretaryDocument => ({
  ...structuredClone(base),
  id,
  slug: id,
  ...extra,
});

async function withEngine<T>(url: string, run: (engine: SearchEngine) => Promise<T>): Promise<T> {
  const engine = await createEmbeddedEngine({ url });
  try {
    return await run(engine);
  } finally {
    await engine.close();
  }
}

describe("embedded engine: restart", () => {
  it("serves the same results from the same file after reopening, without any rebuild", async () => {
    const url = freshUrl();
    const searches = [
      query({ text: "agnda", facets: ["skills", "kind"] }),
      query({ sort: "distance", origin: { lat: 45.76, lng: 4.835 } }),
      query({ filters: { reach: { lat: 45.76, lng: 4.835 } }, sort: "rate_asc" }),
    ];
    const before = await withEngine(url, async (engine) => {
      await engine.replaceAll("secretaries", secretaryFixtures);
      await engine.replaceAll("missions", missionFixtures);
      return Promise.all(searches.map((s) => engine.search(s)));
    });
    expect(before[0]!.total).toBe(2);
    const after = await withEngine(url, async (engine) => {
      await engine.setup();
      expect(await engine.count("secretaries")).toBe(12);
      expect(await engine.count("missions")).toBe(5);
      return Promise.all(searches.map((s) => engine.search(s)));
    });
    expect(after).toEqual(before);
  });
});

describe("embedded engine: concurrent writes in one process", () => {
  it("keeps all 50 documents upserted in parallel, searchable and counted in facets", async () => {
    await withEngine(freshUrl(), async (engine) => {
      await engine.replaceAll("secretaries", secretaryFixtures);
      const docs = Array.from({ length: 50 }, (_, i) =>
        copy(`c${i}`, { displayName: `Concurrente Numéro${i}`, kind: "AGENCY", agencyName: "Parallèle" }),
      );
      await Promise.all(docs.map((d) => engine.upsert("secretaries", [d])));
      expect(await engine.count("secretaries")).toBe(62);
      const r = await engine.search(query({ text: "concurrente", facets: ["kind"], perPage: 50 }));
      expect(r.total).toBe(50);
      expect(new Set(ids(r))).toEqual(new Set(docs.map((d) => d.id)));
      expect(r.facets.kind).toEqual({ AGENCY: 50 });
      expect((await engine.search(query({ facets: ["kind"] }))).facets.kind).toEqual({
        AGENCY: 53,
        INDEPENDENT: 9,
      });
    });
  });

  it("keeps one document when the same id is upserted 50 times in parallel, and removes race too", async () => {
    await withEngine(freshUrl(), async (engine) => {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          engine.upsert("secretaries", [copy("same", { headline: `Version${i}` })]),
        ),
      );
      expect(await engine.count("secretaries")).toBe(1);
      const r = await engine.search<"secretaries">(query({ facets: ["skills", "verified"] }));
      expect(r.hits[0]?.headline).toBe("Version49");
      expect(r.facets).toEqual({ skills: { MAIL: 1 }, verified: { false: 1 } });
      await Promise.all([
        engine.remove("secretaries", ["same"]),
        engine.upsert("secretaries", [copy("other")]),
      ]);
      expect(ids(await engine.search(query()))).toEqual(["other"]);
    });
  });
});

/** Exact facet counts from the documents themselves, to compare with the engine's. */
function expectedFacets(docs: SecretaryDocument[], facets: readonly string[]) {
  const out: Record<string, Record<string, number>> = {};
  for (const facet of facets) {
    out[facet] = {};
    for (const doc of docs) {
      const raw = doc[facet as keyof SecretaryDocument];
      for (const value of new Set(Array.isArray(raw) ? raw.map(String) : raw === null ? [] : [String(raw)])) {
        out[facet]![value] = (out[facet]![value] ?? 0) + 1;
      }
    }
  }
  return out;
}

describe("embedded engine: facet counts stay exact through writes", () => {
  it("agrees with a recount after random upserts and removes, on both counting paths", async () => {
    await withEngine(freshUrl(), async (engine) => {
      const state = new Map(secretaryFixtures.map((d) => [d.id, structuredClone(d)]));
      await engine.replaceAll("secretaries", [...state.values()]);
      let seed = 7;
      const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
      const skills = ["MAIL", "FILING", "TYPING", "MINUTES"];
      for (let step = 0; step < 60; step++) {
        const id = `s${String(1 + Math.floor(next() * 16)).padStart(2, "0")}`;
        if (next() < 0.3) {
          state.delete(id);
          await engine.remove("secretaries", [id]);
        } else {
          const doc = copy(id, {
            skills: skills.filter(() => next() < 0.5),
            verified: next() < 0.5,
            kind: next() < 0.5 ? "AGENCY" : "INDEPENDENT",
          });
          state.set(id, doc);
          await engine.upsert("secretaries", [doc]);
        }
      }
      const expected = expectedFacets([...state.values()], secretaryFacets);
      const unfiltered = await engine.search(query({ facets: [...secretaryFacets] }));
      // A filter every document passes takes the other path (codes of the matching documents).
      const filtered = await engine.search(
        query({ facets: [...secretaryFacets], filters: { availableBy: 4_102_444_800_000 } }),
      );
      expect(unfiltered.total).toBe(state.size);
      expect(filtered.total).toBe(state.size);
      expect(unfiltered.facets).toEqual(expected);
      expect(filtered.facets).toEqual(expected);
    });
  });
});

describe("embedded engine: more facet values than the compact codes hold", () => {
  it("still counts exactly, through SQL, past 4096 distinct (attribute, value) pairs", async () => {
    await withEngine(freshUrl(), async (engine) => {
      const docs = Array.from({ length: 4200 }, (_, i) => copy(`l${i}`, { languages: ["fr", `x${i % 4150}`] }));
      await engine.upsert("secretaries", docs);
      const filtered = await engine.search<"secretaries">(
        query({ facets: ["languages", "skills"], filters: { remote: true }, perPage: 1 }),
      );
      const unfiltered = await engine.search<"secretaries">(query({ facets: ["languages", "skills"], perPage: 1 }));
      for (const r of [filtered, unfiltered]) {
        expect(r.total).toBe(4200);
        expect(r.facets.skills).toEqual({ MAIL: 4200 });
        expect(r.facets.languages?.fr).toBe(4200);
        expect(r.facets.languages?.x0).toBe(2);
        expect(r.facets.languages?.x4149).toBe(1);
        expect(Object.keys(r.facets.languages ?? {})).toHaveLength(4151);
      }
    });
  });
});

describe("embedded engine: vocabulary shared between processes", () => {
  it("finds with a typo a word written through another connection, and forgets it after replaceAll", async () => {
    const url = freshUrl();
    const reader = await createEmbeddedEngine({ url });
    const writer = await createEmbeddedEngine({ url });
    try {
      await writer.replaceAll("secretaries", secretaryFixtures);
      expect((await reader.search(query({ text: "zytologie" }))).total).toBe(0);
      await writer.upsert("secretaries", [copy("z1", { headline: "Zythologie et secrétariat" })]);
      expect(ids(await reader.search(query({ text: "zytologie" })))).toEqual(["z1"]);
      await writer.replaceAll("secretaries", secretaryFixtures);
      expect((await reader.search(query({ text: "zytologie" }))).total).toBe(0);
      expect((await reader.search(query({ text: "agnda" }))).total).toBe(2);
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});

const run = promisify(execFile);

/** Another process upserting `count` documents in small batches through its own engine. */
function writerProcess(url: string, prefix: string, count: number) {
  const script = `
    const { createEmbeddedEngine } = await import(${JSON.stringify(path.join(root, "search/embedded/embedded-engine.ts"))});
    const engine = await createEmbeddedEngine({ url: ${JSON.stringify(url)} });
    const base = ${JSON.stringify(base)};
    for (let i = 0; i < ${count}; i += 5) {
      const docs = [0, 1, 2, 3, 4].map((k) => ({ ...base, id: "${prefix}" + (i + k), slug: "${prefix}" + (i + k), displayName: "Processus ${prefix} " + (i + k) }));
      await engine.upsert("secretaries", docs);
    }
    await engine.close();
  `;
  return run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: root,
    timeout: 60_000,
  });
}

describe("embedded engine: concurrent writers in several processes", () => {
  it("loses no document when two other processes and this one write at the same time", async () => {
    const url = freshUrl();
    await withEngine(url, async (engine) => {
      await engine.replaceAll("secretaries", secretaryFixtures);
      const mine = (async () => {
        for (let i = 0; i < 100; i += 5) {
          await engine.upsert(
            "secretaries",
            [0, 1, 2, 3, 4].map((k) => copy(`p${i + k}`, { displayName: `Processus parent ${i + k}` })),
          );
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      await Promise.all([writerProcess(url, "a", 100), writerProcess(url, "b", 100), mine]);
      expect(await engine.count("secretaries")).toBe(312);
      const r = await engine.search(query({ text: "processus", facets: ["skills"], perPage: 10 }));
      expect(r.total).toBe(300);
      expect(r.facets.skills).toEqual({ MAIL: 300 });
    });
  }, 90_000);
});

describe("embedded engine: a write that cannot get the file", () => {
  it("fails with SearchUnavailableError after the busy timeout, and succeeds once the lock is gone", async () => {
    const url = freshUrl();
    const engine = await createEmbeddedEngine({ url, busyTimeoutMs: 100 });
    const blocker = createClient({ url });
    try {
      const tx = await blocker.transaction("write");
      await tx.execute("INSERT INTO search_meta (key, value) VALUES ('blocker', '1')");
      await expect(engine.upsert("secretaries", [copy("late")])).rejects.toBeInstanceOf(
        SearchUnavailableError,
      );
      await tx.rollback();
      await engine.upsert("secretaries", [copy("late")]);
      expect(await engine.count("secretaries")).toBe(1);
    } finally {
      blocker.close();
      await engine.close();
    }
  });
});
