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
      amountCents: true,
      feeCents: true,
      refundedCents: true,
      status: true,
      failureMessage: true,
      disputedAt: true,
      createdAt: true,
      payouts: { select: { id: true, payeeKey: true, amountCents: true, reversedCents: true, status: true } },
    },
  });
  const contracts = await db.contract.findMany({
    where: { id: { in: [...new Set(payments.map((p) => p.contractId))] } },
    select: {
      id: true,
      status: true,
      mission: { select: { title: true } },
      organization: { select: { name: true } },
    },
  });
  const byId = new Map(contracts.map((c) => [c.id, c]));
  return payments.map((p) => {
    const contract = byId.get(p.contractId);
    return {
      ...p,
      contractTitle: contract?.mission.title ?? "Contrat",
      businessName: contract?.organization.name ?? "",
      contractStatus: contract?.status ?? "",
      refundableCents: p.status === "SUCCEEDED" ? p.amountCents - p.refundedCents : 0,
      released: p.payouts.some((o) => o.status !== "PENDING"),
    };
  });
}
