// Compares the ledger and the Payment / Payout rows with Stripe's objects:  npm run payments:reconcile
// Prints every difference and exits with 1 if there is any (0 when the books agree). Without
// STRIPE_SECRET_KEY it asks the simulator at STRIPE_SIMULATOR_URL (the one `npm start` runs).
import fs from "node:fs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

const { db } = await import("#app/lib/db.server");
const { reconcilePayments } = await import("#app/domain/payments/reconciliation.server");

function formatDifference(d: { subject: string; field: string; ours: unknown; stripe: unknown }) {
  return `${d.subject} — ${d.field} : chez nous ${JSON.stringify(d.ours)}, chez Stripe ${JSON.stringify(d.stripe)}`;
}

async function main(): Promise<number> {
  try {
    const differences = await reconcilePayments();
    for (const d of differences) console.log(formatDifference(d));
    console.log(
      differences.length === 0
        ? "Rapprochement : aucun écart."
        : `Rapprochement : ${differences.length} écart(s).`,
    );
    return differences.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`Rapprochement impossible : ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
