// Creates or promotes a staff account and prints its new password once:
//   npm run staff:create -- jeanne@permanence.fr [--admin] [--name "Jeanne Martin"]
// A thin wrapper: the rules live in app/domain/moderation/staff-accounts.server.ts.
import { parseArgs } from "node:util";
import { staffAccountSchema, staffRoleLabels } from "#app/domain/moderation/staff-accounts.schema";
import { DomainError } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";

const usage = 'Utilisation : npm run staff:create -- adresse@exemple.fr [--admin] [--name "Prénom Nom"]';

function readArguments() {
  try {
    const { values, positionals } = parseArgs({
      options: { admin: { type: "boolean", default: false }, name: { type: "string" } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) return null;
    return { email: positionals[0]!, role: values.admin ? "ADMIN" : "MODERATOR", name: values.name };
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
  const input = staffAccountSchema.safeParse(args);
  if (!input.success) {
    console.error(input.error.issues[0]!.message);
    return 1;
  }
  // Imported only now: opening the database is pointless for a mistyped command.
  const { createStaffAccount } = await import("#app/domain/moderation/staff-accounts.server");
  const { db } = await import("#app/lib/db.server");
  try {
    const account = await createStaffAccount(input.data);
    const role = staffRoleLabels[account.role];
    console.log(
      account.outcome === "created"
        ? `Compte d’équipe créé : ${account.email} (${role}).`
        : `Compte d’équipe mis à jour : ${account.email} (${role}). L’ancien mot de passe ne fonctionne plus.`,
    );
    if (account.suspended) console.warn("Attention : ce compte est suspendu et ne peut pas se connecter.");
    console.log(`Mot de passe (affiché une seule fois, notez-le) : ${account.password}`);
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
