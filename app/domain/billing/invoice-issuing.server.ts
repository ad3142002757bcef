// Issuing invoices inside the caller's transaction (payments' month close and milestone release):
// per payee, her invoice to the business under the billing mandate, then the platform's invoice to
// her for its commission. See README.md for the rules chosen where the law leaves a choice.
import { parisToday } from "#app/domain/missions/schedule";
import type { StatementLine } from "#app/domain/work/statement";
import { formatMonth, storedDay } from "#app/domain/work/work-dates";
import type { Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { splitInclusive, STANDARD_VAT_BPS, totalsOf, type InvoiceTotals } from "./invoice-amounts";
import { commissionLine, workLine } from "./invoice-lines";
import { issueDocument, type Draft } from "./invoice-documents.server";
import {
  clientOf,
  findContractForInvoicing,
  findInvoicesOfPayment,
  findMilestoneForInvoicing,
  findPayeeIdentity,
  type InvoicingContract,
} from "./invoice.repo.server";
import type { InvoiceLine, PartySnapshot, PayeeKey } from "./invoice.schema";
import {
  issueInput,
  milestoneInput,
  periodInput,
  type MilestoneIssueInput,
  type PeriodIssueInput,
} from "./issuing.schema";
import { platformIdentity } from "./platform-identity.server";

export type IssuedInvoice = {
  id: string;
  number: string;
  issuerKey: string;
  role: "WORK" | "COMMISSION";
  payeeKey: PayeeKey;
} & InvoiceTotals;

export type IssueResult = {
  invoices: IssuedInvoice[];
  /** What the business is charged: the payees' invoices TTC. */
  chargeCents: number;
  payees: { payeeKey: PayeeKey; workInclTaxCents: number; feeCents: number; netCents: number }[];
};

type Context = {
  tx: Tx;
  contract: InvoicingContract;
  paymentId: string | null;
  issuedAt: Date;
  periodStart: Date;
  periodEnd: Date;
  about: string;
};

async function issueOne(ctx: Context, draft: Draft) {
  const { tx, contract, paymentId, issuedAt, periodStart, periodEnd } = ctx;
  return issueDocument(tx, draft, { issuedAt, periodStart, periodEnd, contractId: contract.id, paymentId });
}

function commissionDraft(payee: PartySnapshot, feeCents: number, about: string): Draft {
  const platform = platformIdentity();
  const { exclTaxCents, vatCents } = splitInclusive(feeCents, STANDARD_VAT_BPS);
  const lines: InvoiceLine[] = [commissionLine(exclTaxCents, STANDARD_VAT_BPS, about)];
  return {
    issuerKey: "platform",
    kind: "INVOICE",
    correctsId: null,
    issuer: platform,
    client: payee,
    lines,
    totalExclTaxCents: exclTaxCents,
    vatCents,
    totalInclTaxCents: feeCents,
  };
}

async function issueForPayee(ctx: Context, payeeKey: PayeeKey, lines: StatementLine[], feeCents: number) {
  const issuer = await findPayeeIdentity(ctx.tx, payeeKey);
  const rate = issuer.vatExempt ? 0 : STANDARD_VAT_BPS;
  const workLines = lines.map((line) => workLine(line, rate));
  const work = await issueOne(ctx, {
    issuerKey: payeeKey,
    kind: "INVOICE",
    correctsId: null,
    issuer,
    client: clientOf(ctx.contract),
    lines: workLines,
    ...totalsOf(workLines),
  });
  const issued: IssuedInvoice[] = [{ ...summary(work), role: "WORK", payeeKey }];
  if (feeCents > 0) {
    const commission = await issueOne(ctx, commissionDraft(issuer, feeCents, ctx.about));
    issued.push({ ...summary(commission), role: "COMMISSION", payeeKey });
  }
  return issued;
}

const summary = (row: { id: string; number: string; issuerKey: string } & InvoiceTotals) => ({
  id: row.id,
  number: row.number,
  issuerKey: row.issuerKey,
  totalExclTaxCents: row.totalExclTaxCents,
  vatCents: row.vatCents,
  totalInclTaxCents: row.totalInclTaxCents,
});

function resultOf(invoices: IssuedInvoice[]): IssueResult {
  const work = invoices.filter((i) => i.role === "WORK");
  return {
    invoices,
    chargeCents: work.reduce((sum, i) => sum + i.totalInclTaxCents, 0),
    payees: work.map((w) => {
      const feeCents = invoices
        .filter((i) => i.role === "COMMISSION" && i.payeeKey === w.payeeKey)
        .reduce((sum, i) => sum + i.totalInclTaxCents, 0);
      return {
        payeeKey: w.payeeKey,
        workInclTaxCents: w.totalInclTaxCents,
        feeCents,
        netCents: w.totalInclTaxCents - feeCents,
      };
    }),
  };
}

/** Invoices already issued for this payment (a retried close): rebuilt from the rows, nothing new. */
async function alreadyIssued(tx: Tx, paymentId: string | undefined): Promise<IssueResult | null> {
  if (!paymentId) return null;
  const rows = await findInvoicesOfPayment(tx, paymentId);
  if (rows.length === 0) return null;
  const payeeOf = (row: (typeof rows)[number]) =>
    (row.issuerKey === "platform" ? (row.client as PartySnapshot).key : row.issuerKey) as PayeeKey;
  return resultOf(
    rows.map((row) => ({
      ...summary(row),
      role: row.issuerKey === "platform" ? "COMMISSION" : "WORK",
      payeeKey: payeeOf(row),
    })),
  );
}

async function openContract(tx: Tx, contractId: string) {
  const contract = await findContractForInvoicing(tx, contractId);
  if (!contract.mandateAcceptedAt)
    throw new DomainError(
      "CONFLICT",
      "Le prestataire n’a pas accepté le mandat de facturation de ce contrat.",
    );
  return contract;
}

async function issueAll(
  ctx: Context,
  payees: { payeeKey: PayeeKey; lines: StatementLine[]; feeCents: number }[],
) {
  const invoices: IssuedInvoice[] = [];
  for (const payee of payees) {
    if (payee.lines.length === 0) continue;
    invoices.push(...(await issueForPayee(ctx, payee.payeeKey, payee.lines, payee.feeCents)));
  }
  return resultOf(invoices);
}

/** A month of approved work (HOURLY, PER_TASK): one invoice per payee + the platform's commission invoices. */
export async function issuePeriodInvoices(tx: Tx, input: PeriodIssueInput): Promise<IssueResult> {
  const { contractId, month, paymentId, payees, issuedAt } = issueInput(periodInput, input);
  const existing = await alreadyIssued(tx, paymentId);
  if (existing) return existing;
  const contract = await openContract(tx, contractId);
  const { periodStart, periodEnd, label } = monthPeriod(month);
  const about = `${contract.mission.title}, ${label}`;
  const ctx = { tx, contract, paymentId: paymentId ?? null, issuedAt, periodStart, periodEnd, about };
  return issueAll(ctx, payees);
}

/** An approved milestone (FIXED): the deliverer's invoice for it + the platform's commission invoice. */
export async function issueMilestoneInvoices(tx: Tx, input: MilestoneIssueInput): Promise<IssueResult> {
  const { contractId, milestoneId, paymentId, payeeKey, feeCents, issuedAt } = issueInput(
    milestoneInput,
    input,
  );
  const existing = await alreadyIssued(tx, paymentId);
  if (existing) return existing;
  const contract = await openContract(tx, contractId);
  const milestone = await findMilestoneForInvoicing(tx, contractId, milestoneId);
  const dayOf = (instant: Date | null) => storedDay(parisToday(instant ?? issuedAt))!;
  const line: StatementLine = {
    kind: "MILESTONE",
    sourceId: milestone.id,
    date: parisToday(milestone.reviewedAt ?? issuedAt),
    item: milestone.title,
    description: milestone.title,
    minutes: null,
    quantity: 1,
    unitPriceCents: milestone.amountCents,
    amountCents: milestone.amountCents,
    autoApproved: false,
  };
  const periodStart = dayOf(milestone.submittedAt ?? contract.startDate);
  const periodEnd = dayOf(milestone.reviewedAt);
  const about = `${contract.mission.title}, jalon « ${milestone.title} »`;
  const ctx = {
    tx,
    contract,
    paymentId: paymentId ?? null,
    issuedAt,
    periodStart,
    periodEnd: periodEnd < periodStart ? periodStart : periodEnd,
    about,
  };
  return issueAll(ctx, [{ payeeKey, lines: [line], feeCents }]);
}

function monthPeriod(month: string) {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const periodStart = new Date(Date.UTC(year, m - 1, 1));
  const periodEnd = new Date(Date.UTC(year, m, 0));
  return { periodStart, periodEnd, label: formatMonth(month) };
}

export { issueCreditNote } from "./credit-notes.server";
