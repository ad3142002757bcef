import crypto from "node:crypto";
import { hashPassword } from "#app/auth/password.server";
import { db } from "#app/lib/db.server";
import { uniqueSlug } from "#app/lib/slug";

export const defaultPassword = "motdepasse-solide-42";

let passwordHash: Promise<string> | undefined;
const hashOnce = () => (passwordHash ??= hashPassword(defaultPassword));

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}@exemple.fr`;
}

type UserOverrides = { email?: string; displayName?: string; verified?: boolean; suspended?: boolean };

async function baseUser(kind: string, role: string, overrides: UserOverrides) {
  return db.user.create({
    data: {
      id: crypto.randomUUID(),
      email: overrides.email ?? uniqueEmail(kind.toLowerCase()),
      displayName: overrides.displayName ?? "Camille Test",
      passwordHash: await hashOnce(),
      kind,
      role,
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
      suspendedAt: overrides.suspended ? new Date() : null,
    },
    select: { id: true, email: true, displayName: true },
  });
}

export async function createBusiness(overrides: UserOverrides & { organizationName?: string } = {}) {
  const user = await baseUser("BUSINESS", "USER", overrides);
  const name = overrides.organizationName ?? "Cabinet Test";
  const organization = await db.organization.create({
    data: { kind: "BUSINESS", name, slug: uniqueSlug(name), memberships: { create: { userId: user.id, role: "OWNER" } } },
    select: { id: true, name: true },
  });
  return { ...user, organization };
}

export async function createAgencyOwner(overrides: UserOverrides & { organizationName?: string } = {}) {
  const user = await baseUser("AGENCY_OWNER", "USER", overrides);
  const name = overrides.organizationName ?? "Agence Test";
  const organization = await db.organization.create({
    data: { kind: "AGENCY", name, slug: uniqueSlug(name), memberships: { create: { userId: user.id, role: "OWNER" } } },
    select: { id: true, name: true },
  });
  return { ...user, organization };
}

export async function createSecretary(
  overrides: UserOverrides & { status?: string; agencyId?: string; headline?: string } = {},
) {
  const user = await baseUser("SECRETARY", "USER", overrides);
  const profile = await db.secretaryProfile.create({
    data: {
      userId: user.id,
      slug: uniqueSlug(user.displayName),
      status: overrides.status ?? "DRAFT",
      agencyId: overrides.agencyId,
      headline: overrides.headline ?? "",
      publishedAt: overrides.status === "PUBLISHED" ? new Date() : null,
    },
    select: { id: true, slug: true, status: true },
  });
  if (overrides.agencyId) {
    await db.membership.create({ data: { userId: user.id, organizationId: overrides.agencyId, role: "MEMBER" } });
  }
  return { ...user, profile };
}

export async function createStaff(role: "MODERATOR" | "ADMIN" = "MODERATOR", overrides: UserOverrides = {}) {
  return baseUser("STAFF", role, overrides);
}
