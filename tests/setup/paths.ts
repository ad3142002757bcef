import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * This run's scratch folder. The global setup picks it and passes it to the workers through the
 * environment, so two test runs on one machine never share (or delete) each other's databases.
 */
export function runTmpDir(): string {
  const dir = process.env.PERMANENCE_TEST_TMP;
  if (!dir) throw new Error("PERMANENCE_TEST_TMP is set by tests/setup/global-setup.ts");
  return dir;
}

export const templateDatabase = () => path.join(runTmpDir(), "template.db");
