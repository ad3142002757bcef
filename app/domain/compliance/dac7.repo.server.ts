// The only module touching Prisma for DAC7: transfers sent in a year and the sellers' identities.
import { db } from "#app/lib/db.server";
import type { PayoutFact, SellerIdentity } from "./dac7.schema";

const yearRange = (year: number) => ({
  gte: new Date(Date.UTC(year, 0, 1)),
  lt: new Date(Date.UTC(year + 1, 0, 1)),
});

/** Transfers made in the year (SENT, or SENT then REVERSED in part or whole). */
export async function findPayoutFacts(year: number, payeeKey?: string): Promise<PayoutFact[]> {
  const rows = await db.payout.findMany({
    where: {
      status: { in: ["SENT", "REVERSED"] },
      sentAt: yearRange(year),
      ...(payeeKey ? { payeeKey } : {}),
    },
    select: {
      payeeKey: true,
      workAmountCents: true,
      feeCents: true,
      amountCents: true,
      reversedCents: true,
      sentAt: true,
      payment: { select: { contractId: true } },
    },
    orderBy: { sentAt: "asc" },
  });
  return rows.map(({ payment, sentAt, ...row }) => ({
    ...row,
    sentAt: sentAt!,
    contractId: payment.contractId,
  }));
}

const identitySelect = {
  userId: true,
  organizationId: true,
  legalName: true,
  siret: true,
  vatNumber: true,
  taxIdentificationNumber: true,
  birthDate: true,
  payoutAccountCountry: true,
  addressLine: true,
  postcode: true,
  commune: true,
} as const;

/** "user:<id>" → the secretary; "agency:<orgId>" → the agency (an entity). */
export async function findSellers(payeeKeys: string[]): Promise<SellerIdentity[]> {
  const userIds = payeeKeys.filter((k) => k.startsWith("user:")).map((k) => k.slice(5));
  const orgIds = payeeKeys.filter((k) => k.startsWith("agency:")).map((k) => k.slice(7));
  const [users, orgs, identities] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }),
    db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    db.invoicingIdentity.findMany({
      where: { OR: [{ userId: { in: userIds } }, { organizationId: { in: orgIds } }] },
      select: identitySelect,
    }),
  ]);
  const identityOf = (key: { userId?: string; organizationId?: string }) => {
    const row = identities.find((i) =>
      key.userId ? i.userId === key.userId : i.organizationId === key.organizationId,
    );
    if (!row) return null;
    const { userId: _u, organizationId: _o, ...identity } = row;
    return identity;
  };
  return [
    ...users.map((u) => ({
      payeeKey: `user:${u.id}`,
      kind: "INDIVIDUAL" as const,
      name: u.displayName,
      identity: identityOf({ userId: u.id }),
    })),
    ...orgs.map((o) => ({
      payeeKey: `agency:${o.id}`,
      kind: "ENTITY" as const,
      name: o.name,
      identity: identityOf({ organizationId: o.id }),
    })),
  ];
}

export async function findUserForStatement(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, kind: true } });
}

export async function findOwnedAgencyId(userId: string): Promise<string | null> {
  const membership = await db.membership.findFirst({
    where: { userId, role: "OWNER", organization: { kind: "AGENCY" } },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  return membership?.organizationId ?? null;
}
