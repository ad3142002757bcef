// Month close for HOURLY and PER_TASK contracts (no Stripe call yet: the charge is its own step):
// which months close, the Payment and its payouts per payee, the invoices, the ledger.
import { beforeAll, describe, expect, it } from "vitest";
import { closeMonth } from "#app/domain/payments/payments-job.server";
import { db } from "#app/lib/db.server";
import { createContract } from "#tests/factories/contracts";
import { giveInvoicingIdentity, giveLegalDetails } from "#tests/factories/invoices";
import { expectLedgerBalanced, ledgerOf, paymentRow } from "#tests/factories/payments";
import { addReplacement, createEntry } from "#tests/factories/work";

const NOW = new Date("2026-11-29T12:00:00Z");

let c: Awaited<ReturnType<typeof createContract>>;
let lea: Awaited<ReturnType<typeof addReplacement>>;

beforeAll(async () => {
  c = await createContract({ billingMode: "HOURLY", startDate: "2026-09-01", hourlyRateCents: 3000 });
  await giveLegalDetails(c.business.organization.id);
  await giveInvoicingIdentity({ userId: c.secretary.id });
  lea = await addReplacement(c.contract.id, {
    replacesId: c.primaryAssigneeId,
    startsOn: "2026-10-20",
    endsOn: "2026-10-24",
    createdById: c.business.id,
  });
  await giveInvoicingIdentity({ userId: lea.user.id }, { legalName: "Léa Roux" });
  const entry = (
    assigneeId: string,
    date: string,
    minutes: number,
    status: "APPROVED" | "SUBMITTED" | "DISPUTED" = "APPROVED",
  ) => createEntry({ contractId: c.contract.id, assigneeId, date, minutes, status });
  await entry(c.primaryAssigneeId, "2026-10-06", 240); // 120 €
  await entry(c.primaryAssigneeId, "2026-10-07", 90); // 45 €
  await entry(lea.assigneeId, "2026-10-21", 61); // 30,50 €
  await entry(c.primaryAssigneeId, "2026-10-28", 60, "DISPUTED"); // not owed
  await entry(c.primaryAssigneeId, "2026-09-15", 60, "SUBMITTED"); // September still under review
  await entry(c.primaryAssigneeId, "2026-09-14", 60); // approved, but September waits
  await entry(c.primaryAssigneeId, "2026-11-03", 60); // the current month
});

describe("closeMonth", () => {
  it("closes October only: September has work under review, November is not over", async () => {
    const created = await closeMonth(NOW);
    expect(created).toHaveLength(1);
    const payment = await paymentRow(created[0]!);
    expect(payment).toMatchObject({
      kind: "PERIOD",
      periodMonth: "2026-10",
      status: "PENDING",
      workAmountCents: 19550,
    });
    // Fees per person: 16 500 → 1 650; 3 050 → 305 (half up).
    expect(payment.feeCents).toBe(1955);
    expect(payment.amountCents).toBe(19550); // both payees are VAT-exempt: TTC = HT
    expect(
      payment.payouts.map((p) => [p.payeeUserId, p.workAmountCents, p.feeCents, p.amountCents]).sort(),
    ).toEqual(
      [
        [c.secretary.id, 16500, 1650, 14850],
        [lea.user.id, 3050, 305, 2745],
      ].sort(),
    );
  });

  it("issues each payee's invoice and the platform's commission invoices for the payment", async () => {
    const payment = await db.payment.findFirstOrThrow({
      where: { contractId: c.contract.id, periodMonth: "2026-10" },
    });
    const invoices = await db.invoice.findMany({
      where: { paymentId: payment.id },
      orderBy: { issuerKey: "asc" },
    });
    expect(invoices.map((i) => [i.issuerKey, i.totalInclTaxCents]).sort()).toEqual(
      [
        ["platform", 1650],
        ["platform", 305],
        [`user:${c.secretary.id}`, 16500],
        [`user:${lea.user.id}`, 3050],
      ].sort(),
    );
  });

  it("writes a balanced ledger: the business owes the charge, each payee is owed her net, the fee is revenue", async () => {
    await expectLedgerBalanced(c.contract.id);
    const lines = (await ledgerOf(c.contract.id)).map((e) => [e.account, e.amountCents]);
    expect(lines.sort()).toEqual(
      [
        [`business:${c.business.organization.id}`, 19550],
        [`payable:user:${c.secretary.id}`, -14850],
        [`payable:user:${lea.user.id}`, -2745],
        ["revenue", -1955],
      ].sort(),
    );
  });

  it("a second run closes nothing more", async () => {
    expect(await closeMonth(NOW)).toEqual([]);
    expect(await db.payment.count({ where: { contractId: c.contract.id } })).toBe(1);
  });

  it("links each billed entry to its payment; disputed, submitted and other months' work stay unbilled", async () => {
    const [october] = await db.payment.findMany({ where: { contractId: c.contract.id } });
    const entries = await db.workEntry.findMany({ where: { contractId: c.contract.id } });
    const billed = entries.filter((e) => e.paymentId === october!.id).map((e) => e.workDate.toISOString());
    expect(billed.sort()).toEqual(
      ["2026-10-06", "2026-10-07", "2026-10-21"].map((d) => `${d}T00:00:00.000Z`),
    );
    expect(entries.filter((e) => e.paymentId === null)).toHaveLength(4);
    expect(october!.sequence).toBe(1);
  });

  it("October's disputed line approved later is billed once, by sequence 2, after the month's late work is reviewed", async () => {
    const disputed = await db.workEntry.findFirstOrThrow({
      where: { contractId: c.contract.id, status: "DISPUTED" },
    });
    const late = await createEntry({
      contractId: c.contract.id,
      assigneeId: c.primaryAssigneeId,
      date: "2026-10-30",
      minutes: 30,
      status: "SUBMITTED",
    });
    await db.workEntry.update({ where: { id: disputed.id }, data: { status: "APPROVED", reviewedAt: NOW } });
    expect(await closeMonth(NOW, c.contract.id)).toEqual([]); // October has work under review again
    await db.workEntry.update({ where: { id: late.id }, data: { status: "APPROVED", reviewedAt: NOW } });
    const [second] = await closeMonth(NOW, c.contract.id);
    const payment = await paymentRow(second!);
    expect(payment).toMatchObject({
      periodMonth: "2026-10",
      sequence: 2,
      workAmountCents: 4500,
      feeCents: 450,
    });
    expect(payment.amountCents).toBe(4500);
    expect(payment.payouts.map((p) => [p.payeeUserId, p.amountCents])).toEqual([[c.secretary.id, 4050]]);
    const billed = await db.workEntry.findMany({ where: { paymentId: second! }, select: { id: true } });
    expect(billed.map((e) => e.id).sort()).toEqual([disputed.id, late.id].sort());
    const invoices = await db.invoice.findMany({ where: { paymentId: second! } });
    expect(invoices.map((i) => [i.issuerKey, i.totalInclTaxCents]).sort()).toEqual(
      [
        ["platform", 450],
        [`user:${c.secretary.id}`, 4500],
      ].sort(),
    );
    await expectLedgerBalanced(c.contract.id);
    expect(await closeMonth(NOW, c.contract.id)).toEqual([]);
    // Every approved October minute invoiced exactly once: 16 500 + 3 050 + 3 000 + 1 500.
    const october = await db.payment.findMany({
      where: { contractId: c.contract.id, periodMonth: "2026-10" },
    });
    expect(october.map((p) => p.workAmountCents).reduce((a, b) => a + b)).toBe(24050);
  });

  it("September closes once its last entry is reviewed; a completed contract closes the current month too", async () => {
    await db.workEntry.updateMany({
      where: { contractId: c.contract.id, status: "SUBMITTED" },
      data: { status: "APPROVED", reviewedAt: NOW },
    });
    expect(await closeMonth(NOW)).toHaveLength(1);
    await db.contract.update({ where: { id: c.contract.id }, data: { status: "COMPLETED" } });
    const [november] = await closeMonth(NOW, c.contract.id);
    expect((await paymentRow(november!)).periodMonth).toBe("2026-11");
    await expectLedgerBalanced(c.contract.id);
  });

  it("a payee without invoicing identity: that month waits, nothing is written or numbered", async () => {
    const other = await createContract({ billingMode: "PER_TASK", startDate: "2026-09-01" });
    await createEntry({
      contractId: other.contract.id,
      assigneeId: other.primaryAssigneeId,
      date: "2026-10-05",
      kind: "TASK",
      quantity: 4,
      status: "APPROVED",
    });
    expect(await closeMonth(NOW, other.contract.id)).toEqual([]);
    expect(await db.payment.count({ where: { contractId: other.contract.id } })).toBe(0);
    expect(await db.invoice.count({ where: { contractId: other.contract.id } })).toBe(0);
    await giveInvoicingIdentity({ userId: other.secretary.id });
    expect(await closeMonth(NOW, other.contract.id)).toHaveLength(1);
  });
});
