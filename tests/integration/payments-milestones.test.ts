// FIXED contracts against the simulator: each milestone funded up front, released on approval
// (manual or automatic) with source_transaction, refund before release, a repeated charge call
// that must not charge twice, and the reconciliation noticing a tampered row.
import { execFile } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { chargePayment } from "#app/domain/payments/payment-charge.server";
import { refundPayment } from "#app/domain/payments/payment-refunds.server";
import { runPayments } from "#app/domain/payments/payments-job.server";
import { reconcilePayments } from "#app/domain/payments/reconciliation.server";
import { autoApproveDueWork } from "#app/domain/work/work-auto-approval.server";
import { db } from "#app/lib/db.server";
import { getStripe } from "#app/lib/stripe.server";
import { createContract } from "#tests/factories/contracts";
import { giveInvoicingIdentity, giveLegalDetails } from "#tests/factories/invoices";
import { deliverToWebhookRoutes } from "#tests/factories/payees";
import {
  accountTotals,
  expectLedgerBalanced,
  paymentRow,
  simulatedBillingAccount,
  simulatedPayee,
} from "#tests/factories/payments";
import { createStaff } from "#tests/factories/users";
// Not a React hook: renamed so the hooks lint rule does not mistake it for one.
import { useStripeSimulator as startStripeSimulator } from "#tests/setup/stripe-simulator";

const h = await startStripeSimulator();
deliverToWebhookRoutes(h);

const NOW = new Date("2026-11-29T12:00:00Z");
const DAY = 86_400_000;

/**
 * `npm run payments:reconcile` as a child process, on this file's database and simulator (async:
 * the simulator answers from this process).
 */
function reconcileCommand(): Promise<{ status: number; stdout: string }> {
  const { STRIPE_SECRET_KEY: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "app/cli/payments-reconcile.ts"],
      { env: { ...env, STRIPE_SIMULATOR_URL: h.url }, encoding: "utf8", timeout: 45_000 },
      (error, stdout) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

let c: Awaited<ReturnType<typeof createContract>>;
const milestones = () =>
  db.milestone.findMany({ where: { contractId: c.contract.id }, orderBy: { position: "asc" } });
const paymentFor = async (milestoneId: string) =>
  paymentRow((await db.payment.findUniqueOrThrow({ where: { milestoneId } })).id);

beforeAll(async () => {
  c = await createContract({
    billingMode: "FIXED",
    milestones: [
      { title: "Saisie du premier trimestre", amountCents: 60000, dueDate: "2026-12-15" },
      { title: "Classement des archives", amountCents: 20000, dueDate: "2027-01-15" },
      { title: "Relances clients", amountCents: 10000, dueDate: "2027-02-15" },
    ],
  });
  await giveLegalDetails(c.business.organization.id);
  await giveInvoicingIdentity({ userId: c.secretary.id });
  await simulatedBillingAccount(c.business.organization.id, { card: "pm_card_visa" });
  await simulatedPayee(h, { userId: c.secretary.id });
  await h.flush();
});

describe("funding up front", () => {
  it("each milestone of an ACTIVE contract is charged once, and held until approval", async () => {
    const run = await runPayments(NOW);
    expect(run).toMatchObject({ funded: 3, charged: 3, allocated: 0 });
    await h.flush();
    for (const m of await milestones()) {
      const payment = await paymentFor(m.id);
      expect(payment).toMatchObject({ kind: "MILESTONE", status: "SUCCEEDED", amountCents: m.amountCents });
      expect(payment.payouts).toHaveLength(0);
    }
    expect((await runPayments(NOW)).funded).toBe(0);
    expect(accountTotals(await db.ledgerEntry.findMany({ where: { contractId: c.contract.id } }))).toEqual({
      stripe: 90000,
      escrow: -90000,
    });
  });

  it("a repeated charge call (crash after Stripe answered) creates no second PaymentIntent", async () => {
    const [first] = await milestones();
    const payment = await paymentFor(first!.id);
    expect(await chargePayment(payment.id)).toBe("NOTHING_TO_DO");
    const intents = await getStripe().paymentIntents.list({
      customer: (
        await db.billingAccount.findUniqueOrThrow({ where: { organizationId: c.business.organization.id } })
      ).stripeCustomerId,
    });
    expect(intents.data.filter((i) => i.metadata?.paymentId === payment.id)).toHaveLength(1);
  });
});

describe("release", () => {
  it("on approval: invoices, then the transfer with source_transaction; the fee stays", async () => {
    const [first] = await milestones();
    await db.milestone.update({
      where: { id: first!.id },
      data: {
        status: "APPROVED",
        submittedAt: new Date(NOW.getTime() - DAY),
        submittedById: c.secretary.id,
        reviewedAt: NOW,
        reviewedById: c.business.id,
      },
    });
    const run = await runPayments(NOW);
    expect(run).toMatchObject({ allocated: 1, released: { sent: 1 } });
    const payment = await paymentFor(first!.id);
    expect(payment.payouts[0]).toMatchObject({ amountCents: 54000, feeCents: 6000, status: "SENT" });
    const transfer = await getStripe().transfers.retrieve(payment.payouts[0]!.stripeTransferId!);
    expect(transfer).toMatchObject({
      amount: 54000,
      source_transaction: payment.stripeChargeId,
      transfer_group: c.contract.id,
    });
    expect(await db.invoice.count({ where: { paymentId: payment.id } })).toBe(2);
    await expectLedgerBalanced(c.contract.id);
  });

  it("on automatic approval after the review window, through the work domain's job", async () => {
    const [, second] = await milestones();
    await db.milestone.update({
      where: { id: second!.id },
      data: {
        status: "SUBMITTED",
        submittedAt: new Date(NOW.getTime() - 8 * DAY),
        submittedById: c.secretary.id,
      },
    });
    expect(await autoApproveDueWork(NOW)).toBe(1);
    expect((await runPayments(NOW)).released.sent).toBe(1);
    expect((await paymentFor(second!.id)).payouts[0]!.status).toBe("SENT");
  });
});

describe("refund before release, and reconciliation", () => {
  it("a milestone not approved yet is refunded from escrow, no reversal", async () => {
    const staff = await createStaff();
    const [, , third] = await milestones();
    const payment = await paymentFor(third!.id);
    const result = await refundPayment({
      actorId: staff.id,
      input: { paymentId: payment.id, amountCents: 10000 },
    });
    expect(result.reversedCents).toBe(0);
    await h.flush();
    expect((await paymentFor(third!.id)).refundedCents).toBe(10000);
    // Two released milestones: their fees stay at Stripe as revenue; nothing left in escrow.
    expect(accountTotals(await db.ledgerEntry.findMany({ where: { contractId: c.contract.id } }))).toEqual({
      stripe: 8000,
      revenue: -8000,
    });
    expect(await reconcilePayments()).toEqual([]);
  });

  it("refuses a refund beyond what is left, or by a non-staff member, changing nothing", async () => {
    const [first] = await milestones();
    const payment = await paymentFor(first!.id);
    await expect(
      refundPayment({ actorId: c.business.id, input: { paymentId: payment.id, amountCents: 100 } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const staff = await createStaff();
    await expect(
      refundPayment({ actorId: staff.id, input: { paymentId: payment.id, amountCents: 60001 } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await paymentFor(first!.id)).refundedCents).toBe(0);
  });

  it("the reconciliation command: exit 0 when the books agree, 1 and the difference when a row disagrees", async () => {
    expect(await reconcileCommand()).toMatchObject({
      status: 0,
      stdout: expect.stringContaining("aucun écart"),
    });
    const [first] = await milestones();
    const payout = (await paymentFor(first!.id)).payouts[0]!;
    await db.payout.update({ where: { id: payout.id }, data: { reversedCents: 100 } });
    const differences = await reconcilePayments();
    expect(differences).toEqual([
      { subject: `payout ${payout.id}`, field: "reversed", ours: 100, stripe: 0 },
    ]);
    const run = await reconcileCommand();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`payout ${payout.id} — reversed : chez nous 100, chez Stripe 0`);
    await db.payout.update({ where: { id: payout.id }, data: { reversedCents: 0 } });
  }, 60_000);
});

describe("a VAT-registered payee", () => {
  it("funding charges the milestone TTC; her invoice, the transfer and the ledger follow it", async () => {
    const v = await createContract({
      billingMode: "FIXED",
      milestones: [{ title: "Bilan social", amountCents: 50000, dueDate: "2026-12-20" }],
    });
    await giveLegalDetails(v.business.organization.id);
    await simulatedBillingAccount(v.business.organization.id, { card: "pm_card_visa" });
    await simulatedPayee(h, { userId: v.secretary.id });
    await h.flush();
    expect((await runPayments(NOW)).funded).toBe(0); // no invoicing identity yet: VAT unknown, it waits
    await giveInvoicingIdentity({ userId: v.secretary.id }, { vat: true });
    expect(await runPayments(NOW)).toMatchObject({ funded: 1, charged: 1 });
    await h.flush();
    const [m] = await db.milestone.findMany({ where: { contractId: v.contract.id } });
    const funded = await paymentFor(m!.id);
    expect(funded).toMatchObject({
      status: "SUCCEEDED",
      workAmountCents: 50000,
      amountCents: 60000,
      feeCents: 5000,
    });
    const intent = await getStripe().paymentIntents.retrieve(funded.stripePaymentIntentId!);
    expect(intent.amount).toBe(60000);

    await db.milestone.update({
      where: { id: m!.id },
      data: { status: "APPROVED", submittedAt: NOW, submittedById: v.secretary.id, reviewedAt: NOW },
    });
    expect(await runPayments(NOW)).toMatchObject({ allocated: 1, released: { sent: 1 } });
    const paid = await paymentFor(m!.id);
    // Her invoice: 500 € HT + 100 € TVA; the commission (50 € TTC) is deducted from the TTC.
    expect(paid.payouts[0]).toMatchObject({ workAmountCents: 60000, feeCents: 5000, amountCents: 55000 });
    const invoices = await db.invoice.findMany({ where: { paymentId: paid.id } });
    expect(
      invoices.map((i) => [i.issuerKey, i.totalExclTaxCents, i.vatCents, i.totalInclTaxCents]).sort(),
    ).toEqual(
      [
        ["platform", 4167, 833, 5000],
        [`user:${v.secretary.id}`, 50000, 10000, 60000],
      ].sort(),
    );
    const transfer = await getStripe().transfers.retrieve(paid.payouts[0]!.stripeTransferId!);
    expect(transfer.amount).toBe(55000);
    await expectLedgerBalanced(v.contract.id);
    expect(accountTotals(await db.ledgerEntry.findMany({ where: { contractId: v.contract.id } }))).toEqual({
      stripe: 5000,
      revenue: -5000,
    });
  });
});

describe("a payee whose VAT status changed between funding and approval", () => {
  it("the allocation is refused: no invoice numbered, no payout, staff settle it", async () => {
    const x = await createContract({
      billingMode: "FIXED",
      milestones: [{ title: "Inventaire", amountCents: 30000, dueDate: "2026-12-20" }],
    });
    await giveLegalDetails(x.business.organization.id);
    await giveInvoicingIdentity({ userId: x.secretary.id });
    await simulatedBillingAccount(x.business.organization.id, { card: "pm_card_visa" });
    await simulatedPayee(h, { userId: x.secretary.id });
    await runPayments(NOW);
    await h.flush();
    const [m] = await db.milestone.findMany({ where: { contractId: x.contract.id } });
    expect((await paymentFor(m!.id)).amountCents).toBe(30000);
    await db.invoicingIdentity.update({
      where: { userId: x.secretary.id },
      data: { vatExempt: false, vatNumber: "FR75512345679" },
    });
    await db.milestone.update({
      where: { id: m!.id },
      data: { status: "APPROVED", submittedAt: NOW, submittedById: x.secretary.id, reviewedAt: NOW },
    });
    expect((await runPayments(NOW)).allocated).toBe(0);
    const payment = await paymentFor(m!.id);
    expect(payment.payouts).toHaveLength(0);
    expect(await db.invoice.count({ where: { contractId: x.contract.id } })).toBe(0);
    await expectLedgerBalanced(x.contract.id);
  });
});
