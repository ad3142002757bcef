// "À saisir cette semaine": the sessions of the Paris week in which an assignee may work on a
// contract. Pure: the schedule comes from the contract's frozen terms (never the live mission), the
// periods from its assignees. Days are ISO Paris calendar days ("2026-11-30").
import { assigneeMayLog, type AssigneePeriodFacts } from "#app/domain/contracts/contract-assignees";
import type { ContractTerms } from "#app/domain/contracts/contract-terms";
import { addDays, occurrenceDays, parisToday } from "#app/domain/missions/schedule";
import type { WeekSession } from "./dashboards.schema";

export type ParisWeek = { monday: string; sunday: string; days: string[] };

/** Monday to Sunday of the Paris week containing `now`. */
export function parisWeek(now: Date): ParisWeek {
  const today = parisToday(now);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  const monday = addDays(today, -weekday);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { monday, sunday: days[6]!, days };
}

/** How the work domain stores a Paris day: midnight UTC of that date. */
export const dayDate = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

export type WeekContract = {
  terms: Pick<ContractTerms, "mission" | "startDate">;
  startDate: Date;
  endDate: Date | null;
  assignees: readonly AssigneePeriodFacts[];
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Inside the contract and its mission's dates (both inclusive). */
function inPeriod(contract: WeekContract, day: string): boolean {
  const first = [isoDay(contract.startDate), contract.terms.startDate, contract.terms.mission.startDate];
  const last = [contract.endDate ? isoDay(contract.endDate) : null, contract.terms.mission.endDate];
  return first.every((start) => start <= day) && last.every((end) => end === null || day <= end);
}

/** Days the schedule itself puts work on: the RRULE's days, or every weekday of a dated period. */
function scheduledDays(contract: WeekContract, week: ParisWeek): string[] {
  const { mission } = contract.terms;
  if (mission.scheduleType === "RECURRING" && mission.rrule) {
    return occurrenceDays(mission.rrule, mission.startDate, week.monday, 7).filter(
      (day) => day <= week.sunday,
    );
  }
  // One-off missions and replacements are dated periods without hours: Monday to Friday.
  return week.days.slice(0, 5);
}

/** The sessions `userId` may work this week (one per time window, or one all-day entry). */
export function weekSessions(contract: WeekContract, userId: string, week: ParisWeek): WeekSession[] {
  const mine = contract.assignees.filter((a) => a.userId === userId && a.cancelledAt === null);
  const windows =
    contract.terms.mission.scheduleType === "RECURRING" ? contract.terms.mission.timeWindows : [];
  return scheduledDays(contract, week)
    .filter((day) => inPeriod(contract, day))
    .filter((day) => mine.some((a) => assigneeMayLog(contract.assignees, a.id, dayDate(day))))
    .flatMap((day): WeekSession[] =>
      windows.length > 0
        ? windows.map((w) => ({ day, start: w.start, end: w.end }))
        : [{ day, start: null, end: null }],
    );
}
