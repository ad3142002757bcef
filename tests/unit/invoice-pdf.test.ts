import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "#app/domain/billing/invoice-pdf.server";
import type { InvoiceDocument } from "#app/domain/billing/invoice.schema";
import { commissionInvoice, companyInvoice, creditNote, eiInvoice } from "./invoice-fixtures";
import { pdfText } from "./invoice-pdf-text";

const textOf = async (doc: InvoiceDocument) => pdfText(await renderInvoicePdf(doc, { compress: false }));

const common = [
  "Facture n° F-2026-000001",
  "Date d’émission : 1er décembre 2026",
  "Période de la prestation : du 1er novembre 2026 au 30 novembre 2026",
  "Date d’échéance : 16 décembre 2026",
  "12 rue des Lilas",
  "69003 Lyon",
  "Cabinet Martin SELARL",
  "3 place Bellecour",
  "69002 Lyon",
  "SIREN 841 234 560",
  "Description",
  "Qté",
  "Prix unit. HT",
  "TVA",
  "Total HT",
  "Total TTC",
  "trois fois le taux d’intérêt légal",
  "Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : 40 €",
];

describe("invoice PDF", () => {
  it("is a real PDF, compressed by default", async () => {
    const pdf = await renderInvoicePdf(eiInvoice);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/FlateDecode");
    expect(pdf.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
  });

  it("embeds its fonts (DejaVu Sans subsets with ToUnicode maps), as PDF/A-3b requires", async () => {
    const source = (await renderInvoicePdf(eiInvoice, { compress: false })).toString("latin1");
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect((source.match(/\/FontFile2 /g) ?? []).length).toBe(2);
    expect((source.match(/\/ToUnicode /g) ?? []).length).toBe(2);
    expect(source).not.toContain("/Helvetica");
  });

  it("reads back from the compressed PDF once its streams are inflated (as the e2e test does)", async () => {
    const pdf = await renderInvoicePdf(eiInvoice);
    const source = pdf.toString("latin1");
    const inflated = [...source.matchAll(/stream\r?\n/g)].flatMap((match) => {
      const start = match.index + match[0].length;
      try {
        return [zlib.inflateSync(pdf.subarray(start, source.indexOf("endstream", start)))];
      } catch {
        return [];
      }
    });
    const text = pdfText(Buffer.concat(inflated));
    expect(text).toContain("Facture établie par Permanence au nom et pour le compte de Claire Morel EI");
    expect(text).toContain("Total TTC");
  });

  it("prints characters beyond Latin-1 as they are", async () => {
    const text = await textOf({
      ...eiInvoice,
      lines: [{ ...eiInvoice.lines[0]!, description: "Œuvre — ½ journée, Łódź, Ελλάδα" }],
    });
    expect(text).toContain("Œuvre — ½ journée, Łódź, Ελλάδα");
  });

  it("an EI without VAT: every mandatory mention", async () => {
    const text = await textOf(eiInvoice);
    for (const mention of [
      ...common,
      "Claire Morel EI",
      "SIREN 812 345 676 — SIRET 812 345 676 00017",
      "TVA non applicable, art. 293 B du CGI",
      "3 novembre 2026 — Permanence téléphonique",
      "2 h",
      "30,00 €",
      "0 %",
      "60,00 €",
      "1 234 u.",
      "1 851,00 €",
      "1 911,00 €",
      "Facture établie par Permanence au nom et pour le compte de Claire Morel EI",
    ])
      expect(text).toContain(mention);
    expect(text).not.toContain("?");
  });

  it("a company with VAT: its VAT number, 20 % and the TTC total", async () => {
    const text = await textOf(companyInvoice);
    for (const mention of [
      ...common,
      "Morel Secrétariat SARL",
      "N° TVA intracommunautaire : FR75512345679",
      "Jalon : Saisie du premier trimestre",
      "1 forfait",
      "20 %",
      "600,00 €",
      "120,00 €",
      "720,00 €",
      "Facture établie par Permanence au nom et pour le compte de Morel Secrétariat SARL",
    ])
      expect(text).toContain(mention);
    expect(text).not.toContain("293 B");
    expect(text).not.toContain("Morel Secrétariat SARL EI");
  });

  it("the platform's commission invoice: its own mentions, no mandate", async () => {
    const text = await textOf(commissionInvoice);
    for (const mention of [
      "Permanence SAS",
      "N° TVA intracommunautaire : FR65912345675",
      "SAS au capital de 10 000 €, RCS Paris 912 345 675",
      "Claire Morel EI",
      "8,75 €",
      "1,75 €",
      "10,50 €",
    ])
      expect(text).toContain(mention);
    expect(text).not.toContain("au nom et pour le compte");
  });

  it("a credit note says so and names the invoice it corrects", async () => {
    const text = await textOf(creditNote);
    for (const mention of [
      "Avoir n° AV-2026-000002",
      "Avoir rectifiant la facture n° F-2026-000001",
      "-60,00 €",
      "Avoir établi par Permanence au nom et pour le compte de",
    ])
      expect(text).toContain(mention);
  });

  it("long invoices flow onto more pages", async () => {
    const lines = Array.from({ length: 80 }, (_, i) => ({
      ...eiInvoice.lines[0]!,
      description: `Ligne ${i + 1}`,
    }));
    const pdf = await renderInvoicePdf({ ...eiInvoice, lines }, { compress: false });
    expect((pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
    expect(pdfText(pdf)).toContain("Ligne 80");
  });
});
