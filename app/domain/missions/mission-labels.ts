// A mission's budget and schedule in French, for its page and the business's list. Client-safe.
import { taskTypeLabels } from "#app/domain/profiles/taxonomy";
import { formatEuros, formatRate } from "#app/lib/money";
import type { TaskLine, TimeWindow } from "./mission-columns";
import { describePeriod, describeWeekly } from "./schedule";

type BudgetFacts = {
  billingMode: string;
  taskLines: TaskLine[];
  maxHourlyRateCents: number | null;
  expectedHours: number | null;
  expectedHoursPer: string | null;
  fixedAmountCents: number | null;
};

/** "35,00 €/h max, environ 20 h par mois" (HOURLY) or "Forfait : 1 200,00 €" (FIXED). */
export function budgetSummary(mission: BudgetFacts): string {
  if (mission.billingMode === "HOURLY" && mission.maxHourlyRateCents !== null) {
    const per = mission.expectedHoursPer === "WEEK" ? "par semaine" : "par mois";
    const hours = mission.expectedHours !== null ? `, environ ${mission.expectedHours} h ${per}` : "";
    return `${formatRate(mission.maxHourlyRateCents)} max${hours}`;
  }
  if (mission.billingMode === "FIXED" && mission.fixedAmountCents !== null) {
    return `Forfait : ${formatEuros(mission.fixedAmountCents)}`;
  }
  const total = mission.taskLines.reduce((sum, line) => sum + line.unitPriceCents * line.monthlyVolume, 0);
  return `À la tâche : environ ${formatEuros(total)} par mois`;
}

/** The per-task table rows: label, unit price, monthly volume, monthly total. */
export function taskLineRows(lines: readonly TaskLine[]) {
  return lines.map((line) => ({
    task: line.task,
    label: taskTypeLabels[line.task],
    unitPrice: formatEuros(line.unitPriceCents),
    volume: line.monthlyVolume,
    total: formatEuros(line.unitPriceCents * line.monthlyVolume),
  }));
}

type ScheduleFacts = {
  scheduleType: string;
  startDate: string;
  endDate: string | null;
  rrule: string | null;
  timeWindows: TimeWindow[];
};

/** "tous les lundis et jeudis, 9 h – 12 h, à partir du 5 janvier 2027", "du … au …", … */
export function scheduleSummary(mission: ScheduleFacts): string {
  if (mission.scheduleType === "RECURRING" && mission.rrule) {
    const text = describeWeekly({ ...mission, rrule: mission.rrule });
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  const period = describePeriod(mission.startDate, mission.endDate);
  if (mission.scheduleType === "REPLACEMENT") return `Remplacement ${period}`;
  return `Mission ponctuelle ${period}`;
}

export const MEDICAL_SECRECY_NOTICE =
  "Secret médical : aucune donnée patient ne doit transiter par la messagerie.";
