// The monthly statement as CSV for a spreadsheet: one row per approved line, then the subtotal,
// fee and net of each person. Semicolons and decimal commas, as French spreadsheets expect.
import { taskTypeLabels } from "#app/domain/profiles/taxonomy";
import type { MonthlyStatement, StatementLine } from "./statement";

const euros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  // Quote everything that could break a row, and neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const lineWhat = (line: StatementLine) =>
  line.kind === "TASK"
    ? (taskTypeLabels[line.item as keyof typeof taskTypeLabels] ?? line.item ?? "")
    : line.kind === "MILESTONE"
      ? (line.item ?? "")
      : "Temps";

const header = [
  "Secrétaire",
  "Date",
  "Nature",
  "Description",
  "Minutes",
  "Quantité",
  "Prix unitaire (€)",
  "Montant (€)",
];

export function statementCsv(statement: MonthlyStatement): string {
  const rows: (string | number | null)[][] = [header];
  for (const payee of statement.payees) {
    for (const line of payee.lines)
      rows.push([
        payee.displayName,
        line.date,
        lineWhat(line),
        line.description,
        line.minutes,
        line.quantity,
        euros(line.unitPriceCents),
        euros(line.amountCents),
      ]);
    rows.push([payee.displayName, null, "Sous-total", null, null, null, null, euros(payee.subtotalCents)]);
    rows.push([payee.displayName, null, "Frais de service", null, null, null, null, euros(-payee.feeCents)]);
    rows.push([payee.displayName, null, "Net dû", null, null, null, null, euros(payee.netCents)]);
  }
  rows.push(["Total", null, "Montant", null, null, null, null, euros(statement.totals.amountCents)]);
  rows.push(["Total", null, "Frais de service", null, null, null, null, euros(-statement.totals.feeCents)]);
  rows.push(["Total", null, "Net dû", null, null, null, null, euros(statement.totals.netCents)]);
  // A BOM so Excel reads the accents as UTF-8.
  return `\uFEFF${rows.map((row) => row.map(cell).join(";")).join("\r\n")}\r\n`;
}
