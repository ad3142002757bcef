// The only module touching Prisma for attestations de vigilance and the contracts they concern.
import { db, type Tx } from "#app/lib/db.server";
import { VIGILANCE_THRESHOLD_CENTS } from "./vigilance.schema";

const certificateSelect = {
  id: true,
  userId: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  storageKey: true,
  issuedOn: true,
  expiresOn: true,
  remindedAt: true,
} as const;

export type CertificateRow = {
  id: string;
  userId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string;
  issuedOn: Date;
  expiresOn: Date;
  remindedAt: Date | null;
};

export async function findUserKind(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { kind: true } });
  return user?.kind ?? null;
}

export async function createCertificate(data: Omit<CertificateRow, "id" | "remindedAt">) {
  return db.vigilanceCertificate.create({ data, select: certificateSelect });
}

export async function listCertificates(userId: string): Promise<CertificateRow[]> {
  return db.vigilanceCertificate.findMany({
    where: { userId },
    orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
    select: certificateSelect,
    take: 50,
  });
}

/** The most recent certificate still valid at `now`. */
export async function findCurrentCertificate(userId: string, now: Date): Promise<CertificateRow | null> {
  return db.vigilanceCertificate.findFirst({
    where: { userId, issuedOn: { lte: now }, expiresOn: { gt: now } },
    orderBy: [{ expiresOn: "desc" }, { createdAt: "desc" }],
    select: certificateSelect,
  });
}

const contractSelect = {
  id: true,
  status: true,
  organizationId: true,
  agencyId: true,
  providerUserId: true,
  billingMode: true,
  fixedAmountCents: true,
  vigilanceRemindedAt: true,
  mission: { select: { title: true } },
} as const;

export type VigilanceContract = {
  id: string;
  status: string;
  organizationId: string;
  agencyId: string | null;
  providerUserId: string;
  billingMode: string;
  fixedAmountCents: number | null;
  vigilanceRemindedAt: Date | null;
  mission: { title: string };
};

export async function findContract(contractId: string): Promise<VigilanceContract | null> {
  return db.contract.findUnique({ where: { id: contractId }, select: contractSelect });
}

/**
 * A contract's value excl. VAT for the €5,000 rule: a fixed price is known up front; otherwise the
 * work recorded so far, approved or awaiting approval (disputed work does not count).
 */
export async function contractValues(contracts: VigilanceContract[]): Promise<Map<string, number>> {
  const values = new Map<string, number>();
  const metered = contracts.filter((c) => c.billingMode !== "FIXED").map((c) => c.id);
  const sums = metered.length
    ? await db.workEntry.groupBy({
        by: ["contractId"],
        where: { contractId: { in: metered }, status: { in: ["APPROVED", "SUBMITTED"] } },
        _sum: { amountCents: true },
      })
    : [];
  for (const c of contracts) values.set(c.id, c.billingMode === "FIXED" ? (c.fixedAmountCents ?? 0) : 0);
  for (const s of sums) values.set(s.contractId, s._sum.amountCents ?? 0);
  return values;
}

export const isLarge = (value: number | undefined) => (value ?? 0) >= VIGILANCE_THRESHOLD_CENTS;

export async function isOrganizationMember(userId: string, organizationId: string): Promise<boolean> {
  return (await db.membership.count({ where: { userId, organizationId } })) > 0;
}

/** The agency's owner answers for an agency contract; otherwise the secretary herself. */
export async function certificateHolderOf(contract: VigilanceContract): Promise<string | null> {
  if (!contract.agencyId) return contract.providerUserId;
  const owner = await db.membership.findFirst({
    where: { organizationId: contract.agencyId, role: "OWNER" },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  return owner?.userId ?? null;
}

/** Running contracts (ACTIVE or PAUSED), the candidates of the yearly rule, oldest first. */
export async function findRunningContracts(where: { providerUserId?: string; agencyIds?: string[] } = {}) {
  const or = [
    ...(where.providerUserId ? [{ providerUserId: where.providerUserId, agencyId: null }] : []),
    ...(where.agencyIds?.length ? [{ agencyId: { in: where.agencyIds } }] : []),
  ];
  if ((where.providerUserId || where.agencyIds) && or.length === 0) return [];
  return db.contract.findMany({
    where: { status: { in: ["ACTIVE", "PAUSED"] }, ...(or.length ? { OR: or } : {}) },
    orderBy: { createdAt: "asc" },
    select: contractSelect,
    take: 5000,
  });
}

export async function ownedAgencyIds(userId: string): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { userId, role: "OWNER", organization: { kind: "AGENCY" } },
    select: { organizationId: true },
  });
  return rows.map((r) => r.organizationId);
}

export async function memberIdsOf(organizationId: string, client: Tx = db): Promise<string[]> {
  const rows = await client.membership.findMany({
    where: { organizationId, user: { suspendedAt: null, anonymizedAt: null } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

/** Claims the 6-monthly reminder: only one run (or instance) wins for a given previous value. */
export async function claimContractReminder(tx: Tx, contract: VigilanceContract, now: Date) {
  const claimed = await tx.contract.updateMany({
    where: { id: contract.id, vigilanceRemindedAt: contract.vigilanceRemindedAt },
    data: { vigilanceRemindedAt: now },
  });
  return claimed.count === 1;
}

/** Certificates lapsing before `until`, not yet reminded, and not already replaced by a later one. */
export async function findLapsingCertificates(now: Date, until: Date): Promise<CertificateRow[]> {
  const rows = await db.vigilanceCertificate.findMany({
    where: { remindedAt: null, expiresOn: { gt: now, lte: until } },
    select: certificateSelect,
    take: 1000,
  });
  const replaced = await db.vigilanceCertificate.findMany({
    where: { userId: { in: rows.map((r) => r.userId) }, expiresOn: { gt: until } },
    select: { userId: true },
  });
  const renewed = new Set(replaced.map((r) => r.userId));
  return rows.filter((r) => !renewed.has(r.userId));
}

export async function claimCertificateReminder(tx: Tx, id: string, now: Date) {
  const claimed = await tx.vigilanceCertificate.updateMany({
    where: { id, remindedAt: null },
    data: { remindedAt: now },
  });
  return claimed.count === 1;
}

export async function hasValidCertificate(userId: string, now: Date): Promise<boolean> {
  return (await db.vigilanceCertificate.count({ where: { userId, expiresOn: { gt: now } } })) > 0;
}

export const MISSING_GROUP_KEY = "vigilance-missing";

/** The "you have none" reminder was sent since `since` (a marker read from the notifications). */
export async function wasToldMissingSince(userId: string, since: Date): Promise<boolean> {
  const count = await db.notification.count({
    where: { userId, type: "COMPLIANCE_REMINDER", groupKey: MISSING_GROUP_KEY, createdAt: { gte: since } },
  });
  return count > 0;
}
