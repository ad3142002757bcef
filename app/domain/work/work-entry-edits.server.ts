// A secretary corrects or deletes her own entry while the business has not approved it. Editing a
// DISPUTED entry resubmits it (RESUBMIT); any edit starts a new review window, so the business
// always gets its full window on the figures it will be charged.
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { loadWorkContext } from "./work-access.server";
import {
  checkedMinutes,
  prepareLogging,
  pricedLines,
  timeEntryData,
  type TimeInput,
} from "./work-entries.server";
import { checkWorkTransition, isWorkStatus, workIsEditable } from "./work-review-machine";
import { dailyLimitProblem, descriptionProblem } from "./work-rules";
import { NOT_AUTHOR_MESSAGE } from "./work.policy";
import * as repo from "./work.repo.server";

export type TaskEditInput = { date: string; quantity: number; note?: string | null };
export const ENTRY_CHANGED_MESSAGE = "Cette saisie vient d’être modifiée. Rechargez la page.";
export const NOT_EDITABLE_MESSAGE = "Ce travail est déjà validé : il ne peut plus être modifié ni supprimé.";

/** The actor's own entry, still editable; the contract's existence stays hidden from outsiders. */
async function ownEditableEntry(tx: Tx, actorId: string, entryId: string) {
  const entry = await repo.findEntry(tx, entryId);
  if (!entry || !isWorkStatus(entry.status))
    throw new DomainError("NOT_FOUND", "Cette saisie est introuvable.");
  if (entry.assignee.userId !== actorId) {
    await loadWorkContext(tx, actorId, entry.contractId); // 404 for outsiders
    throw new DomainError("FORBIDDEN", NOT_AUTHOR_MESSAGE);
  }
  if (!workIsEditable(entry.status)) throw new DomainError("INVALID_TRANSITION", NOT_EDITABLE_MESSAGE);
  return { ...entry, status: entry.status };
}

/** SUBMITTED stays SUBMITTED; DISPUTED goes back to SUBMITTED through the machine. */
function statusAfterEdit(from: "PLANNED" | "SUBMITTED" | "APPROVED" | "DISPUTED") {
  if (from !== "DISPUTED") return from;
  const check = checkWorkTransition(from, "RESUBMIT", "ASSIGNEE");
  if (!check.ok) throw new DomainError("INVALID_TRANSITION", NOT_EDITABLE_MESSAGE);
  return check.to;
}

async function updateIfUnchanged(
  tx: Tx,
  entry: { id: string; status: string },
  data: Record<string, unknown>,
) {
  const { count } = await tx.workEntry.updateMany({ where: { id: entry.id, status: entry.status }, data });
  if (count !== 1) throw new DomainError("CONFLICT", ENTRY_CHANGED_MESSAGE);
}

export async function editTimeEntry({
  actorId,
  entryId,
  input,
  now = new Date(),
}: {
  actorId: string;
  entryId: string;
  input: TimeInput;
  now?: Date;
}) {
  return db.$transaction(async (tx) => {
    const entry = await ownEditableEntry(tx, actorId, entryId);
    if (entry.kind !== "TIME")
      throw new DomainError("VALIDATION", "Cette saisie n’est pas une saisie de temps.");
    const { context, day, assignee } = await prepareLogging(tx, {
      actorId,
      contractId: entry.contractId,
      mode: "HOURLY",
      date: input.date,
      now,
    });
    const minutes = checkedMinutes(input);
    const limit = dailyLimitProblem(await repo.minutesLoggedOn(tx, actorId, day, entry.id), minutes);
    if (limit) throw new DomainError("VALIDATION", limit);
    await updateIfUnchanged(tx, entry, {
      ...timeEntryData(context, day, minutes),
      assigneeId: assignee.id,
      minutes,
      description: input.description.trim(),
      status: statusAfterEdit(entry.status),
      submittedAt: now,
    });
    return { entryId, resubmitted: entry.status === "DISPUTED" };
  });
}

export async function editTaskEntry({
  actorId,
  entryId,
  input,
  now = new Date(),
}: {
  actorId: string;
  entryId: string;
  input: TaskEditInput;
  now?: Date;
}) {
  return db.$transaction(async (tx) => {
    const entry = await ownEditableEntry(tx, actorId, entryId);
    if (entry.kind !== "TASK" || !entry.taskType)
      throw new DomainError("VALIDATION", "Cette saisie n’est pas une saisie de tâches.");
    const { context, day, assignee } = await prepareLogging(tx, {
      actorId,
      contractId: entry.contractId,
      mode: "PER_TASK",
      date: input.date,
      now,
    });
    const note = input.note ?? "";
    const problem = descriptionProblem(note, false);
    if (problem) throw new DomainError("VALIDATION", problem);
    const [line] = pricedLines(context, [{ taskType: entry.taskType, quantity: input.quantity }]);
    await updateIfUnchanged(tx, entry, {
      ...line,
      workDate: day,
      assigneeId: assignee.id,
      description: note.trim(),
      status: statusAfterEdit(entry.status),
      submittedAt: now,
    });
    return { entryId, resubmitted: entry.status === "DISPUTED" };
  });
}

export async function deleteWorkEntry({ actorId, entryId }: { actorId: string; entryId: string }) {
  return db.$transaction(async (tx) => {
    const entry = await ownEditableEntry(tx, actorId, entryId);
    const { count } = await tx.workEntry.deleteMany({ where: { id: entry.id, status: entry.status } });
    if (count !== 1) throw new DomainError("CONFLICT", ENTRY_CHANGED_MESSAGE);
    return { contractId: entry.contractId };
  });
}
