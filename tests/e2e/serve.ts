// Starts the product for the e2e suite from an empty data folder, exactly as `npm start` would.
import fs from "node:fs";

const dataDir = process.env.DATA_DIR;
if (!dataDir?.includes("e2e")) throw new Error("serve.ts only runs with an e2e DATA_DIR");
fs.rmSync(dataDir, { recursive: true, force: true });
await import("../../app/cli/start");
