// Invoicing identities, billed businesses and issued invoices, written through the real issuing
// use cases (app/domain/billing) inside a real transaction, as payments calls them.
import { issuePeriodInvoices } from "#app/domain/billing/invoice-issuing.server";
import type { PayeeKey } from "#app/domain/billing/invoice.schema";
import type { StatementLine } from "#app/domain/work/statement";
import { db } from "#app/lib/db.server";
import { createContract, type ContractSpec } from "#tests/factories/contracts";

/** An EI without VAT (franchise en base) by default; `vat: true` gives a company with a VAT number. */
export async function giveInvoicingIdentity(
  owner: { userId: string } | { organizationId: string },
  options: { vat?: boolean; legalName?: string } = {},
) {
  const vat = options.vat ?? false;
  return db.invoicingIdentity.create({
    data: {
      ...owner,
      legalName: options.legalName ?? (vat ? "Morel Secrétariat SARL" : "Claire Morel"),
      siret: vat ? "51234567900017" : "81234567600017",
      vatNumber: vat ? "FR75512345679" : null,
      vatExempt: !vat,
      addressLine: "12 rue des Lilas",
      postcode: "69003",
      commune: "Lyon",
    },
  });
}

/** The business's legal details, as its organisation page fills them. */
export async function giveLegalDetails(organizationId: string) {
  await db.organization.update({
    where: { id: organizationId },
    data: {
      legalName: "Cabinet Martin SELARL",
      siret: "84123456000024",
      vatNumber: "FR81841234560",
      addressLine: "3 place Bellecour",
      postcode: "69002",
      commune: "Lyon",
    },
  });
}

export function timeLine(
  date: string,
  minutes: number,
  hourlyRateCents = 3000,
  description = "Permanence téléphonique",
): StatementLine {
  return {
    kind: "TIME",
    sourceId: `time-${date}-${minutes}-${Math.random().toString(36).slice(2, 8)}`,
    date,
    item: null,
    description,
    minutes,
    quantity: null,
    unitPriceCents: hourlyRateCents,
    amountCents: Math.round((minutes * hourlyRateCents) / 60),
    autoApproved: false,
  };
}

export function taskLine(
  date: string,
  quantity: number,
  unitPriceCents = 150,
  item = "CALL_ANSWERED",
): StatementLine {
  return {
    kind: "TASK",
    sourceId: `task-${date}-${quantity}-${Math.random().toString(36).slice(2, 8)}`,
    date,
    item,
    description: "",
    minutes: null,
    quantity,
    unitPriceCents,
    amountCents: quantity * unitPriceCents,
    autoApproved: false,
  };
}

/**
 * A contract whose secretary has an invoicing identity and whose business has its legal details,
 * with November 2026 invoiced: 2 h + 1 h 30 of time (105 €), fee 10,50 € (unless `lines` given).
 */
export async function createInvoicedContract(
  options: {
    vat?: boolean;
    lines?: StatementLine[];
    contract?: ContractSpec;
    issuedAt?: Date;
    paymentId?: string;
  } = {},
) {
  const c = await createContract(options.contract);
  await giveInvoicingIdentity({ userId: c.secretary.id }, { vat: options.vat });
  await giveLegalDetails(c.business.organization.id);
  const lines = options.lines ?? [timeLine("2026-11-03", 120), timeLine("2026-11-05", 90)];
  const amount = lines.reduce((sum, l) => sum + l.amountCents, 0);
  const payeeKey: PayeeKey = `user:${c.secretary.id}`;
  const result = await db.$transaction((tx) =>
    issuePeriodInvoices(tx, {
      contractId: c.contract.id,
      month: "2026-11",
      paymentId: options.paymentId,
      payees: [{ payeeKey, lines, feeCents: Math.round(amount / 10) }],
      issuedAt: options.issuedAt ?? new Date("2026-12-01T08:00:00Z"),
    }),
  );
  const work = result.invoices.find((i) => i.role === "WORK")!;
  const commission = result.invoices.find((i) => i.role === "COMMISSION")!;
  return { ...c, result, work, commission, payeeKey };
}
