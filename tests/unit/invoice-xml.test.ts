import { describe, expect, it } from "vitest";
import { invoiceXml } from "#app/domain/billing/invoice-xml.server";
import { commissionInvoice, companyInvoice, creditNote, eiInvoice } from "./invoice-fixtures";

/** The text of the first <ram:name> inside the first <ram:parent> (no XML parser needed for our own output). */
function inside(xml: string, parent: string): string {
  const match = new RegExp(`<(?:ram|rsm):${parent}>([\\s\\S]*?)</(?:ram|rsm):${parent}>`).exec(xml);
  if (!match) throw new Error(`No ram:${parent}`);
  return match[1]!;
}
const value = (xml: string, name: string) =>
  new RegExp(`<ram:${name}[^>]*>([^<]*)</ram:${name}>`).exec(xml)?.[1];

describe("CII XML (EN 16931)", () => {
  it("an EI without VAT: number, dates, parties, exemption, lines and totals", async () => {
    const xml = await invoiceXml(eiInvoice);
    expect(xml).toContain("<rsm:CrossIndustryInvoice");
    expect(xml).toContain("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>");
    const header = inside(xml, "ExchangedDocument");
    expect(value(header, "ID")).toBe("F-2026-000001");
    expect(value(header, "TypeCode")).toBe("380");
    expect(header).toContain(">20261201<");
    for (const note of [
      "TVA non applicable, art. 293 B du CGI",
      "trois fois le taux d’intérêt légal",
      "40 €",
      "Facture établie par Permanence au nom et pour le compte de Claire Morel EI",
    ])
      expect(header).toContain(note);
    const seller = inside(xml, "SellerTradeParty");
    expect(value(seller, "Name")).toBe("Claire Morel EI");
    expect(seller).toContain('<ram:ID schemeID="0002">812345676</ram:ID>');
    expect(seller).toContain("12 rue des Lilas");
    expect(seller).toContain('schemeID="FC">812345676<');
    const buyer = inside(xml, "BuyerTradeParty");
    expect(value(buyer, "Name")).toBe("Cabinet Martin SELARL");
    expect(buyer).toContain('<ram:ID schemeID="0002">841234560</ram:ID>');
    expect(buyer).toContain('schemeID="VA">FR81841234560<');
    const settlement = inside(xml, "ApplicableHeaderTradeSettlement");
    expect(value(settlement, "CategoryCode")).toBe("E");
    expect(value(settlement, "ExemptionReason")).toBe("TVA non applicable, art. 293 B du CGI");
    expect(settlement).toContain(">20261101<");
    expect(settlement).toContain(">20261130<");
    expect(inside(settlement, "SpecifiedTradePaymentTerms")).toContain(">20261216<");
    const sums = inside(xml, "SpecifiedTradeSettlementHeaderMonetarySummation");
    expect(value(sums, "TaxBasisTotalAmount")).toBe("1911.00");
    expect(value(sums, "TaxTotalAmount")).toBe("0.00");
    expect(value(sums, "GrandTotalAmount")).toBe("1911.00");
    expect(value(sums, "DuePayableAmount")).toBe("1911.00");
    expect(xml.match(/<ram:IncludedSupplyChainTradeLineItem>/g)).toHaveLength(2);
    expect(xml).toContain('<ram:BilledQuantity unitCode="HUR">2</ram:BilledQuantity>');
    expect(xml).toContain("<ram:ChargeAmount>30.00</ram:ChargeAmount>");
  });

  it("a company with VAT: its VAT number and 20 %", async () => {
    const xml = await invoiceXml(companyInvoice);
    const seller = inside(xml, "SellerTradeParty");
    expect(seller).toContain('schemeID="VA">FR75512345679<');
    const settlement = inside(xml, "ApplicableHeaderTradeSettlement");
    expect(value(settlement, "CategoryCode")).toBe("S");
    expect(value(settlement, "RateApplicablePercent")).toBe("20");
    expect(value(settlement, "CalculatedAmount")).toBe("120.00");
    expect(value(inside(xml, "SpecifiedTradeSettlementHeaderMonetarySummation"), "GrandTotalAmount")).toBe(
      "720.00",
    );
    expect(xml).not.toContain("293 B");
  });

  it("the platform's commission invoice names the platform as seller and the payee as buyer", async () => {
    const xml = await invoiceXml(commissionInvoice);
    expect(value(inside(xml, "SellerTradeParty"), "Name")).toBe("Permanence SAS");
    expect(value(inside(xml, "BuyerTradeParty"), "Name")).toBe("Claire Morel EI");
    expect(xml).not.toContain("au nom et pour le compte");
  });

  it("a credit note is type 381 with positive amounts and refers to the invoice it corrects", async () => {
    const xml = await invoiceXml(creditNote);
    expect(value(inside(xml, "ExchangedDocument"), "TypeCode")).toBe("381");
    expect(xml).toContain("F-2026-000001");
    expect(value(inside(xml, "SpecifiedTradeSettlementHeaderMonetarySummation"), "GrandTotalAmount")).toBe(
      "60.00",
    );
  });
});
