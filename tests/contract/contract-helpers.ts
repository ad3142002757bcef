// Shared helpers of the search contract (see ./search-contract.ts).
import { expect } from "vitest";
import type { IndexName } from "#search/documents";
import type { SearchEngine } from "#search/engine";
import type { MissionSearch, SearchResponse, SecretarySearch } from "#search/query";
import { missionFixtures, secretaryFixtures } from "./fixtures";

export const secretaryQuery = (p: Partial<SecretarySearch> = {}): SecretarySearch => ({
  index: "secretaries",
  text: "",
  filters: {},
  sort: "relevance",
  page: 1,
  perPage: 50,
  facets: [],
  ...p,
});
export const missionQuery = (p: Partial<MissionSearch> = {}): MissionSearch => ({
  index: "missions",
  text: "",
  filters: {},
  sort: "newest",
  page: 1,
  perPage: 50,
  facets: [],
  ...p,
});

export type SecretaryRun = (p?: Partial<SecretarySearch>) => Promise<SearchResponse<"secretaries">>;
export type MissionRun = (p?: Partial<MissionSearch>) => Promise<SearchResponse<"missions">>;

export const ids = (r: SearchResponse<IndexName>) => r.hits.map((h) => h.id);

/** Same documents in any order, and an exact total. */
export function expectHitSet(r: SearchResponse<IndexName>, expected: string[]) {
  expect([...ids(r)].sort()).toEqual([...expected].sort());
  expect(r.total).toBe(expected.length);
}

export async function resetAll(engine: SearchEngine) {
  await engine.replaceAll("secretaries", secretaryFixtures);
  await engine.replaceAll("missions", missionFixtures);
}
