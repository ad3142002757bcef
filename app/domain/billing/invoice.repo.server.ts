// The only file of app/domain/billing that touches Prisma. Invoices are inserted, never updated.
import type { Db, Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import type { InvoiceKind, PartySnapshot, PayeeKey } from "./invoice.schema";

type Client = Db | Tx;

export async function findContractForInvoicing(tx: Client, contractId: string) {
  const contract = await tx.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      organizationId: true,
      mandateAcceptedAt: true,
      startDate: true,
      platformFeeBps: true,
      mission: { select: { title: true } },
      organization: {
        select: {
          name: true,
          legalName: true,
          siret: true,
          vatNumber: true,
          addressLine: true,
          postcode: true,
          commune: true,
        },
      },
    },
  });
  if (!contract) throw new DomainError("NOT_FOUND", "Ce contrat est introuvable.");
  return contract;
}
export type InvoicingContract = Awaited<ReturnType<typeof findContractForInvoicing>>;

/** The business a contract bills, frozen as the client of the payees' invoices. */
export function clientOf(contract: InvoicingContract): PartySnapshot {
  const org = contract.organization;
  return {
    key: `organization:${contract.organizationId}`,
    legalName: org.legalName ?? org.name,
    siret: org.siret,
    vatNumber: org.vatNumber,
    vatExempt: false,
    addressLine: org.addressLine ?? "",
    postcode: org.postcode ?? "",
    commune: org.commune ?? "",
    individual: false,
  };
}

/** The payee's invoicing identity (filled on her payments page), or a CONFLICT saying what is missing. */
export async function findPayeeIdentity(tx: Client, payeeKey: PayeeKey): Promise<PartySnapshot> {
  const [kind, id] = payeeKey.split(":") as ["user" | "agency", string];
  const identity = await tx.invoicingIdentity.findUnique({
    where: kind === "user" ? { userId: id } : { organizationId: id },
    select: {
      legalName: true,
      siret: true,
      vatNumber: true,
      vatExempt: true,
      addressLine: true,
      postcode: true,
      commune: true,
    },
  });
  if (!identity)
    throw new DomainError("CONFLICT", "L’identité de facturation du prestataire n’est pas renseignée.", {
      payeeKey,
    });
  const vatExempt = identity.vatExempt || !identity.vatNumber;
  return {
    key: payeeKey,
    ...identity,
    vatNumber: vatExempt ? null : identity.vatNumber,
    vatExempt,
    individual: kind === "user",
  };
}

export type NewInvoice = {
  issuerKey: string;
  sequence: number;
  number: string;
  kind: InvoiceKind;
  contractId: string | null;
  paymentId: string | null;
  correctsId: string | null;
  issuedAt: Date;
  periodStart: Date;
  periodEnd: Date;
  dueDate: Date;
  issuer: PartySnapshot;
  client: PartySnapshot;
  lines: unknown[];
  totalExclTaxCents: number;
  vatCents: number;
  totalInclTaxCents: number;
};

/** `clientKey` is the client snapshot's key, so lists query who an invoice is addressed to. */
export const insertInvoice = (tx: Tx, data: NewInvoice) =>
  tx.invoice.create({
    data: { ...data, clientKey: data.client.key, lines: data.lines as object[] },
    select: invoiceSelect,
  });

export const invoiceSelect = {
  id: true,
  issuerKey: true,
  sequence: true,
  number: true,
  kind: true,
  contractId: true,
  paymentId: true,
  correctsId: true,
  issuedAt: true,
  periodStart: true,
  periodEnd: true,
  dueDate: true,
  issuer: true,
  client: true,
  clientKey: true,
  lines: true,
  totalExclTaxCents: true,
  vatCents: true,
  totalInclTaxCents: true,
} as const;

export const findInvoicesOfPayment = (tx: Client, paymentId: string) =>
  tx.invoice.findMany({
    where: { paymentId, kind: "INVOICE" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: invoiceSelect,
  });

export const findInvoiceRow = (tx: Client, id: string) =>
  tx.invoice.findUnique({ where: { id }, select: invoiceSelect });

export const findNumber = async (tx: Client, id: string | null) =>
  id ? ((await tx.invoice.findUnique({ where: { id }, select: { number: true } }))?.number ?? null) : null;

/** TTC already credited on an invoice (credit notes store negative amounts). */
export async function creditedCents(tx: Client, invoiceId: string): Promise<number> {
  const sum = await tx.invoice.aggregate({
    where: { correctsId: invoiceId, kind: "CREDIT_NOTE" },
    _sum: { totalInclTaxCents: true },
  });
  return -(sum._sum.totalInclTaxCents ?? 0);
}

export async function findMilestoneForInvoicing(tx: Client, contractId: string, milestoneId: string) {
  const milestone = await tx.milestone.findFirst({
    where: { id: milestoneId, contractId },
    select: { id: true, title: true, amountCents: true, status: true, submittedAt: true, reviewedAt: true },
  });
  if (!milestone) throw new DomainError("NOT_FOUND", "Ce jalon est introuvable.");
  return milestone;
}
