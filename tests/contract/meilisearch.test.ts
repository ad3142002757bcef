import crypto from "node:crypto";
import { describe, it } from "vitest";
import { createMeilisearchEngine } from "#search/meilisearch/meilisearch-engine";
import { describeSearchContract } from "./search-contract";

// Runs the same contract against a real Meilisearch server. How to run it:
//   MEILI_HOST=http://127.0.0.1:7700 MEILI_MASTER_KEY=… npx vitest run -c tests/vitest.config.ts tests/contract
// Every run uses its own index prefix, so it never touches another run's (or the app's) indexes.
const host = process.env.MEILI_HOST;

if (host) {
  const indexPrefix = `contract_${crypto.randomUUID().slice(0, 8)}_`;
  describeSearchContract("meilisearch", async () =>
    createMeilisearchEngine({ host, apiKey: process.env.MEILI_MASTER_KEY, indexPrefix }),
  );
} else {
  // Skipped, not failed: needs a Meilisearch server: set MEILI_HOST and MEILI_MASTER_KEY.
  describe.skip("search contract — meilisearch (needs a Meilisearch server: set MEILI_HOST and MEILI_MASTER_KEY)", () => {
    it("runs the contract against Meilisearch", () => {});
  });
}
