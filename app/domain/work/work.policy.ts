// Who may log and review work on a contract, and when. Pure: the caller reads the facts.
import {
  assigneeMayLog,
  replacementOn,
  type AssigneePeriodFacts,
} from "#app/domain/contracts/contract-assignees";
import {
  contractAcceptsWork,
  contractStatusLabels,
  isContractStatus,
} from "#app/domain/contracts/contract-machine";
import { formatDate } from "#app/lib/dates";

/**
 * The business may approve or dispute while the contract runs, is paused or is completed (work done
 * before the end is still owed). Not while the contract is DISPUTED — staff settle it first — nor
 * PENDING or CANCELLED. The worker's automatic approval follows the same rule.
 */
export const reviewableContractStatuses = ["ACTIVE", "PAUSED", "COMPLETED"] as const;
export const contractAllowsReview = (status: string) =>
  (reviewableContractStatuses as readonly string[]).includes(status);

const statusLabel = (status: string) => (isContractStatus(status) ? contractStatusLabels[status] : status);

export function contractClosedToWorkMessage(status: string): string | null {
  if (contractAcceptsWork(status)) return null;
  return `Le contrat est « ${statusLabel(status)} » : la saisie de travail n’est possible que pendant un contrat en cours.`;
}

export function contractClosedToReviewMessage(status: string): string | null {
  if (contractAllowsReview(status)) return null;
  return `Le contrat est « ${statusLabel(status)} » : le travail ne peut pas être validé ou contesté pour le moment.`;
}

export const NOT_ASSIGNEE_MESSAGE =
  "Seules les secrétaires affectées à ce contrat peuvent y saisir du travail.";
export const NOT_BUSINESS_MESSAGE = "Seule l’entreprise cliente peut valider ou contester le travail.";
export const NOT_AUTHOR_MESSAGE = "Vous ne pouvez modifier que votre propre travail.";

type LogCheck<T> = { ok: true; assignee: T } | { ok: false; message: string };

const dayText = (day: Date) => formatDate(new Date(day.getTime() + 12 * 3_600_000));

/**
 * The viewer's assignee row that may log on `day` (a REPLACEMENT inside her period; the replaced
 * assignee outside it), or why none may. `userId`'s live rows only.
 */
export function loggingAssignee<T extends AssigneePeriodFacts>(
  assignees: readonly T[],
  userId: string,
  day: Date,
): LogCheck<T> {
  const own = assignees.filter((a) => a.userId === userId && a.cancelledAt === null);
  if (own.length === 0) return { ok: false, message: NOT_ASSIGNEE_MESSAGE };
  const allowed = own.find((a) => assigneeMayLog(assignees, a.id, day));
  if (allowed) return { ok: true, assignee: allowed };
  const replacement = own.find((a) => a.role === "REPLACEMENT");
  if (replacement?.startsOn && replacement.endsOn)
    return {
      ok: false,
      message: `Votre remplacement couvre du ${dayText(replacement.startsOn)} au ${dayText(replacement.endsOn)} : vous ne pouvez pas saisir de travail le ${dayText(day)}.`,
    };
  const covered = own.some((a) => replacementOn(assignees, a.id, day));
  if (covered)
    return {
      ok: false,
      message: `Le ${dayText(day)}, vous êtes remplacée sur ce contrat : c’est votre remplaçante qui saisit le travail de ce jour.`,
    };
  return { ok: false, message: NOT_ASSIGNEE_MESSAGE };
}
