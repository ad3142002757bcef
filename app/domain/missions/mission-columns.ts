// The Mission codes' French labels and its JSON columns, validated on their way out of the database
// (same rule as profile-columns.ts: unknown codes or broken items are dropped, never fatal).
// Client-safe. Shared by the staff review, the search document and the search page.
import { z } from "zod";
import { isKnown, TIME_PATTERN } from "#app/domain/profiles/profile-columns";
import { taskTypeLabels, type BillingMode, type TaskType } from "#app/domain/profiles/taxonomy";
import { formatEuros } from "#app/lib/money";

export const scheduleTypeLabels = {
  ONE_OFF: "Ponctuelle",
  RECURRING: "Récurrente",
  REPLACEMENT: "Remplacement",
} as const;
export type ScheduleType = keyof typeof scheduleTypeLabels;

export const workModeLabels = {
  REMOTE: "À distance",
  ON_SITE: "Sur place",
  HYBRID: "Hybride",
} as const;
export type WorkMode = keyof typeof workModeLabels;

export const expectedHoursPerLabels = { WEEK: "par semaine", MONTH: "par mois" } as const;
export const visibilityLabels = { PUBLIC: "Publique", INVITE_ONLY: "Sur invitation" } as const;

export type TaskLine = { task: TaskType; unitPriceCents: number; monthlyVolume: number };
export type TimeWindow = { start: string; end: string };

const storedTaskLine = z.object({
  task: z.string().refine((task) => isKnown(taskTypeLabels, task)),
  unitPriceCents: z.number().int().nonnegative(),
  monthlyVolume: z.number().int().nonnegative(),
});
export const storedTaskLines = z
  .array(z.unknown())
  .catch([])
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = storedTaskLine.safeParse(item);
      return parsed.success ? [parsed.data as TaskLine] : [];
    }),
  );

const storedWindow = z.object({ start: z.string().regex(TIME_PATTERN), end: z.string().regex(TIME_PATTERN) });
export const storedTimeWindows = z
  .array(z.unknown())
  .catch([])
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = storedWindow.safeParse(item);
      return parsed.success && parsed.data.start < parsed.data.end ? [parsed.data] : [];
    }),
  );

/**
 * One comparable amount per mission, in cents: the maximum hourly rate (HOURLY), the package
 * (FIXED), or the expected monthly total of the task lines (PER_TASK).
 */
export function missionBudgetCents(mission: {
  billingMode: BillingMode | string;
  maxHourlyRateCents: number | null;
  fixedAmountCents: number | null;
  taskLines: TaskLine[];
}): number {
  if (mission.billingMode === "HOURLY") return mission.maxHourlyRateCents ?? 0;
  if (mission.billingMode === "FIXED") return mission.fixedAmountCents ?? 0;
  return mission.taskLines.reduce((sum, line) => sum + line.unitPriceCents * line.monthlyVolume, 0);
}

const euros = (cents: number) => formatEuros(cents, { dropZeroCents: true });

/** "À l’heure, jusqu’à 35 €/h HT" — the budget as a secretary reads it on a card or a page. */
export function normalizedBudgetLabel(billingMode: string, budgetCents: number): string {
  if (billingMode === "HOURLY") return `À l’heure, jusqu’à ${euros(budgetCents)}/h HT`;
  if (billingMode === "FIXED") return `Au forfait, ${euros(budgetCents)} HT`;
  return `À la tâche, environ ${euros(budgetCents)} HT par mois`;
}
