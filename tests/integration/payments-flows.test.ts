// Whole money flows against the real simulator through the real SDK, its webhooks delivered to the
// real routes: a month charged by card and split between a secretary and her replacement, a crash
// between a Stripe call and the database write, a payee not ready, duplicates and reordering,
// failed SEPA debit and retry, insufficient funds, partial refund after release, a dispute —
// with the ledger balanced and reconciled after each.
import { beforeAll, describe, expect, it } from "vitest";
import { releaseKey, releasePayment } from "#app/domain/payments/payment-release.server";
import { runPayments } from "#app/domain/payments/payments-job.server";
import { reconcilePayments } from "#app/domain/payments/reconciliation.server";
import { db } from "#app/lib/db.server";
import { getStripe } from "#app/lib/stripe.server";
import { createContract } from "#tests/factories/contracts";
import { giveInvoicingIdentity, giveLegalDetails } from "#tests/factories/invoices";
import { deliverToWebhookRoutes } from "#tests/factories/payees";
import {
  expectLedgerBalanced,
  paymentRow,
  simulatedBillingAccount,
  simulatedPayee,
} from "#tests/factories/payments";
import { addReplacement, createEntry } from "#tests/factories/work";
// Not a React hook: renamed so the hooks lint rule does not mistake it for one.
import { useStripeSimulator as startStripeSimulator } from "#tests/setup/stripe-simulator";

const h = await startStripeSimulator();
deliverToWebhookRoutes(h);

const NOW = new Date("2026-11-29T12:00:00Z");

async function hourlyContract(opts: { replacement?: boolean } = {}) {
  const c = await createContract({ billingMode: "HOURLY", startDate: "2026-09-01" });
  await giveLegalDetails(c.business.organization.id);
  await giveInvoicingIdentity({ userId: c.secretary.id });
  await createEntry({
    contractId: c.contract.id,
    assigneeId: c.primaryAssigneeId,
    date: "2026-10-06",
    minutes: 240,
    status: "APPROVED",
  });
  if (!opts.replacement) return { ...c, lea: null };
  const lea = await addReplacement(c.contract.id, {
    replacesId: c.primaryAssigneeId,
    startsOn: "2026-10-20",
    endsOn: "2026-10-24",
    createdById: c.business.id,
  });
  await giveInvoicingIdentity({ userId: lea.user.id }, { legalName: "Léa Roux" });
  await createEntry({
    contractId: c.contract.id,
    assigneeId: lea.assigneeId,
    date: "2026-10-21",
    minutes: 60,
    status: "APPROVED",
  });
  return { ...c, lea };
}

async function paymentOf(contractId: string) {
  return paymentRow((await db.payment.findFirstOrThrow({ where: { contractId } })).id);
}

/** No difference between our rows and Stripe for this contract's payments (others may be tampered on purpose). */
async function expectReconciled(contractId: string) {
  await h.flush();
  const payments = await db.payment.findMany({ where: { contractId }, include: { payouts: true } });
  const subjects = new Set(
    payments.flatMap((p) => [`payment ${p.id}`, ...p.payouts.map((o) => `payout ${o.id}`)]),
  );
  expect((await reconcilePayments()).filter((d) => subjects.has(d.subject))).toEqual([]);
}

describe("a month charged by card and split between a secretary and her replacement", () => {
  let c: Awaited<ReturnType<typeof hourlyContract>>;
  beforeAll(async () => {
    c = await hourlyContract({ replacement: true });
    await simulatedBillingAccount(c.business.organization.id, { card: "pm_card_visa" });
    await simulatedPayee(h, { userId: c.secretary.id });
    await simulatedPayee(h, { userId: c.lea!.user.id });
  });

  it("closes, charges, and transfers each her share only after payment_intent.succeeded", async () => {
    const run = await runPayments(NOW);
    expect(run).toMatchObject({ closed: 1, charged: 1 });
    const before = await paymentOf(c.contract.id);
    expect(before.status).toBe("PENDING");
    expect(before.payouts.every((p) => p.status === "PENDING")).toBe(true);
    h.duplicateNext(3);
    await h.flush();
    const after = await paymentOf(c.contract.id);
    expect(after.status).toBe("SUCCEEDED");
    expect(after.payouts.map((p) => [p.payeeUserId, p.amountCents, p.status]).sort()).toEqual(
      [
        [c.secretary.id, 10800, "SENT"],
        [c.lea!.user.id, 2700, "SENT"],
      ].sort(),
    );
    const transfers = await getStripe().transfers.list({ transfer_group: c.contract.id });
    expect(transfers.data.map((t) => t.amount).sort((a, b) => a - b)).toEqual([2700, 10800]);
    expect(transfers.data.every((t) => t.source_transaction === after.stripeChargeId)).toBe(true);
    await expectLedgerBalanced(c.contract.id);
    await expectReconciled(c.contract.id);
  });

  it("a partial refund after release: refund plus proportional reversals, the platform bears its fee share", async () => {
    const { refundPayment } = await import("#app/domain/payments/payment-refunds.server");
    const staff = await db.user.create({
      data: {
        id: crypto.randomUUID(),
        email: `staff-${crypto.randomUUID()}@exemple.fr`,
        displayName: "Modé",
        passwordHash: "x",
        kind: "STAFF",
        role: "MODERATOR",
      },
    });
    const payment = await paymentOf(c.contract.id);
    const result = await refundPayment({
      actorId: staff.id,
      input: { paymentId: payment.id, amountCents: 3000 },
    });
    // 3 000 × 10 800 / 15 000 = 2 160 ; 3 000 × 2 700 / 15 000 = 540.
    expect(result.reversedCents).toBe(2700);
    const row = await paymentOf(c.contract.id);
    expect(row.refundedCents).toBe(3000);
    expect(row.payouts.map((p) => p.reversedCents).sort((a, b) => a - b)).toEqual([540, 2160]);
    await expectLedgerBalanced(c.contract.id);
    await expectReconciled(c.contract.id);
  });
});

describe("crash between the Stripe call and the database write", () => {
  it("the retry gets the same transfer back and records it once", async () => {
    const c = await hourlyContract();
    await simulatedBillingAccount(c.business.organization.id, { card: "pm_card_visa" });
    const acct = await simulatedPayee(h, { userId: c.secretary.id }, true);
    await h.flush(); // account.updated delivered first, so the "not ready" below sticks
    await db.payoutAccount.update({ where: { stripeAccountId: acct }, data: { transfersActive: false } });
    await runPayments(NOW);
    await h.flush(); // succeeded, but the payee looks not ready: nothing sent
    const payment = await paymentOf(c.contract.id);
    const payout = payment.payouts[0]!;
    expect(payout.status).toBe("PENDING");
    // The "crashed" attempt: the transfer reached Stripe, the process died before writing it.
    const first = await getStripe().transfers.create(
      {
        amount: payout.amountCents,
        currency: "eur",
        destination: acct,
        source_transaction: payment.stripeChargeId!,
        transfer_group: c.contract.id,
        metadata: { paymentId: payment.id, payoutId: payout.id, payeeKey: payout.payeeKey },
      },
      { idempotencyKey: releaseKey(payment.id, payout.payeeKey) },
    );
    await db.payoutAccount.update({ where: { stripeAccountId: acct }, data: { transfersActive: true } });
    expect(await releasePayment(payment.id)).toEqual({ sent: 1, waiting: 0, failed: 0 });
    expect(await releasePayment(payment.id)).toEqual({ sent: 0, waiting: 0, failed: 0 });
    expect((await paymentOf(c.contract.id)).payouts[0]!.stripeTransferId).toBe(first.id);
    expect((await getStripe().transfers.list({ transfer_group: c.contract.id })).data).toHaveLength(1);
    await expectLedgerBalanced(c.contract.id);
    await expectReconciled(c.contract.id);
  });
});

describe("a payee not ready, a restricted one", () => {
  it("her payout waits, and the job sends it once Stripe says she is ready", async () => {
    const c = await hourlyContract();
    await simulatedBillingAccount(c.business.organization.id, { card: "pm_card_visa" });
    const acct = await simulatedPayee(h, { userId: c.secretary.id }, false);
    await runPayments(NOW);
    await h.flush();
    expect((await paymentOf(c.contract.id)).payouts[0]!.status).toBe("PENDING");
    h.sim.completeOnboarding(acct);
    await h.flush(); // account.updated → the Connect route → ready
    expect((await runPayments(NOW)).released.sent).toBe(1);
    expect((await paymentOf(c.contract.id)).payouts[0]!.status).toBe("SENT");
    await expectLedgerBalanced(c.contract.id);
  });

  it("Stripe refuses the transfer (restricted account): nothing recorded, retried later", async () => {
    const c = await hourlyContract();
    await simulatedBillingAccount(c.business.organization.id, { card: "pm_card_visa" });
    const acct = await simulatedPayee(h, { userId: c.secretary.id });
    h.sim.restrictAccount(acct);
    await runPayments(NOW);
    await h.flush(); // our row still says ready: the route has not applied the restriction yet if reordered
    await db.payoutAccount.update({ where: { stripeAccountId: acct }, data: { transfersActive: true } });
    const outcome = await releasePayment((await paymentOf(c.contract.id)).id);
    expect(outcome).toEqual({ sent: 0, waiting: 0, failed: 1 });
    expect((await paymentOf(c.contract.id)).payouts[0]!.status).toBe("PENDING");
    await expectLedgerBalanced(c.contract.id);
  });
});

describe("insufficient balance", () => {
  it("a charge refunded at Stripe before the transfer: Stripe refuses it, the payout waits, reconcile reports it", async () => {
    const c = await hourlyContract();
    await simulatedBillingAccount(c.business.organization.id, { card: "pm_card_visa" });
    const acct = await simulatedPayee(h, { userId: c.secretary.id }, false);
    await runPayments(NOW);
    await h.flush();
    const payment = await paymentOf(c.contract.id);
    // Refunded from Stripe's dashboard, outside the app: nothing left on the charge to transfer.
    await getStripe().refunds.create({ charge: payment.stripeChargeId! });
    h.sim.completeOnboarding(acct);
    await h.flush();
    expect(await releasePayment(payment.id)).toEqual({ sent: 0, waiting: 0, failed: 1 });
    expect((await paymentOf(c.contract.id)).payouts[0]!.status).toBe("PENDING");
    await expectLedgerBalanced(c.contract.id);
    const differences = await reconcilePayments();
    expect(differences).toContainEqual(
      expect.objectContaining({ subject: `payment ${payment.id}`, field: "ledger stripe balance" }),
    );
  });
});

describe("failed debits", () => {
  it("insufficient funds on the card: FAILED at once, the business flagged and told, no transfer", async () => {
    const c = await hourlyContract();
    await simulatedBillingAccount(c.business.organization.id, {
      card: "pm_card_chargeDeclinedInsufficientFunds",
    });
    await simulatedPayee(h, { userId: c.secretary.id });
    await runPayments(NOW);
    await h.flush();
    const payment = await paymentOf(c.contract.id);
    expect(payment.status).toBe("FAILED");
    expect(payment.payouts[0]!.status).toBe("PENDING");
    const billing = await db.billingAccount.findUniqueOrThrow({
      where: { organizationId: c.business.organization.id },
    });
    expect(billing.paymentFailedAt).not.toBeNull();
    // Nothing is charged again until a new method is saved.
    expect((await runPayments(NOW)).charged).toBe(0);
    await expectLedgerBalanced(c.contract.id);
  });

  it("SEPA: processing, then rejected; a new IBAN saved → charged again and paid out", async () => {
    const { replaceMethod } = await import("#tests/factories/payments");
    const c = await hourlyContract();
    await simulatedBillingAccount(c.business.organization.id, { iban: "FR8420041010050500013M02607" });
    await simulatedPayee(h, { userId: c.secretary.id });
    await runPayments(NOW);
    await h.flush();
    expect((await paymentOf(c.contract.id)).status).toBe("PROCESSING");
    h.reorderNext();
    await h.clock.advance(3 * 60_000);
    await h.flush();
    expect((await paymentOf(c.contract.id)).status).toBe("FAILED");
    await replaceMethod(c.business.organization.id, { iban: "FR1420041010050500013M02606" });
    expect((await runPayments(NOW)).charged).toBe(1);
    await h.flush();
    await h.clock.advance(3 * 60_000);
    await h.flush();
    const payment = await paymentOf(c.contract.id);
    expect(payment.status).toBe("SUCCEEDED");
    expect(payment.payouts[0]!.status).toBe("SENT");
    await expectLedgerBalanced(c.contract.id);
    await expectReconciled(c.contract.id);
  });
});

describe("disputes", () => {
  it("charge.dispute.created puts the contract in DISPUTED; the ledger follows the money", async () => {
    const c = await hourlyContract();
    await simulatedBillingAccount(c.business.organization.id, { card: "pm_card_visa" });
    await simulatedPayee(h, { userId: c.secretary.id });
    await runPayments(NOW);
    await h.flush();
    const payment = await paymentOf(c.contract.id);
    h.sim.openDispute(payment.stripeChargeId!);
    await h.flush();
    expect((await db.contract.findUniqueOrThrow({ where: { id: c.contract.id } })).status).toBe("DISPUTED");
    expect((await paymentOf(c.contract.id)).disputedAt).not.toBeNull();
    await expectLedgerBalanced(c.contract.id);
  });
});

describe("work approved after its month was closed", () => {
  it("is billed by a second payment of the month: invoiced, charged and paid out like the first", async () => {
    const c = await hourlyContract();
    await simulatedBillingAccount(c.business.organization.id, { card: "pm_card_visa" });
    await simulatedPayee(h, { userId: c.secretary.id });
    const disputed = await createEntry({
      contractId: c.contract.id,
      assigneeId: c.primaryAssigneeId,
      date: "2026-10-08",
      minutes: 60,
      status: "DISPUTED",
    });
    await runPayments(NOW);
    await h.flush();
    await db.workEntry.update({ where: { id: disputed.id }, data: { status: "APPROVED", reviewedAt: NOW } });
    expect(await runPayments(NOW)).toMatchObject({ closed: 1, charged: 1 });
    await h.flush();
    const payments = await db.payment.findMany({
      where: { contractId: c.contract.id },
      include: { payouts: true },
      orderBy: { sequence: "asc" },
    });
    expect(payments.map((p) => [p.periodMonth, p.sequence, p.amountCents, p.status])).toEqual([
      ["2026-10", 1, 12000, "SUCCEEDED"],
      ["2026-10", 2, 3000, "SUCCEEDED"],
    ]);
    expect(payments.flatMap((p) => p.payouts.map((o) => [o.amountCents, o.status]))).toEqual([
      [10800, "SENT"],
      [2700, "SENT"],
    ]);
    const transfers = await getStripe().transfers.list({ transfer_group: c.contract.id });
    expect(transfers.data.map((t) => t.amount).sort((a, b) => a - b)).toEqual([2700, 10800]);
    expect(await runPayments(NOW)).toMatchObject({ closed: 0, charged: 0 });
    await expectLedgerBalanced(c.contract.id);
    await expectReconciled(c.contract.id);
  });
});
