// `npx tsx app/cli/seed.ts [--secretaries N] [--businesses N]`: fills an empty database with
// the demo accounts and generated secretaries and businesses. Does nothing if any user exists.
import { parseArgs } from "node:util";
import { z } from "zod";
import { db } from "#app/lib/db.server";
import { demoAccounts, demoPassword, demoStaffTotpSecret } from "./seed/demo-accounts";
import { defaultPlanOptions } from "./seed/plan";
import { seedDemoData, type SeedSummary } from "./seed/seed-demo-data";

const count = (flag: string) =>
  z.coerce
    .number({ invalid_type_error: `--${flag} attend un nombre entier.` })
    .int(`--${flag} attend un nombre entier.`)
    .min(0, `--${flag} ne peut pas être négatif.`)
    .max(100_000, `--${flag} : 100 000 au plus.`);

const argsSchema = z.object({
  secretaries: count("secretaries").default(defaultPlanOptions.secretaries),
  businesses: count("businesses").default(defaultPlanOptions.businesses),
});

const usage = "Usage : npx tsx app/cli/seed.ts [--secretaries N] [--businesses N]";

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

function readArgs() {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: { secretaries: { type: "string" }, businesses: { type: "string" } },
    }));
  } catch (error) {
    fail(error instanceof Error ? `Option non reconnue (${error.message}).` : "Option non reconnue.");
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join("\n"));
  return parsed.data;
}

function printSummary(summary: SeedSummary) {
  const seconds = (summary.durationMs / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 });
  console.log(`Données de démonstration créées en ${seconds} s :`);
  console.log(
    `  ${summary.users} comptes, ${summary.secretaries} profils de secrétaires (${summary.published} publiés, ${summary.pendingReview} en attente de validation),`,
  );
  console.log(
    `  ${summary.businesses} entreprises, ${summary.agencies} agence${summary.agencies > 1 ? "s" : ""}, ${summary.statusChanges} lignes d’historique de modération.`,
  );
  console.log(`\nComptes de démonstration (mot de passe pour tous : ${demoPassword}) :`);
  const width = Math.max(...Object.values(demoAccounts).map((account) => account.email.length));
  for (const account of Object.values(demoAccounts)) {
    console.log(`  ${account.email.padEnd(width)}  ${account.description}`);
  }
  console.log(
    `\nÉquipe : double authentification avec la clé ${demoStaffTotpSecret} ` +
      "(ou npm run staff:totp -- moderation@demo.permanence.fr).",
  );
}

const args = readArgs();
try {
  const summary = await seedDemoData(args);
  if (summary.created) printSummary(summary);
  else console.log("La base contient déjà des données : rien à faire.");
} finally {
  await db.$disconnect();
}
