// The yearly DAC7 export of the sellers paid through Permanence:
//   npm run report:dac7 -- 2026            → DATA_DIR/reports/dac7-2026.json and dac7-2026.csv
//   npm run report:dac7 -- 2026 --stdout   → the JSON on standard output (nothing written)
// A thin wrapper: the figures are computed in app/domain/compliance/dac7*.ts.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { yearSchema } from "#app/domain/compliance/dac7.schema";

const usage = "Utilisation : npm run report:dac7 -- 2026 [--stdout]";

function readArguments() {
  try {
    const { values, positionals } = parseArgs({
      options: { stdout: { type: "boolean", default: false } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) return null;
    return { year: positionals[0]!, stdout: values.stdout ?? false };
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const args = readArguments();
  const year = args ? yearSchema.safeParse(args.year) : null;
  if (!args || !year?.success) {
    console.error(year && !year.success ? year.error.issues[0]!.message : usage);
    return 1;
  }
  // Like `npm start`: a local .env is optional and real environment variables win.
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const { buildDac7Report, writeDac7Report } = await import("#app/domain/compliance/dac7.server");
  const { getEnv } = await import("#app/lib/env.server");
  const { db } = await import("#app/lib/db.server");
  try {
    if (args.stdout) {
      process.stdout.write(`${JSON.stringify(await buildDac7Report(year.data), null, 2)}\n`);
      return 0;
    }
    const dir = path.join(getEnv().dataDir, "reports");
    const { report, files } = await writeDac7Report({ year: year.data, dir });
    console.log(`Déclaration DAC7 ${year.data} : ${report.sellers.length} vendeur(s).`);
    for (const file of files) console.log(`  ${file}`);
    const incomplete = report.sellers.filter((s) => s.missing.length > 0);
    if (incomplete.length)
      console.warn(`Attention : ${incomplete.length} vendeur(s) avec des données DAC7 manquantes.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
