// The only module touching Prisma for payees: PayoutAccount, InvoicingIdentity, and the user or
// agency they belong to (with the agency's payout mode, Organization.payoutMode).
import { db, type Tx } from "#app/lib/db.server";

/** A payout account or invoicing identity belongs to a user (secretary) or an agency. */
export type PayeeRef =
  { userId: string; organizationId?: undefined } | { organizationId: string; userId?: undefined };

const ownerWhere = (ref: PayeeRef) =>
  ref.organizationId ? { organizationId: ref.organizationId } : { userId: ref.userId! };

export async function findUser(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, kind: true, displayName: true, email: true },
  });
}

const agencySelect = {
  id: true,
  name: true,
  legalName: true,
  siret: true,
  vatNumber: true,
  addressLine: true,
  postcode: true,
  commune: true,
  payoutMode: true,
} as const;

/** The agency this user OWNS (oldest first), or null for a member or anyone else. */
export async function findOwnedAgency(userId: string) {
  const membership = await db.membership.findFirst({
    where: { userId, role: "OWNER", organization: { kind: "AGENCY" } },
    orderBy: { createdAt: "asc" },
    select: { organization: { select: agencySelect } },
  });
  return membership?.organization ?? null;
}

/** The agency a secretary works for as a MEMBER, with its payout mode. */
export async function findMemberAgency(userId: string) {
  const membership = await db.membership.findFirst({
    where: { userId, role: "MEMBER", organization: { kind: "AGENCY" } },
    orderBy: { createdAt: "asc" },
    select: { organization: { select: { id: true, name: true, payoutMode: true } } },
  });
  return membership?.organization ?? null;
}

/** An agency's payout mode as stored (null: never chosen, which means AGENCY). */
export async function findAgencyPayoutMode(organizationId: string, client: Tx = db) {
  const agency = await client.organization.findUnique({
    where: { id: organizationId },
    select: { payoutMode: true },
  });
  return agency?.payoutMode ?? null;
}

const payoutSelect = {
  id: true,
  userId: true,
  organizationId: true,
  stripeAccountId: true,
  transfersActive: true,
  detailsSubmitted: true,
  requirementsDue: true,
  stateAsOf: true,
  updatedAt: true,
} as const;

export type PayoutAccountRow = {
  id: string;
  userId: string | null;
  organizationId: string | null;
  stripeAccountId: string;
  transfersActive: boolean;
  detailsSubmitted: boolean;
  requirementsDue: unknown;
  stateAsOf: Date | null;
  updatedAt: Date;
};

export async function findPayoutAccount(ref: PayeeRef, client: Tx = db): Promise<PayoutAccountRow | null> {
  return client.payoutAccount.findUnique({ where: ownerWhere(ref), select: payoutSelect });
}

export async function findPayoutAccountByStripeId(
  tx: Tx,
  stripeAccountId: string,
): Promise<PayoutAccountRow | null> {
  return tx.payoutAccount.findUnique({ where: { stripeAccountId }, select: payoutSelect });
}

/** Records the connected account once; a second call (a retry, a webhook first) keeps the row. */
export async function upsertPayoutAccount(ref: PayeeRef, stripeAccountId: string, client: Tx = db) {
  return client.payoutAccount.upsert({
    where: ownerWhere(ref),
    create: { ...ownerWhere(ref), stripeAccountId },
    update: {},
    select: payoutSelect,
  });
}

/**
 * Moves the row's version on: the account-link idempotency key is derived from it, so the next
 * link is a new one while a retry of this one (same version) gets the same link back.
 */
export async function bumpPayoutAccountVersion(id: string, seen: Date) {
  const next = new Date(Math.max(Date.now(), seen.getTime() + 1));
  await db.payoutAccount.updateMany({ where: { id, updatedAt: seen }, data: { updatedAt: next } });
}

export type AccountState = {
  transfersActive: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  stateAsOf: Date;
};

export async function writeAccountState(tx: Tx, id: string, state: AccountState) {
  await tx.payoutAccount.update({ where: { id }, data: state });
}

export async function setAgencyPayoutMode(organizationId: string, mode: string) {
  await db.organization.update({ where: { id: organizationId }, data: { payoutMode: mode } });
}

const identitySelect = {
  legalName: true,
  siret: true,
  vatNumber: true,
  vatExempt: true,
  addressLine: true,
  postcode: true,
  commune: true,
  taxIdentificationNumber: true,
  birthDate: true,
  payoutAccountCountry: true,
} as const;

export async function findInvoicingIdentity(ref: PayeeRef, client: Tx = db) {
  return client.invoicingIdentity.findUnique({ where: ownerWhere(ref), select: identitySelect });
}

export type IdentityWrite = {
  legalName: string;
  siret: string;
  vatNumber: string | null;
  vatExempt: boolean;
  addressLine: string;
  postcode: string;
  commune: string;
  taxIdentificationNumber: string | null;
  birthDate: Date | null;
  payoutAccountCountry: string | null;
};

export async function upsertInvoicingIdentity(ref: PayeeRef, data: IdentityWrite) {
  await db.invoicingIdentity.upsert({
    where: ownerWhere(ref),
    create: { ...ownerWhere(ref), ...data },
    update: data,
  });
}

/** For an account.updated whose row is missing: the user or agency named in its metadata. */
export async function payeeExists(tx: Tx, ref: PayeeRef): Promise<boolean> {
  if (ref.organizationId) {
    return (await tx.organization.count({ where: { id: ref.organizationId, kind: "AGENCY" } })) > 0;
  }
  return (await tx.user.count({ where: { id: ref.userId, kind: "SECRETARY" } })) > 0;
}
