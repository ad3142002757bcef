// Creates or promotes a staff account and prints its new password once:
//   npm run staff:create -- jeanne@permanence.fr [--admin] [--name "Jeanne Martin"] [--reset-totp]
// The TOTP second factor is set up at the first login (QR code); --reset-totp forgets it (lost
// phone) so the next login enrols again.
// A thin wrapper: the rules live in app/domain/moderation/staff-accounts.server.ts.
import { parseArgs } from "node:util";
import { staffAccountSchema, staffRoleLabels } from "#app/domain/moderation/staff-accounts.schema";
import { DomainError } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";

const usage =
  'Utilisation : npm run staff:create -- adresse@exemple.fr [--admin] [--name "Prénom Nom"] [--reset-totp]';

function readArguments() {
  try {
    const { values, positionals } = parseArgs({
      options: {
        admin: { type: "boolean", default: false },
        name: { type: "string" },
        "reset-totp": { type: "boolean", default: false },
      },
      allowPositionals: true,
    });
    if (positionals.length !== 1) return null;
    const role = values.admin ? "ADMIN" : "MODERATOR";
    return { input: { email: positionals[0]!, role, name: values.name }, resetTotp: values["reset-totp"] };
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const args = readArguments();
  if (!args) {
    console.error(usage);
    return 1;
  }
  const input = staffAccountSchema.safeParse(args.input);
  if (!input.success) {
    console.error(input.error.issues[0]!.message);
    return 1;
  }
  // Imported only now: opening the database is pointless for a mistyped command.
  const { createStaffAccount } = await import("#app/domain/moderation/staff-accounts.server");
  const { db } = await import("#app/lib/db.server");
  const totp = await import("#app/auth/totp.server");
  try {
    const account = await createStaffAccount(input.data);
    if (args.resetTotp) await totp.resetTotp(account.userId);
    const role = staffRoleLabels[account.role];
    console.log(
      account.outcome === "created"
        ? `Compte d’équipe créé : ${account.email} (${role}).`
        : `Compte d’équipe mis à jour : ${account.email} (${role}). L’ancien mot de passe ne fonctionne plus.`,
    );
    if (account.suspended) console.warn("Attention : ce compte est suspendu et ne peut pas se connecter.");
    console.log(`Mot de passe (affiché une seule fois, notez-le) : ${account.password}`);
    console.log(
      (await totp.isTotpEnabled(account.userId))
        ? "Double authentification : déjà activée, avec la même application qu’avant (--reset-totp pour la refaire)."
        : "Double authentification : à activer à la première connexion (QR code à scanner avec une application d’authentification).",
    );
    console.log(`Connexion : ${getEnv().appUrl}/connexion?redirectTo=%2Fmoderation`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
