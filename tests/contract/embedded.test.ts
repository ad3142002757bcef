import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmbeddedEngine } from "#search/embedded/embedded-engine";
import { describeSearchContract } from "./search-contract";

// A fresh search file per run, removed at exit; the engine itself creates its tables.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "search-contract-"));
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));

describeSearchContract("embedded", () =>
  createEmbeddedEngine({ url: `file:${path.join(dir, "search.db")}` }),
);
