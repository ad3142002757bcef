import { describe, expect, it } from "vitest";
import { splitInclusive, totalsOf, vatOf } from "#app/domain/billing/invoice-amounts";
import { periodPayeesOf, workLine } from "#app/domain/billing/invoice-lines";
import { partyName, sirenOf, formatSiret, mandateMention } from "#app/domain/billing/invoice-mentions";
import { formatInvoiceNumber } from "#app/domain/billing/invoice-numbering.server";
import { mayViewInvoice, type InvoiceViewer } from "#app/domain/billing/invoice.policy";
import type { MonthlyStatement } from "#app/domain/work/statement";

describe("amounts", () => {
  it("VAT is rounded half up on the total HT, negative amounts symmetrically", () => {
    expect(vatOf(10000, 2000)).toBe(2000);
    expect(vatOf(2, 2000)).toBe(0);
    expect(vatOf(3, 2000)).toBe(1);
    expect(vatOf(-3, 2000)).toBe(-1);
    expect(vatOf(12345, 0)).toBe(0);
  });

  it("totals add the lines per rate", () => {
    const line = {
      description: "x",
      quantity: 1,
      unit: "UNIT" as const,
      unitPriceCents: 333,
      vatRateBps: 2000,
      totalCents: 333,
    };
    expect(totalsOf([line, line, line])).toEqual({
      totalExclTaxCents: 999,
      vatCents: 200,
      totalInclTaxCents: 1199,
    });
  });

  it("a TTC amount splits into HT + TVA that add up exactly, at the exact rate whenever possible", () => {
    for (let ttc = 0; ttc <= 5000; ttc++) {
      const { exclTaxCents, vatCents } = splitInclusive(ttc, 2000);
      expect(exclTaxCents + vatCents).toBe(ttc);
      expect(Math.abs(vatCents - vatOf(exclTaxCents, 2000))).toBeLessThanOrEqual(1);
    }
    expect(splitInclusive(1050, 2000)).toEqual({ exclTaxCents: 875, vatCents: 175 });
    expect(splitInclusive(1000, 0)).toEqual({ exclTaxCents: 1000, vatCents: 0 });
  });
});

describe("numbers and mentions", () => {
  it("numbers say the kind, the Paris year of issue and the sequence", () => {
    expect(formatInvoiceNumber("INVOICE", new Date("2026-12-31T23:30:00Z"), 42)).toBe("F-2027-000042");
    expect(formatInvoiceNumber("CREDIT_NOTE", new Date("2026-06-01T10:00:00Z"), 7)).toBe("AV-2026-000007");
  });

  it("an individual entrepreneur's name carries EI once; a company's is untouched", () => {
    expect(partyName({ legalName: "Claire Morel", individual: true })).toBe("Claire Morel EI");
    expect(partyName({ legalName: "Claire Morel EI", individual: true })).toBe("Claire Morel EI");
    expect(partyName({ legalName: "Claire Morel, entrepreneur individuel", individual: true })).toBe(
      "Claire Morel, entrepreneur individuel",
    );
    expect(partyName({ legalName: "Accueil SAS", individual: false })).toBe("Accueil SAS");
  });

  it("SIREN and SIRET are grouped the French way", () => {
    expect(sirenOf("81234567600017")).toBe("812 345 676");
    expect(formatSiret("81234567600017")).toBe("812 345 676 00017");
  });

  it("the mandate mention names the issuer, and only on invoices issued in a payee's name", () => {
    const issuer = {
      key: "user:u",
      legalName: "Léa Roux",
      siret: null,
      vatNumber: null,
      vatExempt: true,
      addressLine: "",
      postcode: "",
      commune: "",
      individual: true,
    };
    expect(mandateMention({ issuerKey: "user:u", kind: "INVOICE", issuer })).toBe(
      "Facture établie par Permanence au nom et pour le compte de Léa Roux EI",
    );
    expect(mandateMention({ issuerKey: "platform", kind: "INVOICE", issuer })).toBeNull();
  });
});

describe("lines from the statement", () => {
  const statement = {
    payees: [
      {
        userId: "a",
        lines: [
          {
            kind: "TIME",
            sourceId: "1",
            date: "2026-11-05",
            item: null,
            description: "Appels",
            minutes: 50,
            quantity: null,
            unitPriceCents: 3000,
            amountCents: 2500,
            autoApproved: false,
          },
        ],
        feeCents: 250,
      },
      {
        userId: "b",
        lines: [
          {
            kind: "TASK",
            sourceId: "2",
            date: "2026-11-03",
            item: "CALL_ANSWERED",
            description: "",
            minutes: null,
            quantity: 4,
            unitPriceCents: 150,
            amountCents: 600,
            autoApproved: false,
          },
        ],
        feeCents: 60,
      },
    ],
  } as unknown as MonthlyStatement;

  it("keeps the statement's amounts and says hours for time", () => {
    expect(workLine(statement.payees[0]!.lines[0]!, 0)).toEqual({
      description: "5 novembre 2026 — Appels",
      quantity: 0.83,
      unit: "HOUR",
      unitPriceCents: 3000,
      vatRateBps: 0,
      totalCents: 2500,
    });
  });

  it("groups agency members under the agency when asked, fees summed, lines in date order", () => {
    expect(periodPayeesOf(statement).map((p) => p.payeeKey)).toEqual(["user:a", "user:b"]);
    const [agency] = periodPayeesOf(statement, () => "agency:o");
    expect(agency).toMatchObject({ payeeKey: "agency:o", feeCents: 310 });
    expect(agency!.lines.map((l) => l.sourceId)).toEqual(["2", "1"]);
  });
});

describe("who may read an invoice", () => {
  const viewer = (over: Partial<InvoiceViewer>): InvoiceViewer => ({
    userId: "u",
    staff: false,
    businessOrgIds: [],
    agencyOrgIds: [],
    ...over,
  });
  const work = { issuerKey: "user:s", clientKey: "organization:b" };
  const commission = { issuerKey: "platform", clientKey: "user:s" };
  const agencyCommission = { issuerKey: "platform", clientKey: "agency:a" };

  it("follows the table", () => {
    const cases: [InvoiceViewer, boolean, boolean, boolean][] = [
      [viewer({ staff: true }), true, true, true],
      [viewer({ businessOrgIds: ["b"] }), true, false, false],
      [viewer({ userId: "s" }), true, true, false],
      [viewer({ agencyOrgIds: ["a"] }), false, false, true],
      [viewer({ businessOrgIds: ["other"] }), false, false, false],
    ];
    for (const [v, w, c, a] of cases) {
      expect(mayViewInvoice(v, work)).toBe(w);
      expect(mayViewInvoice(v, commission)).toBe(c);
      expect(mayViewInvoice(v, agencyCommission)).toBe(a);
    }
  });
});
