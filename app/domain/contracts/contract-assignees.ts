// Who works on a contract on a given day. Pure and client-safe: the work domain imports it to
// decide whether an assignee may log time, tasks or a milestone on that day.
// Days are Date values at UTC midnight of the Paris calendar day (how the app stores "2027-01-04").

export type AssigneeRole = "PRIMARY" | "MEMBER" | "REPLACEMENT";

export type AssigneePeriodFacts = {
  id: string;
  userId: string;
  role: string;
  startsOn: Date | null;
  endsOn: Date | null;
  replacesId: string | null;
  cancelledAt: Date | null;
};

/** The columns these rules read, as a select the repositories spread (and extend with what they show). */
export const assigneePeriodSelect = {
  id: true,
  userId: true,
  role: true,
  startsOn: true,
  endsOn: true,
  replacesId: true,
  cancelledAt: true,
} as const satisfies Record<keyof AssigneePeriodFacts, true>;

const dayKey = (day: Date) => day.toISOString().slice(0, 10);

/** Inclusive on both ends, compared as calendar days so a stray time of day never matters. */
export function coversDay(period: { startsOn: Date | null; endsOn: Date | null }, day: Date): boolean {
  if (!period.startsOn || !period.endsOn) return false;
  const key = dayKey(day);
  return dayKey(period.startsOn) <= key && key <= dayKey(period.endsOn);
}

/** The live replacement of `assigneeId` on `day`, if any (cancelled periods never count). */
export function replacementOn<T extends AssigneePeriodFacts>(
  assignees: readonly T[],
  assigneeId: string,
  day: Date,
) {
  return assignees.find(
    (a) =>
      a.role === "REPLACEMENT" && a.replacesId === assigneeId && a.cancelledAt === null && coversDay(a, day),
  );
}

/**
 * May this assignee log work on `day`? A REPLACEMENT only inside her period; a PRIMARY or MEMBER
 * every day except those where a live replacement covers her. The contract's own dates and status
 * are the caller's check (the work domain).
 */
export function assigneeMayLog(
  assignees: readonly AssigneePeriodFacts[],
  assigneeId: string,
  day: Date,
): boolean {
  const assignee = assignees.find((a) => a.id === assigneeId);
  if (!assignee || assignee.cancelledAt !== null) return false;
  if (assignee.role === "REPLACEMENT") return coversDay(assignee, day);
  if (assignee.role !== "PRIMARY" && assignee.role !== "MEMBER") return false;
  return replacementOn(assignees, assignee.id, day) === undefined;
}

/** The assignees who may log on `day` (for "who works today" lists). */
export function whoWorksOn<T extends AssigneePeriodFacts>(assignees: readonly T[], day: Date): T[] {
  return assignees.filter((a) => assigneeMayLog(assignees, a.id, day));
}

export const assigneeRoleLabels: Record<AssigneeRole, string> = {
  PRIMARY: "Titulaire",
  MEMBER: "Membre de l’agence",
  REPLACEMENT: "Remplaçante",
};
