// Gap-free numbering: one continuous series per issuer ("user:<id>", "agency:<orgId>", "platform"),
// shared by its invoices and credit notes. The counter row is incremented by ONE atomic statement
// inside the caller's transaction: a rolled-back transaction takes its number back with it, and two
// transactions can never read the same value (SQLite serialises writers; the upsert is one statement).
import type { Tx } from "#app/lib/db.server";
import type { InvoiceKind } from "./invoice.schema";

/** "F-2026-000042" (invoice) / "AV-2026-000043" (credit note): kind, Paris year of issue, sequence. */
export function formatInvoiceNumber(kind: InvoiceKind, issuedAt: Date, sequence: number): string {
  const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric" }).format(
    issuedAt,
  );
  const prefix = kind === "CREDIT_NOTE" ? "AV" : "F";
  return `${prefix}-${year}-${String(sequence).padStart(6, "0")}`;
}

/** The next sequence of `issuerKey`'s series (1 for its first document). */
export async function nextSequence(tx: Tx, issuerKey: string): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number | bigint }[]>`
    INSERT INTO "InvoiceCounter" ("issuerKey", "last") VALUES (${issuerKey}, 1)
    ON CONFLICT ("issuerKey") DO UPDATE SET "last" = "last" + 1
    RETURNING "last"`;
  const last = rows[0]?.last;
  if (last === undefined) throw new Error(`No invoice counter for ${issuerKey}`);
  return Number(last);
}

export async function nextInvoiceNumber(tx: Tx, issuerKey: string, kind: InvoiceKind, issuedAt: Date) {
  const sequence = await nextSequence(tx, issuerKey);
  return { sequence, number: formatInvoiceNumber(kind, issuedAt, sequence) };
}
