// The inputs payments passes to the issuing use cases, checked with zod like every other edge:
// a malformed call fails with VALIDATION before anything is numbered.
import { z } from "zod";
import { DomainError } from "#app/lib/domain-error";
import { invoiceMonthSchema, payeeKeySchema } from "./invoice.schema";

const statementLineSchema = z.object({
  kind: z.enum(["TIME", "TASK", "MILESTONE"]),
  sourceId: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  item: z.string().nullable(),
  description: z.string(),
  minutes: z.number().int().nullable(),
  quantity: z.number().nullable(),
  unitPriceCents: z.number().int(),
  amountCents: z.number().int().nonnegative(),
  autoApproved: z.boolean(),
});

const cents = z.number().int().nonnegative();

export const periodInput = z.object({
  contractId: z.string().min(1),
  month: invoiceMonthSchema,
  paymentId: z.string().min(1).optional(),
  payees: z.array(
    z.object({ payeeKey: payeeKeySchema, lines: z.array(statementLineSchema), feeCents: cents }),
  ),
  issuedAt: z.date().default(() => new Date()),
});
export type PeriodIssueInput = z.input<typeof periodInput>;

export const milestoneInput = z.object({
  contractId: z.string().min(1),
  milestoneId: z.string().min(1),
  paymentId: z.string().min(1).optional(),
  payeeKey: payeeKeySchema,
  feeCents: cents,
  issuedAt: z.date().default(() => new Date()),
});
export type MilestoneIssueInput = z.input<typeof milestoneInput>;

export function issueInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new DomainError("VALIDATION", "Données de facturation invalides.", { issues: parsed.error.issues });
}
