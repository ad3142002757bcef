// The only module touching Prisma for payment methods: BillingAccount and the business it bills.
import { db, type Tx } from "#app/lib/db.server";

/** The business organisation this user belongs to (owner or member), oldest first. */
export async function findBusinessOf(userId: string) {
  const membership = await db.membership.findFirst({
    where: { userId, organization: { kind: "BUSINESS" } },
    orderBy: { createdAt: "asc" },
    select: { organization: { select: { id: true, name: true, legalName: true } } },
  });
  return membership?.organization ?? null;
}

export async function findUserContact(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { email: true } });
}

const billingSelect = {
  id: true,
  organizationId: true,
  stripeCustomerId: true,
  paymentMethodId: true,
  paymentMethodType: true,
  paymentMethodLabel: true,
  paymentFailedAt: true,
  updatedAt: true,
} as const;

export type BillingAccountRow = {
  id: string;
  organizationId: string;
  stripeCustomerId: string;
  paymentMethodId: string | null;
  paymentMethodType: string | null;
  paymentMethodLabel: string | null;
  paymentFailedAt: Date | null;
  updatedAt: Date;
};

export async function findBillingAccount(
  organizationId: string,
  client: Tx = db,
): Promise<BillingAccountRow | null> {
  return client.billingAccount.findUnique({ where: { organizationId }, select: billingSelect });
}

export async function findBillingAccountByCustomer(
  stripeCustomerId: string,
  client: Tx = db,
): Promise<BillingAccountRow | null> {
  return client.billingAccount.findUnique({ where: { stripeCustomerId }, select: billingSelect });
}

/** One customer per business; a second call (a retry) keeps the row. */
export async function upsertBillingAccount(organizationId: string, stripeCustomerId: string) {
  return db.billingAccount.upsert({
    where: { organizationId },
    create: { organizationId, stripeCustomerId },
    update: {},
    select: billingSelect,
  });
}

/** The Checkout Session key is derived from this version: see startPaymentMethodSetup. */
export async function bumpBillingVersion(id: string, seen: Date) {
  const next = new Date(Math.max(Date.now(), seen.getTime() + 1));
  await db.billingAccount.updateMany({ where: { id, updatedAt: seen }, data: { updatedAt: next } });
}

export type SavedMethod = { paymentMethodId: string; paymentMethodType: string; paymentMethodLabel: string };

/** A new method clears the failure flag: payments retries the waiting charges after this. */
export async function recordPaymentMethod(client: Tx, id: string, method: SavedMethod) {
  await client.billingAccount.update({ where: { id }, data: { ...method, paymentFailedAt: null } });
}

export async function markPaymentFailed(client: Tx, organizationId: string, at: Date) {
  await client.billingAccount.updateMany({ where: { organizationId }, data: { paymentFailedAt: at } });
}
