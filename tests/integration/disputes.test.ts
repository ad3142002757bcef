// Staff settle disputes (/moderation/litiges) against the Stripe simulator: releasing disputed work
// pays the provider (allocation, transfer, ledger), a partial refund moves exactly that amount and
// a full refund all of it, with the ledger balanced; a wrong amount is refused in French and
// nothing moves; each decision writes one audit row and notifies both sides.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { transitionContract } from "#app/domain/contracts/contract-transition.server";
import { listDisputeQueue, getDisputeCase } from "#app/domain/moderation/disputes-queue.server";
import { resolveDispute } from "#app/domain/moderation/disputes.server";
import { runPayments } from "#app/domain/payments/payments-job.server";
import { disputeWork } from "#app/domain/work/work-review.server";
import { db } from "#app/lib/db.server";
import { getStripe } from "#app/lib/stripe.server";
import { createContract } from "#tests/factories/contracts";
import { giveInvoicingIdentity, giveLegalDetails } from "#tests/factories/invoices";
import { deliverToWebhookRoutes } from "#tests/factories/payees";
import {
  deliver,
  expectLedgerBalanced,
  paymentRow,
  simulatedBillingAccount,
  signedEvent,
  simulatedPayee,
} from "#tests/factories/payments";
import { createStaff } from "#tests/factories/users";
// Not a React hook: renamed so the hooks lint rule does not mistake it for one.
import { useStripeSimulator as startStripeSimulator } from "#tests/setup/stripe-simulator";

const h = await startStripeSimulator();
deliverToWebhookRoutes(h);

const NOW = new Date("2026-11-29T12:00:00Z");
let c: Awaited<ReturnType<typeof createContract>>;
let staff: { id: string; role: string };
let milestoneIds: string[] = [];
const paymentOf = async (milestoneId: string) =>
  paymentRow((await db.payment.findUniqueOrThrow({ where: { milestoneId } })).id);

/** Delivered by the secretary, disputed by the business (on the running contract), then the contract DISPUTED. */
async function disputeMilestone(milestoneId: string) {
  const { status } = await db.contract.findUniqueOrThrow({ where: { id: c.contract.id } });
  if (status === "DISPUTED") await settleContract();
  await db.milestone.update({
    where: { id: milestoneId },
    data: { status: "SUBMITTED", submittedAt: NOW, submittedById: c.secretary.id },
  });
  await disputeWork({ actorId: c.business.id, milestoneId, reason: "Livrable incomplet" });
  await disputeContract();
}

const settleContract = () =>
  db.$transaction((tx) =>
    transitionContract(tx, {
      contractId: c.contract.id,
      event: "RESOLVE_RESUME",
      actor: { id: staff.id, as: "STAFF" },
      reason: "Préparation du test",
    }),
  );

async function disputeContract() {
  await db.$transaction((tx) =>
    transitionContract(tx, {
      contractId: c.contract.id,
      event: "DISPUTE",
      actor: { id: c.business.id, as: "BUSINESS" },
      reason: "Désaccord sur le travail",
    }),
  );
}

const audits = () => db.auditLog.findMany({ where: { targetType: "Contract", targetId: c.contract.id } });
const outcomesFor = (userId: string) =>
  db.notification.count({ where: { userId, type: "MODERATION_OUTCOME" } });
const refundEntries = (paymentId: string) =>
  db.ledgerEntry.findMany({
    where: { paymentId, kind: "REFUND" },
    select: { account: true, amountCents: true },
  });

beforeAll(async () => {
  c = await createContract({
    billingMode: "FIXED",
    milestones: [
      { title: "Saisie du premier trimestre", amountCents: 60000, dueDate: "2026-12-15" },
      { title: "Classement des archives", amountCents: 20000, dueDate: "2027-01-15" },
      { title: "Relances clients", amountCents: 10000, dueDate: "2027-02-15" },
    ],
  });
  staff = { id: (await createStaff("MODERATOR")).id, role: "MODERATOR" };
  await giveLegalDetails(c.business.organization.id);
  await giveInvoicingIdentity({ userId: c.secretary.id });
  await simulatedBillingAccount(c.business.organization.id, { card: "pm_card_visa" });
  await simulatedPayee(h, { userId: c.secretary.id });
  await h.flush();
  expect(await runPayments(NOW)).toMatchObject({ funded: 3, charged: 3 });
  await h.flush();
  milestoneIds = (
    await db.milestone.findMany({ where: { contractId: c.contract.id }, orderBy: { position: "asc" } })
  ).map((m) => m.id);
});

beforeEach(async () => {
  const { status } = await db.contract.findUniqueOrThrow({ where: { id: c.contract.id } });
  if (status === "ACTIVE") await disputeContract();
});

describe("the queue", () => {
  it("lists the DISPUTED contract with its disputed work and the business's reason", async () => {
    await disputeMilestone(milestoneIds[1]!);
    const { items } = await listDisputeQueue({ actor: staff });
    expect(items.find((i) => i.id === c.contract.id)).toMatchObject({
      status: "DISPUTED",
      disputedWorkCount: 1,
      disputedAmountCents: 20000,
    });
    const view = await getDisputeCase({ actor: staff, contractId: c.contract.id });
    expect(view.milestones[0]).toMatchObject({ disputeReason: "Livrable incomplet", amountCents: 20000 });
    await expect(listDisputeQueue({ actor: { id: c.business.id, role: "USER" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("wrong decisions change nothing", () => {
  it.each([
    ["over what was paid", "200,01", "Le montant dépasse ce qui reste remboursable sur ce paiement"],
    ["negative", "-5", "Montant invalide"],
    ["garbage", "douze euros", "Montant invalide"],
    ["zero", "0", "Le montant doit être compris entre"],
  ])("a partial refund %s is refused in French", async (_case, amount, message) => {
    const payment = await paymentOf(milestoneIds[1]!);
    const [auditsBefore, ledgerBefore] = [(await audits()).length, await db.ledgerEntry.count()];
    await expect(
      resolveDispute({
        actor: staff,
        contractId: c.contract.id,
        input: { intent: "refund_partial", paymentId: payment.id, amount, reason: "Geste commercial" },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining(message) });
    expect((await paymentRow(payment.id)).refundedCents).toBe(0);
    expect((await audits()).length).toBe(auditsBefore);
    expect(await db.ledgerEntry.count()).toBe(ledgerBefore);
    expect((await db.contract.findUniqueOrThrow({ where: { id: c.contract.id } })).status).toBe("DISPUTED");
  });

  it("a decision without a reason, or by a non-staff account, is refused", async () => {
    const payment = await paymentOf(milestoneIds[1]!);
    const input = { intent: "refund_full", paymentId: payment.id, reason: "  " };
    await expect(resolveDispute({ actor: staff, contractId: c.contract.id, input })).rejects.toMatchObject({
      message: "Indiquez le motif de la décision.",
    });
    await expect(
      resolveDispute({
        actor: { id: c.business.id, role: "USER" },
        contractId: c.contract.id,
        input: { ...input, reason: "Je me rembourse" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await paymentRow(payment.id)).refundedCents).toBe(0);
  });
});

describe("refunds", () => {
  it("a partial refund moves exactly that amount, from escrow; one audit row; both sides told", async () => {
    const payment = await paymentOf(milestoneIds[1]!);
    const auditsBefore = (await audits()).length;
    const [businessBefore, secretaryBefore] = [
      await outcomesFor(c.business.id),
      await outcomesFor(c.secretary.id),
    ];
    await resolveDispute({
      actor: staff,
      contractId: c.contract.id,
      input: {
        intent: "refund_partial",
        paymentId: payment.id,
        amount: "75,50",
        reason: "Moitié du travail livrée",
      },
      now: NOW,
    });
    expect((await paymentRow(payment.id)).refundedCents).toBe(7550);
    const refunds = await getStripe().refunds.list({ charge: payment.stripeChargeId! });
    expect(refunds.data.map((r) => r.amount)).toEqual([7550]);
    expect(await refundEntries(payment.id)).toEqual(
      expect.arrayContaining([
        { account: "escrow", amountCents: 7550 },
        { account: "stripe", amountCents: -7550 },
      ]),
    );
    await expectLedgerBalanced(c.contract.id);
    const rows = (await audits()).slice(auditsBefore);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "DISPUTE_REFUND",
      actorId: staff.id,
      reason: "Moitié du travail livrée",
      before: expect.objectContaining({ status: "DISPUTED" }),
      after: expect.objectContaining({
        status: "ACTIVE",
        refund: { paymentId: payment.id, amountCents: 7550 },
      }),
    });
    expect(await outcomesFor(c.business.id)).toBe(businessBefore + 1);
    expect(await outcomesFor(c.secretary.id)).toBe(secretaryBefore + 1);
  });

  it("a full refund gives back all that remains, and may cancel the contract's dispute into COMPLETED", async () => {
    await disputeMilestone(milestoneIds[2]!);
    const payment = await paymentOf(milestoneIds[2]!);
    await resolveDispute({
      actor: staff,
      contractId: c.contract.id,
      input: {
        intent: "refund_full",
        paymentId: payment.id,
        reason: "Rien n’a été livré",
        outcome: "ACTIVE",
      },
      now: NOW,
    });
    expect((await paymentRow(payment.id)).refundedCents).toBe(payment.amountCents);
    expect(await refundEntries(payment.id)).toEqual(
      expect.arrayContaining([
        { account: "escrow", amountCents: payment.amountCents },
        { account: "stripe", amountCents: -payment.amountCents },
      ]),
    );
    await expectLedgerBalanced(c.contract.id);
    expect((await audits()).filter((a) => a.action === "DISPUTE_REFUND")).toHaveLength(2);
  });
});

describe("release", () => {
  it("approves the disputed work as arbiter and pays the provider: transfer and ledger", async () => {
    await disputeMilestone(milestoneIds[0]!);
    const auditsBefore = (await audits()).length;
    const secretaryBefore = await outcomesFor(c.secretary.id);
    await resolveDispute({
      actor: staff,
      contractId: c.contract.id,
      input: { intent: "release", reason: "Le livrable est conforme au contrat", outcome: "ACTIVE" },
      now: NOW,
    });
    const milestone = await db.milestone.findUniqueOrThrow({ where: { id: milestoneIds[0]! } });
    expect(milestone).toMatchObject({ status: "APPROVED", reviewedById: staff.id });
    const payment = await paymentOf(milestoneIds[0]!);
    expect(payment.payouts[0]).toMatchObject({ amountCents: 54000, status: "SENT" });
    const transfer = await getStripe().transfers.retrieve(payment.payouts[0]!.stripeTransferId!);
    expect(transfer).toMatchObject({ amount: 54000, source_transaction: payment.stripeChargeId });
    const transferEntries = await db.ledgerEntry.findMany({
      where: { paymentId: payment.id, kind: "TRANSFER" },
      select: { account: true, amountCents: true },
    });
    expect(transferEntries).toEqual(
      expect.arrayContaining([
        { account: `payable:user:${c.secretary.id}`, amountCents: 54000 },
        { account: "stripe", amountCents: -54000 },
      ]),
    );
    await expectLedgerBalanced(c.contract.id);
    const rows = (await audits()).slice(auditsBefore);
    expect(rows.map((r) => r.action)).toEqual(["DISPUTE_RELEASE"]);
    // The refunded milestones stay disputed (not owed); the released one is no longer.
    const [before, after] = [rows[0]!.before, rows[0]!.after] as {
      status: string;
      disputedMilestoneIds: string[];
    }[];
    expect(before!.status).toBe("DISPUTED");
    expect(before!.disputedMilestoneIds).toContain(milestoneIds[0]);
    expect(after!.status).toBe("ACTIVE");
    expect(after!.disputedMilestoneIds).not.toContain(milestoneIds[0]);
    expect(after!.disputedMilestoneIds).toHaveLength(before!.disputedMilestoneIds.length - 1);
    expect(await outcomesFor(c.secretary.id)).toBe(secretaryBefore + 1);
    expect((await db.contract.findUniqueOrThrow({ where: { id: c.contract.id } })).status).toBe("ACTIVE");
  });

  it("a DISPUTED contract can be closed as COMPLETED by staff (machine's RESOLVE_COMPLETE)", async () => {
    await resolveDispute({
      actor: staff,
      contractId: c.contract.id,
      input: { intent: "release", reason: "Mission terminée d’un commun accord", outcome: "COMPLETED" },
      now: NOW,
    });
    const contract = await db.contract.findUniqueOrThrow({ where: { id: c.contract.id } });
    expect(contract.status).toBe("COMPLETED");
    const history = await db.contractStatusChange.findFirst({
      where: { contractId: c.contract.id },
      orderBy: { createdAt: "desc" },
    });
    expect(history).toMatchObject({ from: "DISPUTED", to: "COMPLETED", actorId: staff.id });
    // Every dispute raised was decided on (the refunded milestones stay DISPUTED, not owed): off the queue.
    const { items } = await listDisputeQueue({ actor: staff });
    expect(items.find((i) => i.id === c.contract.id)).toBeUndefined();
  });
});

describe("Stripe charge disputes", () => {
  it("an open one puts the contract in the queue, even ended; closed, it leaves", async () => {
    const payment = await paymentOf(milestoneIds[0]!);
    const dispute = { id: "dp_disputes_1", object: "dispute", amount: 30000, charge: payment.stripeChargeId };
    await deliver(signedEvent("charge.dispute.created", { ...dispute, status: "needs_response" }));
    const item = (await listDisputeQueue({ actor: staff })).items.find((i) => i.id === c.contract.id);
    expect(item).toMatchObject({ status: "COMPLETED", stripeDisputes: 1 });
    const view = await getDisputeCase({ actor: staff, contractId: c.contract.id });
    expect(view.payments.find((p) => p.id === payment.id)).toMatchObject({ openStripeDispute: true });
    await deliver(signedEvent("charge.dispute.closed", { ...dispute, status: "won" }));
    const { items } = await listDisputeQueue({ actor: staff });
    expect(items.find((i) => i.id === c.contract.id)).toBeUndefined();
    await expectLedgerBalanced(c.contract.id);
  });
});
