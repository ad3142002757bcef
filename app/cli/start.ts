// `npm start`: from a fresh clone to a running product in one command — apply migrations,
// build if the sources changed, seed demo data into an empty database, then serve.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// A local .env (see .env.example) is optional; real environment variables win.
if (fs.existsSync(".env")) process.loadEnvFile(".env");
process.env.NODE_ENV ??= "production";
const root = process.cwd();

function run(command: string, args: string[], label: string) {
  console.log(`→ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`Échec : ${label}`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...fs.readdirSync(target).map((entry) => newestMtime(path.join(target, entry))),
  );
}

/** A build is stale when any source it is made from is newer than it. */
function buildIsStale(): boolean {
  const built = newestMtime(path.join(root, "build", "server", "index.js"));
  if (!built) return true;
  const sources = ["app", "search", "remix.config.js", "package-lock.json"].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

const { getEnv } = await import("#app/lib/env.server");
const env = getEnv();
fs.mkdirSync(env.dataDir, { recursive: true });
process.env.DATABASE_URL = env.databaseUrl;

if (!fs.existsSync(path.join(root, "app", "generated", "prisma", "client.ts"))) {
  run("npx", ["prisma", "generate"], "génération du client Prisma");
}
run("npx", ["prisma", "migrate", "deploy"], "migrations de la base");
if (buildIsStale()) run("npx", ["remix", "build"], "compilation de l’application");
else console.log("→ compilation à jour");

const seedDemo = env.SEED_DEMO === "always" || (env.SEED_DEMO === "auto" && env.databaseUrl.startsWith("file:"));
if (seedDemo) {
  const { seedDemoData } = await import("./seed/seed-demo-data");
  const summary = await seedDemoData({});
  if (summary.created) console.log(`→ données de démonstration créées (${summary.secretaries} secrétaires)`);
}

await import("../server/index");
