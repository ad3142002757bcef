// Proposal JSON columns validated on their way out of the database: broken items are dropped,
// never fatal (same rule as mission-columns.ts). Client-safe.
import { z } from "zod";
import type { MilestoneTerm, TaskPrice } from "./proposal-terms";

const taskPrice = z.object({ task: z.string(), unitPriceCents: z.number().int().nonnegative() });
const milestone = z.object({
  title: z.string(),
  amountCents: z.number().int().nonnegative(),
  dueDate: z.string().nullable().default(null),
});

function listOf<T>(item: z.ZodType<T, z.ZodTypeDef, unknown>) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((items) =>
      items.flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

export const storedTaskPrices = listOf<TaskPrice>(taskPrice);
export const storedMilestones = listOf<MilestoneTerm>(milestone);
