// DAC7 (Council Directive (EU) 2021/514): what the platform reports each year on its sellers, and
// each seller's own annual statement. Pure and client-safe; the figures come from Payout rows.
import { z } from "zod";

export const yearSchema = z.coerce
  .number({ invalid_type_error: "Année invalide." })
  .int("Année invalide.")
  .min(2023, "Les déclarations DAC7 commencent en 2023.")
  .max(2100, "Année invalide.");

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export type QuarterFigures = {
  quarter: Quarter;
  /** What the seller earned before the platform fee (the "consideration"), reversals deducted. */
  grossCents: number;
  feeCents: number;
  /** What was transferred to her account: gross − fee. */
  paidCents: number;
  transfers: number;
  contracts: number;
};

export type Dac7Seller = {
  payeeKey: string;
  kind: "INDIVIDUAL" | "ENTITY";
  name: string;
  legalName: string | null;
  siret: string | null;
  vatNumber: string | null;
  taxIdentificationNumber: string | null;
  birthDate: string | null;
  address: { line: string; postcode: string; commune: string; country: "FR" } | null;
  payoutAccountCountry: string | null;
  quarters: QuarterFigures[];
  totals: Omit<QuarterFigures, "quarter">;
  /** DAC7 data still missing (the export is still produced; the seller must be asked). */
  missing: string[];
};

export type Dac7Report = { year: number; generatedAt: string; platform: string; sellers: Dac7Seller[] };

/** A transfer to a seller as read from the payments tables. */
export type PayoutFact = {
  payeeKey: string;
  contractId: string;
  workAmountCents: number;
  feeCents: number;
  amountCents: number;
  reversedCents: number;
  sentAt: Date;
};

export type SellerIdentity = {
  payeeKey: string;
  kind: "INDIVIDUAL" | "ENTITY";
  name: string;
  identity: {
    legalName: string;
    siret: string;
    vatNumber: string | null;
    taxIdentificationNumber: string | null;
    birthDate: Date | null;
    payoutAccountCountry: string | null;
    addressLine: string;
    postcode: string;
    commune: string;
  } | null;
};

export const quarterOf = (date: Date): Quarter => (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter;

function emptyQuarter(quarter: Quarter): QuarterFigures {
  return { quarter, grossCents: 0, feeCents: 0, paidCents: 0, transfers: 0, contracts: 0 };
}

/** Per quarter (UTC calendar quarters of the transfer date): sums, transfer count, distinct contracts. */
export function quarterFigures(facts: PayoutFact[]): QuarterFigures[] {
  const quarters = QUARTERS.map(emptyQuarter);
  const contracts = QUARTERS.map(() => new Set<string>());
  for (const fact of facts) {
    const q = quarterOf(fact.sentAt) - 1;
    const figures = quarters[q]!;
    // A reversal is taken back from what she earned; the platform keeps its fee on what remains.
    figures.grossCents += fact.workAmountCents - fact.reversedCents;
    figures.feeCents += fact.feeCents;
    figures.paidCents += fact.amountCents - fact.reversedCents;
    figures.transfers += 1;
    contracts[q]!.add(fact.contractId);
  }
  quarters.forEach((figures, i) => (figures.contracts = contracts[i]!.size));
  return quarters;
}

export function totalsOf(quarters: QuarterFigures[], facts: PayoutFact[]): Dac7Seller["totals"] {
  return {
    grossCents: quarters.reduce((sum, q) => sum + q.grossCents, 0),
    feeCents: quarters.reduce((sum, q) => sum + q.feeCents, 0),
    paidCents: quarters.reduce((sum, q) => sum + q.paidCents, 0),
    transfers: facts.length,
    contracts: new Set(facts.map((f) => f.contractId)).size,
  };
}

function missingOf(seller: SellerIdentity): string[] {
  const identity = seller.identity;
  if (!identity) return ["identité de facturation"];
  return [
    ...(identity.taxIdentificationNumber ? [] : ["numéro fiscal"]),
    ...(seller.kind === "INDIVIDUAL" && !identity.birthDate ? ["date de naissance"] : []),
    ...(identity.payoutAccountCountry ? [] : ["pays du compte de versement"]),
  ];
}

/** One seller's record; null when she was paid nothing that year (DAC7 lists only paid sellers). */
export function dac7Seller(seller: SellerIdentity, facts: PayoutFact[]): Dac7Seller | null {
  if (facts.length === 0) return null;
  const quarters = quarterFigures(facts);
  const identity = seller.identity;
  return {
    payeeKey: seller.payeeKey,
    kind: seller.kind,
    name: seller.name,
    legalName: identity?.legalName ?? null,
    siret: identity?.siret ?? null,
    vatNumber: identity?.vatNumber ?? null,
    taxIdentificationNumber: identity?.taxIdentificationNumber ?? null,
    birthDate: identity?.birthDate ? identity.birthDate.toISOString().slice(0, 10) : null,
    address: identity
      ? { line: identity.addressLine, postcode: identity.postcode, commune: identity.commune, country: "FR" }
      : null,
    payoutAccountCountry: identity?.payoutAccountCountry ?? null,
    quarters,
    totals: totalsOf(quarters, facts),
    missing: missingOf(seller),
  };
}

/** The year's report: every seller paid in the year, by name. */
export function computeDac7Sellers(sellers: SellerIdentity[], facts: PayoutFact[]): Dac7Seller[] {
  const byPayee = new Map<string, PayoutFact[]>();
  for (const fact of facts) byPayee.set(fact.payeeKey, [...(byPayee.get(fact.payeeKey) ?? []), fact]);
  return sellers
    .map((seller) => dac7Seller(seller, byPayee.get(seller.payeeKey) ?? []))
    .filter((seller): seller is Dac7Seller => seller !== null)
    .sort((a, b) => a.name.localeCompare(b.name, "fr") || a.payeeKey.localeCompare(b.payeeKey));
}
