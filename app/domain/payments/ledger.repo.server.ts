// Writes ledger transactions in the caller's Prisma transaction, and the balance check.
import type { Tx } from "#app/lib/db.server";
import { balanced, type LedgerTransaction } from "./ledger";

/**
 * Writes one movement's entries. Idempotent by transactionId: a webhook received twice, or a job
 * retried after a crash, finds the entries already there and writes nothing.
 */
export async function recordTransaction(tx: Tx, movement: LedgerTransaction): Promise<boolean> {
  const checked = balanced(movement);
  const existing = await tx.ledgerEntry.findFirst({
    where: { transactionId: checked.transactionId },
    select: { id: true },
  });
  if (existing || checked.lines.length === 0) return false;
  await tx.ledgerEntry.createMany({
    data: checked.lines.map((line) => ({
      transactionId: checked.transactionId,
      account: line.account,
      amountCents: line.amountCents,
      contractId: checked.contractId,
      paymentId: checked.paymentId,
      kind: checked.kind,
      reference: checked.reference,
    })),
  });
  return true;
}

export type Imbalance = { transactionId: string; contractId: string | null; sumCents: number };

/** Every ledger transaction (of one contract, or all) whose entries do not sum to zero. */
export async function findImbalances(tx: Tx, contractId?: string): Promise<Imbalance[]> {
  const groups = await tx.ledgerEntry.groupBy({
    by: ["transactionId", "contractId"],
    where: contractId ? { contractId } : {},
    _sum: { amountCents: true },
  });
  return groups
    .filter((g) => (g._sum.amountCents ?? 0) !== 0)
    .map((g) => ({
      transactionId: g.transactionId,
      contractId: g.contractId,
      sumCents: g._sum.amountCents ?? 0,
    }));
}

/** Balance of each account (optionally of one contract): the sum of its entries. */
export async function accountBalances(tx: Tx, contractId?: string): Promise<Record<string, number>> {
  const groups = await tx.ledgerEntry.groupBy({
    by: ["account"],
    where: contractId ? { contractId } : {},
    _sum: { amountCents: true },
  });
  return Object.fromEntries(groups.map((g) => [g.account, g._sum.amountCents ?? 0]));
}
