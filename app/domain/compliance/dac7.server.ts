// The yearly DAC7 export (`npm run report:dac7 -- 2026`) and each provider's annual statement of
// amounts earned (/compte/releve-annuel). The figures are computed by the pure functions of
// dac7.schema.ts from the transfers actually sent (Payout rows), the same source as the ledger's
// TRANSFER entries.
import fs from "node:fs/promises";
import path from "node:path";
import { forbidden } from "#app/lib/domain-error";
import * as repo from "./dac7.repo.server";
import {
  computeDac7Sellers,
  dac7Seller,
  quarterFigures,
  totalsOf,
  type Dac7Report,
  type Dac7Seller,
} from "./dac7.schema";

export const PLATFORM_NAME = "Permanence";

export async function buildDac7Report(year: number, now = new Date()): Promise<Dac7Report> {
  const facts = await repo.findPayoutFacts(year);
  const sellers = await repo.findSellers([...new Set(facts.map((f) => f.payeeKey))]);
  return {
    year,
    generatedAt: now.toISOString(),
    platform: PLATFORM_NAME,
    sellers: computeDac7Sellers(sellers, facts),
  };
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  // Quoted, and a leading formula character neutralised (CSV injection in spreadsheets).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

const CSV_HEADER = [
  "vendeur",
  "type",
  "raison_sociale",
  "siret",
  "numero_fiscal",
  "date_naissance",
  "adresse",
  "code_postal",
  "commune",
  "pays_compte",
  "trimestre",
  "montant_brut_centimes",
  "commissions_centimes",
  "verse_centimes",
  "virements",
  "contrats",
  "donnees_manquantes",
];

/** One line per seller and quarter (amounts in cents, to stay exact). */
export function dac7Csv(report: Dac7Report): string {
  const lines = [CSV_HEADER.map(csvCell).join(";")];
  for (const s of report.sellers) {
    for (const q of s.quarters) {
      lines.push(
        [
          s.name,
          s.kind,
          s.legalName,
          s.siret,
          s.taxIdentificationNumber,
          s.birthDate,
          s.address?.line ?? null,
          s.address?.postcode ?? null,
          s.address?.commune ?? null,
          s.payoutAccountCountry,
          `T${q.quarter}`,
          q.grossCents,
          q.feeCents,
          q.paidCents,
          q.transfers,
          q.contracts,
          s.missing.join(", "),
        ]
          .map(csvCell)
          .join(";"),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Writes dac7-<year>.json and dac7-<year>.csv under `dir`; returns their paths. */
export async function writeDac7Report({ year, dir, now }: { year: number; dir: string; now?: Date }) {
  const report = await buildDac7Report(year, now);
  await fs.mkdir(dir, { recursive: true });
  const json = path.join(dir, `dac7-${year}.json`);
  const csv = path.join(dir, `dac7-${year}.csv`);
  await fs.writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await fs.writeFile(csv, dac7Csv(report));
  return { report, files: [json, csv] };
}

export type AnnualStatement = {
  year: number;
  seller: Dac7Seller | null;
  quarters: Dac7Seller["quarters"];
  totals: Dac7Seller["totals"];
};

export const STATEMENT_FORBIDDEN_MESSAGE =
  "Le relevé annuel est réservé aux secrétaires et aux responsables de cabinet.";

async function payeeKeyOf(actorId: string): Promise<string> {
  const user = await repo.findUserForStatement(actorId);
  if (user?.kind === "SECRETARY") return `user:${user.id}`;
  const agencyId = user?.kind === "AGENCY_OWNER" ? await repo.findOwnedAgencyId(user.id) : null;
  if (!agencyId) throw forbidden(STATEMENT_FORBIDDEN_MESSAGE);
  return `agency:${agencyId}`;
}

/** What the actor (a secretary, or her agency for its owner) was paid in the year, per quarter. */
export async function getAnnualStatement({
  actorId,
  year,
}: {
  actorId: string;
  year: number;
}): Promise<AnnualStatement> {
  const payeeKey = await payeeKeyOf(actorId);
  const facts = await repo.findPayoutFacts(year, payeeKey);
  const [identity] = await repo.findSellers([payeeKey]);
  const seller = identity ? dac7Seller(identity, facts) : null;
  const quarters = seller?.quarters ?? quarterFigures([]);
  return { year, seller, quarters, totals: seller?.totals ?? totalsOf(quarters, []) };
}

/** The statement as a spreadsheet: one line per quarter and a total, amounts in euros (French decimals). */
export function annualStatementCsv(statement: AnnualStatement): string {
  const euros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");
  const header = ["annee", "trimestre", "montant_brut_ht", "commissions", "verse", "virements", "contrats"];
  const rows = [
    ...statement.quarters.map((q) => ({ ...q, label: `T${q.quarter}` })),
    { ...statement.totals, label: "Total" },
  ];
  const lines = rows.map((r) =>
    [
      statement.year,
      r.label,
      euros(r.grossCents),
      euros(r.feeCents),
      euros(r.paidCents),
      r.transfers,
      r.contracts,
    ]
      .map(csvCell)
      .join(";"),
  );
  return `${[header.map(csvCell).join(";"), ...lines].join("\r\n")}\r\n`;
}
