// Prints the current second-factor code of a DEMO staff account (their secret is public, see
// app/cli/seed/demo-accounts.ts):  npm run staff:totp -- moderation@demo.permanence.fr
// Real staff accounts have their own secret, known only to their authenticator app.
import { currentTotpCode, totpSettings } from "#app/auth/totp.server";
import { demoAccounts, demoStaffTotpSecret } from "./seed/demo-accounts";

const demoStaff: string[] = [demoAccounts.moderation.email, demoAccounts.admin.email];

async function main(): Promise<number> {
  const email = process.argv
    .slice(2)
    .find((arg) => !arg.startsWith("-"))
    ?.trim()
    .toLowerCase();
  if (!email || !demoStaff.includes(email)) {
    console.error(`Utilisation : npm run staff:totp -- ${demoStaff.join(" | ")}`);
    console.error(
      "Seuls les comptes de démonstration ont un code calculable : les autres utilisent leur application.",
    );
    return 1;
  }
  const secondsLeft = totpSettings.period - (Math.floor(Date.now() / 1000) % totpSettings.period);
  console.log(
    `Code de double authentification pour ${email} : ${await currentTotpCode(demoStaffTotpSecret)}`,
  );
  console.log(
    `(valable encore ${secondsLeft} s, puis 30 s de tolérance ; clé à ajouter dans une application : ${demoStaffTotpSecret})`,
  );
  return 0;
}

process.exitCode = await main();
