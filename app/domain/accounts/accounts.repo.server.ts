// The only place the accounts concept touches Prisma.
import { db, type Tx } from "#app/lib/db.server";
import { uniqueSlug } from "#app/lib/slug";
import type { AccountKind } from "./accounts.schema";

type Client = Tx | typeof db;

const userKindBySignup = { BUSINESS: "BUSINESS", SECRETARY: "SECRETARY", AGENCY: "AGENCY_OWNER" } as const;

export function findUserIdByEmail(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true } });
}

export function findCredentialsByEmail(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, suspendedAt: true } });
}

export function findMailIdentity(where: { id: string } | { email: string }) {
  return db.user.findUnique({
    where,
    select: { id: true, email: true, displayName: true, emailVerifiedAt: true, suspendedAt: true },
  });
}

/** The user and what her kind needs: a draft profile, or an organisation she owns. */
export async function createAccount(
  tx: Tx,
  input: { id: string; email: string; displayName: string; passwordHash: string; kind: AccountKind; organizationName?: string },
) {
  await tx.user.create({
    data: {
      id: input.id,
      email: input.email,
      displayName: input.displayName,
      passwordHash: input.passwordHash,
      kind: userKindBySignup[input.kind],
    },
  });
  if (input.kind === "SECRETARY") {
    await tx.secretaryProfile.create({ data: { userId: input.id, slug: uniqueSlug(input.displayName) } });
    return;
  }
  const name = input.organizationName!;
  await tx.organization.create({
    data: { kind: input.kind, name, slug: uniqueSlug(name), memberships: { create: { userId: input.id, role: "OWNER" } } },
  });
}

export function markEmailVerified(tx: Tx, userId: string) {
  return tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() }, select: { id: true } });
}

/** New password; the emailed link also proves the address; every session ends. */
export async function replacePassword(tx: Tx, userId: string, passwordHash: string) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } });
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
  });
  await tx.session.deleteMany({ where: { userId } });
}

export function findAccountOverview(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      displayName: true,
      kind: true,
      emailVerifiedAt: true,
      createdAt: true,
      sessions: { select: { id: true, createdAt: true, expiresAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
}

export function deleteSessionsExcept(userId: string, keepSessionId: string) {
  return db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
}

// E-mail tokens (verification, password reset): only the hash is stored.

export function insertEmailToken(
  client: Client,
  data: { userId: string; purpose: string; tokenHash: string; expiresAt: Date },
) {
  return client.emailToken.create({ data, select: { id: true } });
}

export function findEmailToken(client: Client, tokenHash: string) {
  return client.emailToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, purpose: true, expiresAt: true, usedAt: true },
  });
}

/** Marks a token used only if nobody did first: the count says who won. */
export function claimEmailToken(tx: Tx, id: string) {
  return tx.emailToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
}
