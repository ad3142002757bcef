// What staff see on /moderation/paiements: the latest payments with their payouts, as DTOs.
import { canModerate } from "#app/domain/moderation/moderation.policy";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";

export const STAFF_PAYMENTS_LIMIT = 100;

export async function listPaymentsForStaff({ actor }: { actor: { id: string; role: string } }) {
  if (!canModerate(actor))
    throw new DomainError("FORBIDDEN", "Cette page est réservée à l’équipe de modération.");
  const payments = await db.payment.findMany({
    orderBy: { createdAt: "desc" },
    take: STAFF_PAYMENTS_LIMIT,
    select: {
      id: true,
      contractId: true,
      kind: true,
      periodMonth: true,
      sequence: true,
      amountCents: true,
      feeCents: true,
      refundedCents: true,
      status: true,
      failureMessage: true,
      disputedAt: true,
      createdAt: true,
      payouts: { select: { id: true, payeeKey: true, amountCents: true, reversedCents: true, status: true } },
      contract: {
        select: {
          status: true,
          mission: { select: { title: true } },
          organization: { select: { name: true } },
        },
      },
    },
  });
  return payments.map(({ contract, ...p }) => {
    return {
      ...p,
      contractTitle: contract.mission.title,
      businessName: contract.organization.name,
      contractStatus: contract.status,
      refundableCents: p.status === "SUCCEEDED" ? p.amountCents - p.refundedCents : 0,
      released: p.payouts.some((o) => o.status !== "PENDING"),
    };
  });
}
