// Writes a new migration from the difference between the schema as of the last migration and
// prisma/schema.prisma. `prisma migrate dev` needs engines that cannot be downloaded here, so each
// migration folder keeps a copy of the schema it was made from (`schema.prisma`), and the next
// diff starts from that copy.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const name = z
  .string()
  .regex(/^[a-z0-9_]+$/, "Nom de migration : lettres minuscules, chiffres et _ seulement")
  .parse(process.argv[2]);

const migrationsDir = path.resolve("prisma/migrations");
const schemaPath = path.resolve("prisma/schema.prisma");
fs.mkdirSync(migrationsDir, { recursive: true });

const previous = fs
  .readdirSync(migrationsDir)
  .filter((entry) => fs.existsSync(path.join(migrationsDir, entry, "schema.prisma")))
  .sort()
  .at(-1);

const from = previous
  ? ["--from-schema-datamodel", path.join(migrationsDir, previous, "schema.prisma")]
  : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
  { encoding: "utf8" },
);

if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql)) {
  console.log("Aucun changement de schéma : aucune migration créée.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(schemaPath, path.join(dir, "schema.prisma"));
console.log(`Migration écrite : ${path.relative(process.cwd(), dir)}`);
