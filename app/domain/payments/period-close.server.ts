// Month close for HOURLY and PER_TASK contracts: a month's approved work becomes one PERIOD
// Payment with its invoices, its payouts (one per payee) and its ledger movement, in one
// transaction. Charging comes after (payment-charge.server.ts), outside the transaction.
//
// Which months: a month is closed once it is over in Paris (or at once for a COMPLETED contract),
// it has approved work not billed yet (WorkEntry.paymentId null), and nothing of it is still
// SUBMITTED (the review window runs first; the automatic approval ends it). DISPUTED work is not
// owed and stays out. The first close of a month is its sequence 1; work of that month approved
// later (a dispute settled, a late approval) is billed by sequence 2, 3… The billed entries get the
// payment's id in the same transaction, so no entry is billed twice.
import { issuePeriodInvoices } from "#app/domain/billing/invoice-issuing.server";
import type { PayeeKey } from "#app/domain/billing/invoice.schema";
import { findPayoutDestination } from "#app/domain/payees/payout-destination.server";
import { statementOf, type StatementEntry, type StatementLine } from "#app/domain/work/statement";
import { monthDays, parisMonthOf } from "#app/domain/work/work-dates";
import { findContractForWork, type WorkContract } from "#app/domain/work/work.repo.server";
import { db, type Tx } from "#app/lib/db.server";
import { periodInvoiced } from "./ledger";
import { recordTransaction } from "./ledger.repo.server";

const closableStatuses = ["ACTIVE", "PAUSED", "COMPLETED"];

export type PayeeGroup = {
  payeeKey: PayeeKey;
  payeeUserId: string | null;
  payeeOrganizationId: string | null;
  lines: StatementLine[];
  feeCents: number;
};

/** Contract months with approved work not billed yet, due to close at `now`. */
export async function findMonthsToClose(now: Date, contractId?: string) {
  const current = parisMonthOf(now);
  const rows = await db.workEntry.findMany({
    where: {
      status: "APPROVED",
      paymentId: null,
      ...(contractId ? { contractId } : {}),
      contract: { billingMode: { in: ["HOURLY", "PER_TASK"] }, status: { in: closableStatuses } },
    },
    distinct: ["contractId", "workDate"],
    select: { contractId: true, workDate: true, contract: { select: { status: true } } },
  });
  const due = new Map<string, { contractId: string; month: string }>();
  for (const row of rows) {
    const month = row.workDate.toISOString().slice(0, 7);
    if (month < current || (row.contract.status === "COMPLETED" && month <= current)) {
      due.set(`${row.contractId}|${month}`, { contractId: row.contractId, month });
    }
  }
  return [...due.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** The month's work not billed yet: approved entries without payment, and what is still open (SUBMITTED, DISPUTED). */
async function unbilledEntries(tx: Tx, contractId: string, month: string): Promise<StatementEntry[]> {
  const { from, until } = monthDays(month);
  const rows = await tx.workEntry.findMany({
    where: { contractId, workDate: { gte: from, lt: until }, paymentId: null },
    orderBy: [{ workDate: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      kind: true,
      workDate: true,
      minutes: true,
      taskType: true,
      quantity: true,
      unitPriceCents: true,
      amountCents: true,
      description: true,
      status: true,
      autoApproved: true,
      assignee: { select: { userId: true, role: true, user: { select: { displayName: true } } } },
    },
  });
  return rows.map(({ assignee, ...e }) => ({
    ...e,
    kind: e.kind === "TASK" ? "TASK" : "TIME",
    person: { userId: assignee.userId, displayName: assignee.user.displayName, role: assignee.role },
  }));
}

/** The statement's persons, grouped by who receives the money (an agency in AGENCY mode gets its members' shares). */
async function payeeGroups(tx: Tx, contract: WorkContract, statement: ReturnType<typeof statementOf>) {
  const groups = new Map<string, PayeeGroup>();
  for (const person of statement.payees) {
    const destination = await findPayoutDestination(tx, {
      userId: person.userId,
      agencyId: contract.agencyId,
    });
    const key = destination.payeeKey as PayeeKey;
    const group = groups.get(key) ?? {
      payeeKey: key,
      payeeUserId: destination.payeeOrganizationId ? null : destination.payeeUserId,
      payeeOrganizationId: destination.payeeOrganizationId,
      lines: [],
      feeCents: 0,
    };
    group.lines.push(...person.lines);
    group.feeCents += person.feeCents;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Bills one month of one contract (its first close, or the work approved since) in one
 * transaction; returns the payment id, or null when there is nothing to bill yet (no approved work
 * left unbilled, work still under review).
 */
export async function closePeriod(input: {
  contractId: string;
  month: string;
  now: Date;
}): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const contract = await findContractForWork(tx, input.contractId);
    if (!contract || !closableStatuses.includes(contract.status)) return null;
    const entries = await unbilledEntries(tx, contract.id, input.month);
    const statement = statementOf(contract, entries, [], input.month);
    if (statement.totals.lineCount === 0 || statement.pending.count > 0) return null;
    const groups = await payeeGroups(tx, contract, statement);
    const paymentId = await createPeriodPayment(tx, {
      contract,
      month: input.month,
      sequence: await nextSequence(tx, contract.id, input.month),
      now: input.now,
      groups,
      statement,
    });
    await markBilled(tx, paymentId, statement);
    return paymentId;
  });
}

async function nextSequence(tx: Tx, contractId: string, month: string) {
  const last = await tx.payment.aggregate({
    where: { contractId, kind: "PERIOD", periodMonth: month },
    _max: { sequence: true },
  });
  return (last._max.sequence ?? 0) + 1;
}

/** Links the billed entries to their payment; an entry billed meanwhile by a concurrent close rolls all back. */
async function markBilled(tx: Tx, paymentId: string, statement: ReturnType<typeof statementOf>) {
  const ids = statement.payees.flatMap((p) => p.lines.map((l) => l.sourceId));
  // One statement per entry: with `id IN (…)` SQLite without table statistics preferred the
  // (status, submittedAt) index and walked every approved entry (docs/BENCHMARKS.md, payments);
  // `id = ?` always takes the primary key.
  let count = 0;
  for (const id of ids) {
    const updated = await tx.workEntry.updateMany({
      where: { id, status: "APPROVED", paymentId: null },
      data: { paymentId },
    });
    count += updated.count;
  }
  if (count !== ids.length) throw new Error(`période déjà facturée en partie (${paymentId})`);
}

async function createPeriodPayment(
  tx: Tx,
  p: {
    contract: WorkContract;
    month: string;
    sequence: number;
    now: Date;
    groups: PayeeGroup[];
    statement: ReturnType<typeof statementOf>;
  },
) {
  const payment = await tx.payment.create({
    data: {
      contractId: p.contract.id,
      kind: "PERIOD",
      periodMonth: p.month,
      sequence: p.sequence,
      workAmountCents: p.statement.totals.amountCents,
      amountCents: 0,
      feeCents: p.statement.totals.feeCents,
    },
    select: { id: true },
  });
  const issued = await issuePeriodInvoices(tx, {
    contractId: p.contract.id,
    month: p.month,
    paymentId: payment.id,
    payees: p.groups.map((g) => ({ payeeKey: g.payeeKey, lines: g.lines, feeCents: g.feeCents })),
    issuedAt: p.now,
  });
  const shares = issued.payees.map((i) => {
    const group = p.groups.find((g) => g.payeeKey === i.payeeKey)!;
    return { ...group, workAmountCents: i.workInclTaxCents, feeCents: i.feeCents, amountCents: i.netCents };
  });
  await tx.payment.update({ where: { id: payment.id }, data: { amountCents: issued.chargeCents } });
  await tx.payout.createMany({
    data: shares.map((s) => ({
      paymentId: payment.id,
      payeeKey: s.payeeKey,
      payeeUserId: s.payeeUserId,
      payeeOrganizationId: s.payeeOrganizationId,
      workAmountCents: s.workAmountCents,
      feeCents: s.feeCents,
      amountCents: s.amountCents,
    })),
  });
  await recordTransaction(
    tx,
    periodInvoiced({
      contractId: p.contract.id,
      paymentId: payment.id,
      organizationId: p.contract.organizationId,
      amountCents: issued.chargeCents,
      shares,
    }),
  );
  return payment.id;
}
