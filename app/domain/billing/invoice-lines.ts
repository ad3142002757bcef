// Invoice lines from the monthly statement (app/domain/work/statement.ts), and the commission line.
// Pure: the statement's amounts are taken as they are, never recomputed.
import { taskTypeLabels } from "#app/domain/profiles/taxonomy";
import type { MonthlyStatement, StatementLine } from "#app/domain/work/statement";
import { formatDate } from "#app/lib/dates";
import { hoursOf } from "./invoice-amounts";
import type { InvoiceLine, PayeeKey } from "./invoice.schema";

const dayLabel = (isoDay: string) => formatDate(`${isoDay}T12:00:00Z`);

function taskLabel(code: string | null): string {
  return (code && taskTypeLabels[code as keyof typeof taskTypeLabels]) || code || "Tâche";
}

/** One invoice line per approved statement line, at the issuer's VAT rate. */
export function workLine(line: StatementLine, vatRateBps: number): InvoiceLine {
  const base = { unitPriceCents: line.unitPriceCents, vatRateBps, totalCents: line.amountCents };
  if (line.kind === "TIME")
    return {
      ...base,
      description: `${dayLabel(line.date)} — ${line.description}`,
      quantity: hoursOf(line.minutes ?? 0),
      unit: "HOUR",
    };
  if (line.kind === "TASK") {
    const note = line.description && line.description !== line.item ? ` : ${line.description}` : "";
    return {
      ...base,
      description: `${dayLabel(line.date)} — ${taskLabel(line.item)}${note}`,
      quantity: line.quantity ?? 1,
      unit: "UNIT",
    };
  }
  return { ...base, description: `Jalon : ${line.item ?? line.description}`, quantity: 1, unit: "LUMP_SUM" };
}

/** The commission line of the platform's invoice to a payee (HT; the fee itself is TTC). */
export function commissionLine(exclTaxCents: number, vatRateBps: number, about: string): InvoiceLine {
  return {
    description: `Commission de service Permanence — ${about}`,
    quantity: 1,
    unit: "LUMP_SUM",
    unitPriceCents: exclTaxCents,
    vatRateBps,
    totalCents: exclTaxCents,
  };
}

export type PeriodPayee = { payeeKey: PayeeKey; lines: StatementLine[]; feeCents: number };

/**
 * The statement grouped by who is paid: each person alone ("user:<id>"), or several agency members
 * under their agency ("agency:<orgId>") when `payeeKeyOf` says so. Lines stay in date order.
 */
export function periodPayeesOf(
  statement: MonthlyStatement,
  payeeKeyOf: (userId: string) => PayeeKey = (userId) => `user:${userId}`,
): PeriodPayee[] {
  const byKey = new Map<PayeeKey, PeriodPayee>();
  for (const person of statement.payees) {
    const payeeKey = payeeKeyOf(person.userId);
    const group = byKey.get(payeeKey) ?? { payeeKey, lines: [], feeCents: 0 };
    group.lines.push(...person.lines);
    group.feeCents += person.feeCents;
    byKey.set(payeeKey, group);
  }
  for (const group of byKey.values())
    group.lines.sort((a, b) => a.date.localeCompare(b.date) || a.sourceId.localeCompare(b.sourceId));
  return [...byKey.values()];
}
