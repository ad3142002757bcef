// The URSSAF attestation de vigilance: what a provider uploads, what she and the businesses she works
// for see. Client-safe.
import { z } from "zod";

export const MAX_VIGILANCE_BYTES = 5 * 1024 * 1024;
/** Contracts of €5,000 excl. VAT or more oblige the business to check the certificate (art. L8222-1). */
export const VIGILANCE_THRESHOLD_CENTS = 500_000;
export const VALIDITY_MONTHS = 6;

export const vigilanceMessages = {
  notProvider: "Cette page est réservée aux secrétaires et aux responsables de cabinet.",
  empty: "Ce fichier est vide.",
  missingFile: "Choisissez le fichier PDF de votre attestation.",
  tooBig: "Ce fichier dépasse 5 Mo : envoyez un PDF plus léger.",
  notPdf: "L’attestation doit être un fichier PDF (celui téléchargé sur urssaf.fr).",
  issuedOnRequired: "Indiquez la date de délivrance de l’attestation.",
  issuedOnFuture: "La date de délivrance ne peut pas être dans le futur.",
  issuedOnExpired: "Cette attestation a plus de 6 mois : téléchargez-en une nouvelle sur urssaf.fr.",
} as const;

export const issuedOnSchema = z
  .string({ required_error: vigilanceMessages.issuedOnRequired })
  .trim()
  .refine((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, vigilanceMessages.issuedOnRequired);

/** Calendar months later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(from: Date, months: number): Date {
  const day = from.getUTCDate();
  const end = new Date(from);
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

/** "2026-03-31" → the day it lapses: 6 calendar months later. */
export const expiryOf = (issuedOn: Date): Date => addMonths(issuedOn, VALIDITY_MONTHS);

export type VigilanceCertificateDto = {
  id: string;
  fileName: string;
  sizeBytes: number;
  issuedOn: string; // "2026-11-02"
  expiresOn: string;
  valid: boolean;
};

export type VigilancePageDto = {
  current: VigilanceCertificateDto | null;
  history: VigilanceCertificateDto[];
  /** ACTIVE contracts of €5,000 or more she works on: the businesses can download her certificate. */
  largeContracts: number;
};
