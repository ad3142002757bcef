// Two stored invoices as the pages read them: an EI without VAT invoicing a business under the
// billing mandate, and a company with VAT; plus the platform's commission invoice and a credit note.
import type { InvoiceDocument, PartySnapshot } from "#app/domain/billing/invoice.schema";

const business: PartySnapshot = {
  key: "organization:org1",
  legalName: "Cabinet Martin SELARL",
  siret: "84123456000024",
  vatNumber: "FR81841234560",
  vatExempt: false,
  addressLine: "3 place Bellecour",
  postcode: "69002",
  commune: "Lyon",
  individual: false,
};

const ei: PartySnapshot = {
  key: "user:u1",
  legalName: "Claire Morel",
  siret: "81234567600017",
  vatNumber: null,
  vatExempt: true,
  addressLine: "12 rue des Lilas",
  postcode: "69003",
  commune: "Lyon",
  individual: true,
};

const company: PartySnapshot = {
  ...ei,
  key: "agency:a1",
  legalName: "Morel Secrétariat SARL",
  siret: "51234567900017",
  vatNumber: "FR75512345679",
  vatExempt: false,
  individual: false,
};

const dates = {
  issuedAt: new Date("2026-12-01T08:00:00Z"),
  periodStart: new Date("2026-11-01T00:00:00Z"),
  periodEnd: new Date("2026-11-30T00:00:00Z"),
  dueDate: new Date("2026-12-16T00:00:00Z"),
};

export const eiInvoice: InvoiceDocument = {
  id: "inv1",
  number: "F-2026-000001",
  kind: "INVOICE",
  issuerKey: "user:u1",
  contractId: "c1",
  paymentId: null,
  correctsNumber: null,
  ...dates,
  issuer: ei,
  client: business,
  lines: [
    {
      description: "3 novembre 2026 — Permanence téléphonique",
      quantity: 2,
      unit: "HOUR",
      unitPriceCents: 3000,
      vatRateBps: 0,
      totalCents: 6000,
    },
    {
      description: "5 novembre 2026 — Appels pris",
      quantity: 1234,
      unit: "UNIT",
      unitPriceCents: 150,
      vatRateBps: 0,
      totalCents: 185100,
    },
  ],
  totalExclTaxCents: 191100,
  vatCents: 0,
  totalInclTaxCents: 191100,
};

export const companyInvoice: InvoiceDocument = {
  ...eiInvoice,
  id: "inv2",
  issuerKey: "agency:a1",
  issuer: company,
  lines: [
    {
      description: "Jalon : Saisie du premier trimestre",
      quantity: 1,
      unit: "LUMP_SUM",
      unitPriceCents: 60000,
      vatRateBps: 2000,
      totalCents: 60000,
    },
  ],
  totalExclTaxCents: 60000,
  vatCents: 12000,
  totalInclTaxCents: 72000,
};

export const commissionInvoice: InvoiceDocument = {
  ...eiInvoice,
  id: "inv3",
  issuerKey: "platform",
  issuer: {
    key: "platform",
    legalName: "Permanence SAS",
    siret: "91234567500017",
    vatNumber: "FR65912345675",
    vatExempt: false,
    addressLine: "10 rue de la Paix",
    postcode: "75002",
    commune: "Paris",
    individual: false,
    legalForm: "SAS au capital de 10 000 €",
    rcs: "RCS Paris",
  },
  client: ei,
  lines: [
    {
      description: "Commission de service Permanence — Accueil, novembre 2026",
      quantity: 1,
      unit: "LUMP_SUM",
      unitPriceCents: 875,
      vatRateBps: 2000,
      totalCents: 875,
    },
  ],
  totalExclTaxCents: 875,
  vatCents: 175,
  totalInclTaxCents: 1050,
};

export const creditNote: InvoiceDocument = {
  ...companyInvoice,
  id: "inv4",
  number: "AV-2026-000002",
  kind: "CREDIT_NOTE",
  correctsNumber: "F-2026-000001",
  lines: [
    {
      description: "Avoir : Remboursement partiel",
      quantity: 1,
      unit: "LUMP_SUM",
      unitPriceCents: -5000,
      vatRateBps: 2000,
      totalCents: -5000,
    },
  ],
  totalExclTaxCents: -5000,
  vatCents: -1000,
  totalInclTaxCents: -6000,
};
