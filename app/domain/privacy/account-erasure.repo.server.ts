// Reads and writes of the account erasure (see README.md): what blocks it, what is copied to the
// legal archive, and the anonymisation itself, all inside the caller's transaction.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";

export const LIVE_CONTRACT_STATUSES = ["PENDING", "ACTIVE", "PAUSED", "DISPUTED"];
export const MONEY_IN_FLIGHT_PAYMENTS = ["PENDING", "PROCESSING"];

export function findUserForErasure(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, passwordHash: true, anonymizedAt: true },
  });
}

/** Her organizations, with how many members and owners each has. */
export function findMembershipsWithCounts(userId: string) {
  return db.membership.findMany({
    where: { userId },
    select: {
      role: true,
      organization: {
        select: {
          id: true,
          name: true,
          memberships: { select: { userId: true, role: true } },
        },
      },
    },
  });
}

/** Contracts she answers for: as provider or assignee, or through an organization she alone runs. */
function partyContracts(userId: string, soleOrganizationIds: string[]): Prisma.ContractWhereInput {
  return {
    OR: [
      { providerUserId: userId },
      { assignees: { some: { userId, cancelledAt: null } } },
      { organizationId: { in: soleOrganizationIds } },
      { agencyId: { in: soleOrganizationIds } },
    ],
  };
}

export function countLiveContracts(userId: string, soleOrganizationIds: string[]) {
  return db.contract.count({
    where: { AND: [partyContracts(userId, soleOrganizationIds), { status: { in: LIVE_CONTRACT_STATUSES } }] },
  });
}

/** Charges not settled on her contracts, and transfers still owed to her. */
export async function countMoneyInFlight(userId: string, soleOrganizationIds: string[]) {
  const [payments, payouts] = await Promise.all([
    db.payment.count({
      where: {
        status: { in: MONEY_IN_FLIGHT_PAYMENTS },
        contract: partyContracts(userId, soleOrganizationIds),
      },
    }),
    db.payout.count({
      where: {
        status: "PENDING",
        OR: [{ payeeUserId: userId }, { payeeKey: `user:${userId}` }],
      },
    }),
  ]);
  return payments + payouts;
}

/** What the law makes us keep: her invoicing identity, mandates, payout account and payouts. */
export async function findLegalRecords(tx: Tx, userId: string) {
  const [identity, payoutAccount, mandates, payouts] = await Promise.all([
    tx.invoicingIdentity.findUnique({ where: { userId } }),
    tx.payoutAccount.findUnique({
      where: { userId },
      select: { stripeAccountId: true, createdAt: true, detailsSubmitted: true },
    }),
    tx.contract.findMany({
      where: { providerUserId: userId, mandateAcceptedAt: { not: null } },
      select: {
        id: true,
        organizationId: true,
        agencyId: true,
        providerAcceptedAt: true,
        mandateAcceptedAt: true,
        terms: true,
      },
    }),
    tx.payout.findMany({
      where: { status: "SENT", OR: [{ payeeUserId: userId }, { payeeKey: `user:${userId}` }] },
      select: {
        workAmountCents: true,
        feeCents: true,
        amountCents: true,
        sentAt: true,
        payment: { select: { contractId: true } },
      },
    }),
  ]);
  return { identity, payoutAccount, mandates, payouts };
}

/** Files to remove after the commit: her message attachments and her attestations de vigilance. */
export async function findStoredFiles(tx: Tx, userId: string) {
  const [attachments, certificates] = await Promise.all([
    tx.messageAttachment.findMany({
      where: { message: { senderId: userId } },
      select: { id: true, storageKey: true },
    }),
    tx.vigilanceCertificate.findMany({ where: { userId }, select: { id: true, storageKey: true } }),
  ]);
  return [...attachments, ...certificates];
}
