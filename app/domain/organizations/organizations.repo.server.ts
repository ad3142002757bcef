// The only module touching Prisma for organisations.
import { db } from "#app/lib/db.server";
import { enqueueAgencyMembers } from "#search/sync/outbox";
import { enqueueOrganizationMissions } from "#search/sync/mission-document";
import type { OrganizationKind } from "./organizations.schema";

const organizationSelect = {
  id: true,
  kind: true,
  name: true,
  slug: true,
  legalName: true,
  siret: true,
  vatNumber: true,
  sector: true,
  addressLine: true,
  postcode: true,
  commune: true,
  inseeCode: true,
} as const;

export type OrganizationRow = {
  id: string;
  kind: string;
  name: string;
  slug: string;
  legalName: string | null;
  siret: string | null;
  vatNumber: string | null;
  sector: string | null;
  addressLine: string | null;
  postcode: string | null;
  commune: string | null;
  inseeCode: string | null;
};

/** The oldest organisation of `kind` this user OWNS, or null (a MEMBER gets null too). */
export async function findOwnedOrganization(
  userId: string,
  kind: OrganizationKind,
): Promise<OrganizationRow | null> {
  const membership = await db.membership.findFirst({
    where: { userId, role: "OWNER", organization: { kind } },
    orderBy: { createdAt: "asc" },
    select: { organization: { select: organizationSelect } },
  });
  return membership?.organization ?? null;
}

export type OrganizationUpdate = {
  name: string;
  legalName: string;
  siret: string;
  vatNumber: string | null;
  sector: string;
  addressLine: string;
  postcode: string;
  commune: string;
  inseeCode: string;
  latitude: number;
  longitude: number;
};

/**
 * The name is shown on search documents — an agency's on its members', a business's on its open
 * missions — so those are queued in the same transaction.
 */
export async function updateOrganization(id: string, update: OrganizationUpdate): Promise<OrganizationRow> {
  return db.$transaction(async (tx) => {
    const row = await tx.organization.update({ where: { id }, data: update, select: organizationSelect });
    if (row.kind === "AGENCY") await enqueueAgencyMembers(tx, id);
    if (row.kind === "BUSINESS") await enqueueOrganizationMissions(tx, id);
    return row;
  });
}
