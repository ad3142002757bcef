// The terms frozen on a contract when a proposal is accepted (Contract.terms). Client-safe: pages
// render it and the work and payments domains read prices from it — never from the live mission or
// profile, which may change after signature.
import { z } from "zod";

const taskPrice = z.object({ task: z.string(), unitPriceCents: z.number().int().positive() });
const milestone = z.object({
  title: z.string(),
  amountCents: z.number().int().positive(),
  dueDate: z.string().nullable(), // "2027-01-31"
});

export const contractTermsSchema = z.object({
  version: z.literal(1),
  mission: z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    skills: z.array(z.string()),
    scheduleType: z.enum(["ONE_OFF", "RECURRING", "REPLACEMENT"]),
    startDate: z.string(), // "2027-01-04": a Paris day
    endDate: z.string().nullable(),
    rrule: z.string().nullable(),
    timeWindows: z.array(z.object({ start: z.string(), end: z.string() })),
    workMode: z.enum(["REMOTE", "ON_SITE", "HYBRID"]),
    commune: z.string().nullable(),
    medicalSecrecy: z.boolean(),
  }),
  business: z.object({
    organizationId: z.string(),
    name: z.string(),
    legalName: z.string().nullable(),
    siret: z.string().nullable(),
  }),
  provider: z.object({
    userId: z.string(),
    displayName: z.string(),
    agencyId: z.string().nullable(),
    agencyName: z.string().nullable(),
  }),
  billingMode: z.enum(["PER_TASK", "HOURLY", "FIXED"]),
  hourlyRateCents: z.number().int().positive().nullable(),
  taskPrices: z.array(taskPrice),
  fixedAmountCents: z.number().int().positive().nullable(),
  milestones: z.array(milestone),
  startDate: z.string(),
  platformFeeBps: z.number().int().min(0),
  reviewWindowDays: z.number().int().positive(),
});
export type ContractTerms = z.infer<typeof contractTermsSchema>;

/**
 * The platform's share of a work amount and what the payee receives. The fee is rounded to the
 * nearest cent (half up) and the payee gets the rest, so fee + payee always equals the amount.
 */
export function splitFee(amountCents: number, feeBps: number): { feeCents: number; payeeCents: number } {
  const feeCents = Math.floor((amountCents * feeBps + 5000) / 10000);
  return { feeCents, payeeCents: amountCents - feeCents };
}

/** "10 %" / "12,5 %" */
export function formatFeeRate(feeBps: number): string {
  return `${(feeBps / 100).toLocaleString("fr-FR", { maximumFractionDigits: 2 })} %`;
}
