// The only place suspensions touch Prisma. Everything runs in the caller's transaction, so a
// suspension and all its side effects commit together or not at all.
import { db, type Tx } from "#app/lib/db.server";

const openContractStatuses = ["PENDING", "ACTIVE", "PAUSED", "DISPUTED"];

export async function findAccount(client: Tx | typeof db, userId: string) {
  return client.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      kind: true,
      role: true,
      suspendedAt: true,
      suspensionReason: true,
      secretaryProfile: { select: { id: true, slug: true, status: true } },
      memberships: { where: { role: "OWNER" }, select: { organizationId: true } },
    },
  });
}
export type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/** Only if nobody suspended (or reinstated) her meanwhile: a double click changes nothing twice. */
export async function setSuspension(
  tx: Tx,
  userId: string,
  value: { suspendedAt: Date; suspensionReason: string } | null,
): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, suspendedAt: value ? null : { not: null } },
    data: value ?? { suspendedAt: null, suspensionReason: null },
  });
  return count === 1;
}

/** Every session, in the transaction: her next request is anonymous, her sockets are swept. */
export async function deleteSessions(tx: Tx, userId: string) {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  return count;
}

export async function findLiveProposalIds(tx: Tx, userId: string) {
  const rows = await tx.proposal.findMany({
    where: { bidderUserId: userId, status: { in: ["SUBMITTED", "SHORTLISTED"] } },
    select: { id: true, origin: true },
    orderBy: { createdAt: "asc" },
  });
  return rows;
}

/** Her open contracts: as the provider, an active assignee, or through an organization she owns. */
function contractsOfWhere(userId: string, ownedOrganizationIds: string[]) {
  return {
    status: { in: openContractStatuses },
    OR: [
      { providerUserId: userId },
      { assignees: { some: { userId, cancelledAt: null } } },
      { organizationId: { in: ownedOrganizationIds } },
      { agencyId: { in: ownedOrganizationIds } },
    ],
  };
}

export async function findOpenContractIds(client: Tx | typeof db, userId: string, owned: string[]) {
  const rows = await client.contract.findMany({
    where: contractsOfWhere(userId, owned),
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function flagContracts(tx: Tx, ids: string[], reason: string, at: Date) {
  if (ids.length === 0) return;
  await tx.contract.updateMany({ where: { id: { in: ids } }, data: { flaggedAt: at, flagReason: reason } });
}

export async function clearContractFlags(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  const flagged = await tx.contract.findMany({
    where: { id: { in: ids }, flaggedAt: { not: null } },
    select: { id: true },
  });
  const cleared = flagged.map((row) => row.id);
  await tx.contract.updateMany({
    where: { id: { in: cleared } },
    data: { flaggedAt: null, flagReason: null },
  });
  return cleared;
}

/** Everyone on a contract but `userId`: the business's members, the provider, the agency, assignees. */
export async function contractCounterparts(tx: Tx, contractId: string, userId: string) {
  const contract = await tx.contract.findUnique({
    where: { id: contractId },
    select: {
      providerUserId: true,
      mission: { select: { title: true } },
      organization: { select: { memberships: { select: { userId: true } } } },
      agency: { select: { memberships: { select: { userId: true } } } },
      assignees: { where: { cancelledAt: null }, select: { userId: true } },
    },
  });
  if (!contract) return null;
  const ids = [
    contract.providerUserId,
    ...contract.organization.memberships.map((m) => m.userId),
    ...(contract.agency?.memberships.map((m) => m.userId) ?? []),
    ...contract.assignees.map((a) => a.userId),
  ];
  return { title: contract.mission.title, userIds: [...new Set(ids)].filter((id) => id !== userId) };
}

/** The visible missions of the businesses she owns. */
export async function hideMissionsOf(tx: Tx, organizationIds: string[], at: Date) {
  if (organizationIds.length === 0) return [];
  const rows = await tx.mission.findMany({
    where: { organizationId: { in: organizationIds }, hiddenAt: null },
    select: { id: true },
  });
  const ids = rows.map((row) => row.id);
  if (ids.length > 0) await tx.mission.updateMany({ where: { id: { in: ids } }, data: { hiddenAt: at } });
  return ids;
}

export async function unhideMissions(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  await tx.mission.updateMany({ where: { id: { in: ids } }, data: { hiddenAt: null } });
}

export async function countLiveProposals(userId: string) {
  return db.proposal.count({ where: { bidderUserId: userId, status: { in: ["SUBMITTED", "SHORTLISTED"] } } });
}
