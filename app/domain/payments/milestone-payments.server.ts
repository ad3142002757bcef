// FIXED contracts: each milestone is funded up front (one MILESTONE Payment, charged like a month
// with the saved method) as soon as the contract is ACTIVE — its amount plus 20 % VAT when the
// payee who will invoice it charges VAT, so the charge equals her invoice TTC; once the milestone is APPROVED (by the
// business or automatically), its amount is allocated to the person who delivered it and the
// platform's fee, her invoices are issued, and the transfer follows once the charge succeeded.
// The job picks both up (no hook in the work domain): approval and release stay decoupled, and a
// crash between them is simply retried.
import { STANDARD_VAT_BPS, vatOf } from "#app/domain/billing/invoice-amounts";
import { issueMilestoneInvoices } from "#app/domain/billing/invoice-issuing.server";
import { findPayeeIdentity } from "#app/domain/billing/invoice.repo.server";
import type { PayeeKey } from "#app/domain/billing/invoice.schema";
import { splitFee } from "#app/domain/contracts/contract-terms";
import { findPayoutDestination } from "#app/domain/payees/payout-destination.server";
import { milestonePerson } from "#app/domain/work/statement.server";
import { findContractForWork } from "#app/domain/work/work.repo.server";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { logger } from "#app/server/logger";
import { milestoneFundingRequested, milestoneReleased } from "./ledger";
import { recordTransaction } from "./ledger.repo.server";

type FundableMilestone = {
  id: string;
  contractId: string;
  amountCents: number;
  contract: { organizationId: string; platformFeeBps: number };
};

/**
 * Creates the funding Payment of every milestone of an ACTIVE FIXED contract that has none. A
 * milestone whose payee has no invoicing identity yet waits: whether VAT is charged depends on it.
 */
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
    try {
      const id = await db.$transaction((tx) => fundMilestone(tx, m));
      if (id) created.push(id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.warn({ err: error, milestoneId: m.id }, "financement du jalon en attente");
    }
  }
  return created;
}

/** The milestone's amount TTC as its invoice will carry it: + 20 % when the expected payee charges VAT. */
async function fundingAmount(tx: Tx, contractId: string, amountCents: number) {
  const contract = await findContractForWork(tx, contractId);
  if (!contract) throw new DomainError("NOT_FOUND", "Contrat introuvable.");
  const person = milestonePerson(contract, null);
  const destination = await findPayoutDestination(tx, { userId: person.userId, agencyId: contract.agencyId });
  const identity = await findPayeeIdentity(tx, destination.payeeKey as PayeeKey);
  return amountCents + (identity.vatExempt ? 0 : vatOf(amountCents, STANDARD_VAT_BPS));
}

async function fundMilestone(tx: Tx, m: FundableMilestone): Promise<string | null> {
  if (await tx.payment.findUnique({ where: { milestoneId: m.id }, select: { id: true } })) return null;
  const { feeCents } = splitFee(m.amountCents, m.contract.platformFeeBps);
  const amountCents = await fundingAmount(tx, m.contractId, m.amountCents);
  const payment = await tx.payment.create({
    data: {
      contractId: m.contractId,
      kind: "MILESTONE",
      milestoneId: m.id,
      workAmountCents: m.amountCents,
      amountCents,
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
      amountCents,
    }),
  );
  return payment.id;
}

/**
 * Allocates every APPROVED milestone whose funding Payment has no payout yet (optionally of one
 * contract: a dispute settled by staff); returns the payment ids.
 */
export async function allocateApprovedMilestones(now: Date, contractId?: string): Promise<string[]> {
  const due = await db.payment.findMany({
    where: {
      kind: "MILESTONE",
      status: { not: "CANCELLED" },
      refundedCents: 0,
      payouts: { none: {} },
      ...(contractId ? { contractId } : {}),
    },
    select: { id: true, milestoneId: true },
  });
  const approved = await db.milestone.findMany({
    where: { id: { in: due.flatMap((d) => (d.milestoneId ? [d.milestoneId] : [])) }, status: "APPROVED" },
    select: { id: true },
  });
  const ready = new Set(approved.map((m) => m.id));
  const allocated: string[] = [];
  for (const payment of due.filter((d) => d.milestoneId && ready.has(d.milestoneId))) {
    try {
      if (await db.$transaction((tx) => allocate(tx, payment.id, now))) allocated.push(payment.id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // e.g. the invoice TTC no longer matches what was funded: staff settle it (README, "Missing").
      logger.warn({ err: error, paymentId: payment.id }, "jalon approuvé non réparti");
    }
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
  const share = await invoiceMilestone(tx, {
    contractId: contract.id,
    milestoneId: payment.milestoneId,
    paymentId: payment.id,
    payeeKey: destination.payeeKey as PayeeKey,
    feeCents: payment.feeCents,
    fundedCents: payment.amountCents,
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

/** Her invoices for the milestone, and her share; refused when the invoice TTC is not what was funded. */
async function invoiceMilestone(
  tx: Tx,
  input: Parameters<typeof issueMilestoneInvoices>[1] & { payeeKey: PayeeKey; fundedCents: number },
) {
  const { fundedCents, ...issue } = input;
  const issued = await issueMilestoneInvoices(tx, issue);
  const invoiced = issued.payees[0];
  if (!invoiced || issued.chargeCents !== fundedCents)
    throw new DomainError(
      "CONFLICT",
      `La facture du jalon (${issued.chargeCents} c TTC) ne correspond pas au montant financé (${fundedCents} c).`,
    );
  return {
    payeeKey: input.payeeKey,
    workAmountCents: invoiced.workInclTaxCents,
    feeCents: invoiced.feeCents,
    amountCents: invoiced.netCents,
  };
}
