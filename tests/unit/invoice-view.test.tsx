import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InvoiceView } from "#app/components/invoice-view";
import { commissionInvoice, companyInvoice, eiInvoice } from "./invoice-fixtures";

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[\s\u00A0\u202F]+/g, " ");

describe("invoice page", () => {
  it("shows the same mandatory mentions as the PDF", () => {
    const text = textOf(renderToStaticMarkup(<InvoiceView doc={eiInvoice} />));
    for (const mention of [
      "Facture n° F-2026-000001",
      "Date d’émission : 1er décembre 2026",
      "du 1er novembre 2026 au 30 novembre 2026",
      "Date d’échéance : 16 décembre 2026",
      "Claire Morel EI",
      "SIREN 812 345 676 — SIRET 812 345 676 00017",
      "TVA non applicable, art. 293 B du CGI",
      "Cabinet Martin SELARL",
      "SIREN 841 234 560",
      "Prix unitaire HT",
      "Total HT",
      "Total TTC",
      "1 911,00 €",
      "trois fois le taux d’intérêt légal",
      "40 €",
      "Facture établie par Permanence au nom et pour le compte de Claire Morel EI",
    ])
      expect(text).toContain(mention);
  });

  it("a company with VAT and the platform's own invoice", () => {
    expect(textOf(renderToStaticMarkup(<InvoiceView doc={companyInvoice} />))).toContain(
      "N° TVA intracommunautaire : FR75512345679",
    );
    const platform = textOf(renderToStaticMarkup(<InvoiceView doc={commissionInvoice} />));
    expect(platform).toContain("Permanence SAS, SAS au capital de 10 000 €, RCS Paris 912 345 675");
    expect(platform).not.toContain("au nom et pour le compte");
  });
});
