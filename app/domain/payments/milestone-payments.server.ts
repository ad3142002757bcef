// FIXED contracts: each milestone is funded up front (one MILESTONE Payment, charged like a month
// with the saved method) as soon as the contract is ACTIVE; once the milestone is APPROVED (by the
// business or automatically), its amount is allocated to the person who delivered it and the
// platform's fee, her invoices are issued, and the transfer follows once the charge succeeded.
// The job picks both up (no hook in the work domain): approval and release stay decoupled, and a
// crash between them is simply retried.
import { splitFee } from "#app/domain/contracts/contract-terms";
import { issueMilestoneInvoices } from "#app/domain/billing/invoice-issuing.server";
import { findPayoutDestination } from "#app/domain/payees/payout-destination.server";
import { milestonePerson } from "#app/domain/work/statement.server";
import { findContractForWork } from "#app/domain/work/work.repo.server";
import { db, type Tx } from "#app/lib/db.server";
import { milestoneFundingRequested, milestoneReleased } from "./ledger";
import { recordTransaction } from "./ledger.repo.server";

/** Creates the funding Payment of every milestone of an ACTIVE FIXED contract that has none. */
export async function requestMilestoneFunding(): Promise<string[]> {
  const milestones = await db.milestone.findMany({
    where: { contract: { billingMode: "FIXED", status: "ACTIVE" }, status: { not: "DISPUTED" } },
    select: {
      id: true,
      contractId: true,
      amountCents: true,
      contract: { select: { organizationId: true, platformFeeBps: true } },
    },
    orderBy: [{ contractId: "asc" }, { position: "asc" }],
  });
  const funded = new Set(
    (await db.payment.findMany({ where: { kind: "MILESTONE" }, select: { milestoneId: true } })).map(
      (p) => p.milestoneId,
    ),
  );
  const created: string[] = [];
  for (const m of milestones.filter((m) => !funded.has(m.id) && m.amountCents > 0)) {
    const id = await db.$transaction(async (tx) => {
      if (await tx.payment.findUnique({ where: { milestoneId: m.id }, select: { id: true } })) return null;
      const { feeCents } = splitFee(m.amountCents, m.contract.platformFeeBps);
      const payment = await tx.payment.create({
        data: {
          contractId: m.contractId,
          kind: "MILESTONE",
          milestoneId: m.id,
          workAmountCents: m.amountCents,
          amountCents: m.amountCents,
          feeCents,
        },
        select: { id: true },
      });
      await recordTransaction(
        tx,
        milestoneFundingRequested({
          contractId: m.contractId,
          paymentId: payment.id,
          organizationId: m.contract.organizationId,
          amountCents: m.amountCents,
        }),
      );
      return payment.id;
    });
    if (id) created.push(id);
  }
  return created;
}

/** Allocates every APPROVED milestone whose funding Payment has no payout yet; returns the payment ids. */
export async function allocateApprovedMilestones(now: Date): Promise<string[]> {
  const due = await db.payment.findMany({
    where: { kind: "MILESTONE", status: { not: "CANCELLED" }, refundedCents: 0, payouts: { none: {} } },
    select: { id: true, milestoneId: true },
  });
  const approved = await db.milestone.findMany({
    where: { id: { in: due.flatMap((d) => (d.milestoneId ? [d.milestoneId] : [])) }, status: "APPROVED" },
    select: { id: true },
  });
  const ready = new Set(approved.map((m) => m.id));
  const allocated: string[] = [];
  for (const payment of due.filter((d) => d.milestoneId && ready.has(d.milestoneId))) {
    if (await db.$transaction((tx) => allocate(tx, payment.id, now))) allocated.push(payment.id);
  }
  return allocated;
}

async function allocate(tx: Tx, paymentId: string, now: Date): Promise<boolean> {
  const payment = await tx.payment.findUnique({
    where: { id: paymentId },
    select: {
      id: true,
      contractId: true,
      milestoneId: true,
      amountCents: true,
      feeCents: true,
      _count: { select: { payouts: true } },
    },
  });
  if (!payment?.milestoneId || payment._count.payouts > 0) return false;
  const contract = await findContractForWork(tx, payment.contractId);
  const milestone = await tx.milestone.findUniqueOrThrow({
    where: { id: payment.milestoneId },
    select: { submittedById: true },
  });
  if (!contract) return false;
  const person = milestonePerson(contract, milestone.submittedById);
  const destination = await findPayoutDestination(tx, { userId: person.userId, agencyId: contract.agencyId });
  const share = {
    payeeKey: destination.payeeKey,
    workAmountCents: payment.amountCents,
    feeCents: payment.feeCents,
    amountCents: payment.amountCents - payment.feeCents,
  };
  await issueMilestoneInvoices(tx, {
    contractId: contract.id,
    milestoneId: payment.milestoneId,
    paymentId: payment.id,
    payeeKey: destination.payeeKey as `user:${string}`,
    feeCents: payment.feeCents,
    issuedAt: now,
  });
  await tx.payout.create({
    data: {
      paymentId: payment.id,
      payeeKey: share.payeeKey,
      payeeUserId: destination.payeeOrganizationId ? null : destination.payeeUserId,
      payeeOrganizationId: destination.payeeOrganizationId,
      workAmountCents: share.workAmountCents,
      feeCents: share.feeCents,
      amountCents: share.amountCents,
    },
  });
  await recordTransaction(
    tx,
    milestoneReleased({ contractId: contract.id, paymentId: payment.id, shares: [share] }),
  );
  return true;
}
