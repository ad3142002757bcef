// Numbering and inserting one document (invoice or credit note) in the caller's transaction.
import { parisToday } from "#app/domain/missions/schedule";
import { storedDay } from "#app/domain/work/work-dates";
import type { Tx } from "#app/lib/db.server";
import type { InvoiceTotals } from "./invoice-amounts";
import { nextInvoiceNumber } from "./invoice-numbering.server";
import { insertInvoice, type NewInvoice } from "./invoice.repo.server";

/** Days between issue and due date (the business is charged at issue; see README.md). */
export const PAYMENT_TERM_DAYS = 15;

export type Draft = Pick<NewInvoice, "issuerKey" | "kind" | "issuer" | "client" | "lines" | "correctsId"> &
  InvoiceTotals;

/** The Paris day of issue + PAYMENT_TERM_DAYS, stored as a day (00:00 UTC) like every day column. */
export function dueDateOf(issuedAt: Date): Date {
  return new Date(storedDay(parisToday(issuedAt))!.getTime() + PAYMENT_TERM_DAYS * 86_400_000);
}

/** Numbers and inserts one document; the number is taken in the same transaction as the row. */
export async function issueDocument(
  tx: Tx,
  draft: Draft,
  when: {
    issuedAt: Date;
    periodStart: Date;
    periodEnd: Date;
    contractId: string | null;
    paymentId: string | null;
  },
) {
  const { sequence, number } = await nextInvoiceNumber(tx, draft.issuerKey, draft.kind, when.issuedAt);
  return insertInvoice(tx, { ...draft, ...when, sequence, number, dueDate: dueDateOf(when.issuedAt) });
}
