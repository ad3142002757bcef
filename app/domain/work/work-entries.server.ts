// Logging time (HOURLY) and tasks (PER_TASK) on a contract. Amounts are computed here from the
// contract's frozen prices; nothing a form posts is ever used as a price.
import { parisToday } from "#app/domain/missions/schedule";
import { notifyWorkSubmitted } from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { loadWorkContext, type WorkContext } from "./work-access.server";
import { parseDuration, priceOf, taskAmountCents, timeAmountCents } from "./work-amounts";
import { isoDayOf, storedDay } from "./work-dates";
import { contractClosedToWorkMessage, loggingAssignee, NOT_ASSIGNEE_MESSAGE } from "./work.policy";
import * as repo from "./work.repo.server";
import {
  dailyLimitProblem,
  descriptionProblem,
  isWholeIn,
  workDayProblem,
  workLimits,
  workMessages,
} from "./work-rules";

export type TimeInput = {
  date: string;
  /** Either `minutes`, `hours` (+ `minutes`), or a `duration` typed "1:30". */
  minutes?: number;
  hours?: number;
  duration?: string;
  description: string;
};
export type TaskLineInput = { taskType: string; quantity: number };
export type TaskInput = { date: string; lines: TaskLineInput[]; note?: string | null };

const invalid = (message: string) => new DomainError("VALIDATION", message);

export function totalMinutes(input: Pick<TimeInput, "minutes" | "hours" | "duration">): number {
  if (input.duration !== undefined) {
    const parsed = parseDuration(input.duration);
    if (parsed === null) throw invalid(workMessages.duration);
    return parsed;
  }
  return (input.hours ?? 0) * 60 + (input.minutes ?? 0);
}

/**
 * The checks every log and edit shares, in the caller's transaction: the actor's part in the contract
 * (404 when none), the billing mode, a running contract, the day, and her assignee row for that day.
 */
export async function prepareLogging(
  tx: Tx,
  {
    actorId,
    contractId,
    mode,
    date,
    now,
  }: { actorId: string; contractId: string; mode: string; date: string; now: Date },
) {
  const context = await loadWorkContext(tx, actorId, contractId);
  const { contract } = context;
  const own = contract.assignees.some((a) => a.userId === actorId && a.cancelledAt === null);
  if (!own) throw new DomainError("FORBIDDEN", NOT_ASSIGNEE_MESSAGE);
  if (contract.billingMode !== mode) throw invalid(wrongModeMessage(contract.billingMode));
  const closed = contractClosedToWorkMessage(contract.status);
  if (closed) throw new DomainError("INVALID_TRANSITION", closed);
  const day = storedDay(date);
  if (!day) throw invalid(workMessages.date);
  const dayProblem = workDayProblem({
    day: date,
    today: parisToday(now),
    contractStart: isoDayOf(contract.startDate),
    contractEnd: contract.endDate ? isoDayOf(contract.endDate) : null,
  });
  if (dayProblem) throw invalid(dayProblem);
  const check = loggingAssignee(contract.assignees, actorId, day);
  if (!check.ok) throw invalid(check.message);
  return { context, day, assignee: check.assignee };
}

function wrongModeMessage(mode: string) {
  if (mode === "HOURLY") return "Ce contrat est facturé à l’heure : saisissez du temps.";
  if (mode === "PER_TASK") return "Ce contrat est facturé à la tâche : saisissez des tâches.";
  return "Ce contrat est au forfait : marquez les jalons comme livrés.";
}

export function checkedMinutes(input: TimeInput): number {
  const minutes = totalMinutes(input);
  if (!isWholeIn(minutes, workLimits.minutesPerEntry)) throw invalid(workMessages.minutes);
  const problem = descriptionProblem(input.description, true);
  if (problem) throw invalid(problem);
  return minutes;
}

export function timeEntryData(context: WorkContext, day: Date, minutes: number) {
  const rate = context.contract.hourlyRateCents;
  if (rate === null) throw invalid("Ce contrat n’a pas de taux horaire.");
  return { unitPriceCents: rate, amountCents: timeAmountCents(minutes, rate), workDate: day };
}

export async function logTimeEntry({
  actorId,
  contractId,
  input,
  now = new Date(),
}: {
  actorId: string;
  contractId: string;
  input: TimeInput;
  now?: Date;
}) {
  const logged = await db.$transaction(async (tx) => {
    const { context, day, assignee } = await prepareLogging(tx, {
      actorId,
      contractId,
      mode: "HOURLY",
      date: input.date,
      now,
    });
    const minutes = checkedMinutes(input);
    const limit = dailyLimitProblem(await repo.minutesLoggedOn(tx, actorId, day), minutes);
    if (limit) throw invalid(limit);
    const [entryId] = await repo.createEntries(tx, [
      {
        contractId,
        assigneeId: assignee.id,
        kind: "TIME",
        minutes,
        taskType: null,
        quantity: null,
        description: input.description.trim(),
        submittedAt: now,
        ...timeEntryData(context, day, minutes),
      },
    ]);
    return { entryId: entryId!, notified: await notifyWorkSubmitted(tx, contractId, now) };
  });
  await publishNotifications(logged.notified);
  return { entryId: logged.entryId };
}

/** Each line priced from the contract; unknown task types and absurd quantities are refused. */
export function pricedLines(context: WorkContext, lines: readonly TaskLineInput[]) {
  if (lines.length === 0) throw invalid(workMessages.noLine);
  if (new Set(lines.map((l) => l.taskType)).size !== lines.length) throw invalid(workMessages.duplicateTask);
  return lines.map((line) => {
    const price = priceOf(context.contract.taskPrices, line.taskType);
    if (!price) throw invalid(workMessages.unknownTask);
    if (!isWholeIn(line.quantity, workLimits.quantity)) throw invalid(workMessages.quantity);
    const amountCents = taskAmountCents(line.quantity, price.unitPriceCents);
    return {
      taskType: line.taskType,
      quantity: line.quantity,
      unitPriceCents: price.unitPriceCents,
      amountCents,
    };
  });
}

export async function logTaskEntries({
  actorId,
  contractId,
  input,
  now = new Date(),
}: {
  actorId: string;
  contractId: string;
  input: TaskInput;
  now?: Date;
}) {
  const logged = await db.$transaction(async (tx) => {
    const { context, day, assignee } = await prepareLogging(tx, {
      actorId,
      contractId,
      mode: "PER_TASK",
      date: input.date,
      now,
    });
    const note = input.note ?? "";
    const problem = descriptionProblem(note, false);
    if (problem) throw invalid(problem);
    const lines = pricedLines(context, input.lines);
    const entryIds = await repo.createEntries(
      tx,
      lines.map((line) => ({
        contractId,
        assigneeId: assignee.id,
        kind: "TASK" as const,
        workDate: day,
        minutes: null,
        description: note.trim(),
        submittedAt: now,
        ...line,
      })),
    );
    return { entryIds, notified: await notifyWorkSubmitted(tx, contractId, now) };
  });
  await publishNotifications(logged.notified);
  return { entryIds: logged.entryIds };
}
