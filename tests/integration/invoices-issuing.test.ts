import { describe, expect, it } from "vitest";
import { issueCreditNote } from "#app/domain/billing/credit-notes.server";
import { periodPayeesOf } from "#app/domain/billing/invoice-lines";
import { issueMilestoneInvoices, issuePeriodInvoices } from "#app/domain/billing/invoice-issuing.server";
import { nextInvoiceNumber } from "#app/domain/billing/invoice-numbering.server";
import { buildMonthlyStatement } from "#app/domain/work/statement.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { createContract } from "#tests/factories/contracts";
import {
  createInvoicedContract,
  giveInvoicingIdentity,
  giveLegalDetails,
  taskLine,
  timeLine,
} from "#tests/factories/invoices";
import { addReplacement, createEntry } from "#tests/factories/work";

const rowsOf = (issuerKey: string) =>
  db.invoice.findMany({
    where: { issuerKey },
    orderBy: { sequence: "asc" },
    select: { sequence: true, number: true, kind: true },
  });

describe("numbering", () => {
  it("numbers each issuer's documents 1, 2, 3… in its own series", async () => {
    const a = await createInvoicedContract();
    await createInvoicedContract({ contract: { secretary: undefined } });
    const issuer = a.work.issuerKey;
    const again = await db.$transaction((tx) =>
      issuePeriodInvoices(tx, {
        contractId: a.contract.id,
        month: "2026-12",
        payees: [{ payeeKey: a.payeeKey, lines: [timeLine("2026-12-02", 60)], feeCents: 300 }],
        issuedAt: new Date("2027-01-01T09:00:00Z"),
      }),
    );
    expect((await rowsOf(issuer)).map((r) => r.number)).toEqual(["F-2026-000001", "F-2027-000002"]);
    expect(again.invoices[0]!.number).toBe("F-2027-000002");
    // The platform's series is shared by every payee's commission invoice.
    expect((await rowsOf("platform")).map((r) => r.sequence)).toEqual([1, 2, 3]);
  });

  it("a rolled-back transaction leaves no hole", async () => {
    const a = await createInvoicedContract();
    const failing = db.$transaction(async (tx) => {
      await issuePeriodInvoices(tx, {
        contractId: a.contract.id,
        month: "2026-12",
        payees: [{ payeeKey: a.payeeKey, lines: [timeLine("2026-12-02", 60)], feeCents: 300 }],
      });
      throw new Error("Stripe a refusé le prélèvement");
    });
    await expect(failing).rejects.toThrow("Stripe");
    const next = await db.$transaction((tx) =>
      nextInvoiceNumber(tx, a.work.issuerKey, "INVOICE", new Date("2026-12-31T12:00:00Z")),
    );
    expect(next).toEqual({ sequence: 2, number: "F-2026-000002" });
    expect(await db.invoice.count({ where: { issuerKey: a.work.issuerKey } })).toBe(1);
  });

  it("concurrent issuing in one process gives unique, consecutive numbers", async () => {
    const issuerKey = "user:concurrent-test";
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.$transaction((tx) => nextInvoiceNumber(tx, issuerKey, "INVOICE", new Date())),
      ),
    );
    expect(numbers.map((n) => n.sequence).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it("concurrent closes of several contracts keep every series gap-free", async () => {
    const contracts = await Promise.all([1, 2, 3].map(() => createInvoicedContract()));
    await Promise.all(
      contracts.map((c) =>
        db.$transaction((tx) =>
          issuePeriodInvoices(tx, {
            contractId: c.contract.id,
            month: "2026-12",
            payees: [{ payeeKey: c.payeeKey, lines: [timeLine("2026-12-02", 60)], feeCents: 300 }],
          }),
        ),
      ),
    );
    const platform = (await rowsOf("platform")).map((r) => r.sequence);
    expect(platform).toEqual(Array.from({ length: platform.length }, (_, i) => i + 1));
  });
});

describe("issuing a period", () => {
  it("an EI without VAT: 0 % VAT, and the platform's VAT-inclusive commission", async () => {
    const c = await createInvoicedContract();
    expect(c.work).toMatchObject({ totalExclTaxCents: 10500, vatCents: 0, totalInclTaxCents: 10500 });
    expect(c.commission).toMatchObject({
      issuerKey: "platform",
      totalExclTaxCents: 875,
      vatCents: 175,
      totalInclTaxCents: 1050,
    });
    expect(c.result.chargeCents).toBe(10500);
    expect(c.result.payees).toEqual([
      { payeeKey: c.payeeKey, workInclTaxCents: 10500, feeCents: 1050, netCents: 9450 },
    ]);
    const row = await db.invoice.findUniqueOrThrow({ where: { id: c.work.id } });
    expect(row.issuer).toMatchObject({
      legalName: "Claire Morel",
      individual: true,
      vatExempt: true,
      vatNumber: null,
    });
    expect(row.client).toMatchObject({ legalName: "Cabinet Martin SELARL", siret: "84123456000024" });
    expect(row.periodStart.toISOString().slice(0, 10)).toBe("2026-11-01");
    expect(row.periodEnd.toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(row.dueDate.toISOString().slice(0, 10)).toBe("2026-12-16");
    expect(row.lines).toEqual([
      expect.objectContaining({
        quantity: 2,
        unit: "HOUR",
        unitPriceCents: 3000,
        vatRateBps: 0,
        totalCents: 6000,
      }),
      expect.objectContaining({
        quantity: 1.5,
        unit: "HOUR",
        unitPriceCents: 3000,
        vatRateBps: 0,
        totalCents: 4500,
      }),
    ]);
  });

  it("a company with VAT: 20 % on top, charged to the business and passed to the payee", async () => {
    const c = await createInvoicedContract({ vat: true, lines: [taskLine("2026-11-04", 33, 150)] });
    expect(c.work).toMatchObject({ totalExclTaxCents: 4950, vatCents: 990, totalInclTaxCents: 5940 });
    expect(c.result.chargeCents).toBe(5940);
    expect(c.result.payees[0]).toMatchObject({ feeCents: 495, netCents: 5445 });
  });

  it("is idempotent per payment: a retried close returns the same invoices", async () => {
    const c = await createInvoicedContract({ paymentId: "pay_retry" });
    const retry = await db.$transaction((tx) =>
      issuePeriodInvoices(tx, {
        contractId: c.contract.id,
        month: "2026-11",
        paymentId: "pay_retry",
        payees: [{ payeeKey: c.payeeKey, lines: [timeLine("2026-11-03", 120)], feeCents: 600 }],
      }),
    );
    expect(retry.invoices.map((i) => i.id).sort()).toEqual(c.result.invoices.map((i) => i.id).sort());
    expect(retry.payees).toEqual(c.result.payees);
    expect(await db.invoice.count({ where: { paymentId: "pay_retry" } })).toBe(2);
  });

  it("refuses without the billing mandate or the payee's invoicing identity, numbering nothing", async () => {
    const c = await createContract();
    await giveLegalDetails(c.business.organization.id);
    const issue = () =>
      db.$transaction((tx) =>
        issuePeriodInvoices(tx, {
          contractId: c.contract.id,
          month: "2026-11",
          payees: [
            { payeeKey: `user:${c.secretary.id}`, lines: [timeLine("2026-11-03", 60)], feeCents: 300 },
          ],
        }),
      );
    await expect(issue()).rejects.toMatchObject({ code: "CONFLICT" });
    await db.contract.update({ where: { id: c.contract.id }, data: { mandateAcceptedAt: null } });
    await giveInvoicingIdentity({ userId: c.secretary.id });
    await expect(issue()).rejects.toThrow(/mandat de facturation/);
    expect(await db.invoiceCounter.count({ where: { issuerKey: `user:${c.secretary.id}` } })).toBe(0);
  });

  it("rejects malformed input with VALIDATION", async () => {
    const bad = db.$transaction((tx) =>
      issuePeriodInvoices(tx, { contractId: "x", month: "novembre", payees: [] } as never),
    );
    await expect(bad).rejects.toBeInstanceOf(DomainError);
    await expect(bad).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("builds the lines from the monthly statement: the secretary and her replacement each invoice their own work", async () => {
    const c = await createContract({ billingMode: "HOURLY", hourlyRateCents: 3600 });
    await giveLegalDetails(c.business.organization.id);
    await giveInvoicingIdentity({ userId: c.secretary.id });
    const lea = await addReplacement(c.contract.id, {
      replacesId: c.primaryAssigneeId,
      startsOn: "2026-11-16",
      endsOn: "2026-11-20",
      createdById: c.business.id,
    });
    await giveInvoicingIdentity({ userId: lea.user.id }, { legalName: "Léa Roux" });
    await createEntry({
      contractId: c.contract.id,
      assigneeId: c.primaryAssigneeId,
      date: "2026-11-03",
      minutes: 120,
      unitPriceCents: 3600,
      status: "APPROVED",
    });
    await createEntry({
      contractId: c.contract.id,
      assigneeId: lea.assigneeId,
      date: "2026-11-17",
      minutes: 60,
      unitPriceCents: 3600,
      status: "APPROVED",
    });
    await createEntry({
      contractId: c.contract.id,
      assigneeId: lea.assigneeId,
      date: "2026-11-18",
      minutes: 60,
      unitPriceCents: 3600,
    });
    const { statement } = await buildMonthlyStatement({
      actorId: c.business.id,
      contractId: c.contract.id,
      month: "2026-11",
    });
    const result = await db.$transaction((tx) =>
      issuePeriodInvoices(tx, {
        contractId: c.contract.id,
        month: "2026-11",
        payees: periodPayeesOf(statement),
      }),
    );
    const work = result.invoices.filter((i) => i.role === "WORK");
    expect(work.map((w) => [w.issuerKey, w.totalInclTaxCents]).sort()).toEqual(
      [
        [`user:${c.secretary.id}`, 7200],
        [`user:${lea.user.id}`, 3600],
      ].sort(),
    );
    expect(result.payees.reduce((s, p) => s + p.feeCents, 0)).toBe(statement.totals.feeCents);
    expect(result.payees.reduce((s, p) => s + p.netCents, 0)).toBe(statement.totals.netCents);
  });
});

describe("milestones", () => {
  it("invoices an approved milestone to the business, with the commission", async () => {
    const c = await createContract({ billingMode: "FIXED" });
    await giveLegalDetails(c.business.organization.id);
    await giveInvoicingIdentity({ userId: c.secretary.id });
    const milestone = await db.milestone.findFirstOrThrow({ where: { contractId: c.contract.id } });
    await db.milestone.update({
      where: { id: milestone.id },
      data: {
        status: "APPROVED",
        submittedAt: new Date("2026-12-10T10:00:00Z"),
        reviewedAt: new Date("2026-12-12T10:00:00Z"),
      },
    });
    const result = await db.$transaction((tx) =>
      issueMilestoneInvoices(tx, {
        contractId: c.contract.id,
        milestoneId: milestone.id,
        payeeKey: `user:${c.secretary.id}`,
        feeCents: 6000,
      }),
    );
    expect(result.chargeCents).toBe(60000);
    expect(result.payees[0]).toMatchObject({ netCents: 54000 });
    const row = await db.invoice.findUniqueOrThrow({ where: { id: result.invoices[0]!.id } });
    expect(row.lines).toEqual([
      expect.objectContaining({
        description: "Jalon : Saisie du premier trimestre",
        unit: "LUMP_SUM",
        totalCents: 60000,
      }),
    ]);
    expect(row.periodStart.toISOString().slice(0, 10)).toBe("2026-12-10");
    expect(row.periodEnd.toISOString().slice(0, 10)).toBe("2026-12-12");
  });
});

describe("credit notes", () => {
  it("a full credit note mirrors the invoice with negative amounts and the next number of the series", async () => {
    const c = await createInvoicedContract({ vat: true });
    const note = await db.$transaction((tx) =>
      issueCreditNote(tx, { invoiceId: c.work.id, reason: "Remboursement" }),
    );
    expect(note).toMatchObject({
      number: "AV-2026-000002",
      totalExclTaxCents: -10500,
      vatCents: -2100,
      totalInclTaxCents: -12600,
    });
    const row = await db.invoice.findUniqueOrThrow({ where: { id: note.id } });
    expect(row).toMatchObject({
      kind: "CREDIT_NOTE",
      correctsId: c.work.id,
      issuerKey: c.work.issuerKey,
      sequence: 2,
    });
    await expect(
      db.$transaction((tx) =>
        issueCreditNote(tx, { invoiceId: c.work.id, amountCents: 1, reason: "Encore" }),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("partial credit notes credit exactly the amount asked, never more than what remains", async () => {
    const c = await createInvoicedContract({ vat: true });
    const first = await db.$transaction((tx) =>
      issueCreditNote(tx, { invoiceId: c.work.id, amountCents: 6000, reason: "Geste commercial" }),
    );
    expect(first).toMatchObject({ totalExclTaxCents: -5000, vatCents: -1000, totalInclTaxCents: -6000 });
    await expect(
      db.$transaction((tx) =>
        issueCreditNote(tx, { invoiceId: c.work.id, amountCents: 6601, reason: "Trop" }),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const rest = await db.$transaction((tx) =>
      issueCreditNote(tx, { invoiceId: c.work.id, reason: "Solde" }),
    );
    expect(rest.totalInclTaxCents).toBe(-6600);
    const commissionNote = await db.$transaction((tx) =>
      issueCreditNote(tx, { invoiceId: c.commission.id, reason: "Commission remboursée" }),
    );
    expect(commissionNote).toMatchObject({
      issuerKey: "platform",
      totalInclTaxCents: -c.commission.totalInclTaxCents,
    });
  });

  it("a credit note of a credit note, or of an unknown id, is not found", async () => {
    const c = await createInvoicedContract();
    const note = await db.$transaction((tx) =>
      issueCreditNote(tx, { invoiceId: c.work.id, amountCents: 100, reason: "x" }),
    );
    for (const invoiceId of [note.id, "nope"])
      await expect(
        db.$transaction((tx) => issueCreditNote(tx, { invoiceId, reason: "x" })),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
