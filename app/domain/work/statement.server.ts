// Monthly statements of a contract: the list of months with work, and one month's statement.
// Every party (business, provider, assignees) and staff may read them.
import { taskTypeLabels } from "#app/domain/profiles/taxonomy";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { loadWorkContext } from "./work-access.server";
import { formatMonth, ISO_MONTH, monthDays, monthOfDay, parisMonthOf } from "./work-dates";
import type { WorkContract } from "./work.repo.server";
import { statementOf, type StatementMilestone, type StatementPerson } from "./statement";
import {
  findEntries,
  findMilestones,
  findWorkDays,
  type EntryRow,
  type MilestoneRow,
} from "./statement.repo.server";

export const entryPerson = (e: EntryRow): StatementPerson => ({
  userId: e.assignee.userId,
  displayName: e.assignee.user.displayName,
  role: e.assignee.role,
});

/** Who delivered a milestone: her assignee row on this contract (the provider when unknown). */
export function milestonePerson(contract: WorkContract, userId: string | null): StatementPerson {
  const rows = contract.assignees.filter((a) => a.userId === (userId ?? contract.providerUserId));
  const row = rows.find((a) => a.cancelledAt === null) ?? rows[0] ?? contract.assignees[0];
  return row
    ? { userId: row.userId, displayName: row.displayName, role: row.role }
    : { userId: contract.providerUserId, displayName: "", role: "PRIMARY" };
}

export const toStatementMilestones = (
  contract: WorkContract,
  rows: readonly MilestoneRow[],
): StatementMilestone[] => rows.map((m) => ({ ...m, person: milestonePerson(contract, m.submittedById) }));

function contractHeader(contract: WorkContract) {
  return {
    id: contract.id,
    title: contract.title,
    businessName: contract.businessName,
    status: contract.status,
    billingMode: contract.billingMode,
  };
}

export async function buildMonthlyStatement({
  actorId,
  contractId,
  month,
}: {
  actorId: string;
  contractId: string;
  month: string;
}) {
  const { contract, role } = await loadWorkContext(db, actorId, contractId);
  if (!ISO_MONTH.test(month)) throw new DomainError("NOT_FOUND", "Ce relevé est introuvable.");
  const [entries, milestones] = await Promise.all([
    findEntries(contractId, monthDays(month)),
    findMilestones(contractId),
  ]);
  const statement = statementOf(
    contract,
    entries.map((e) => ({ ...e, kind: e.kind === "TASK" ? "TASK" : "TIME", person: entryPerson(e) })),
    toStatementMilestones(contract, milestones),
    month,
  );
  return {
    contract: contractHeader(contract),
    viewerRole: role,
    monthLabel: formatMonth(month),
    statement,
    taskLabels: taskTypeLabels,
  };
}

/** The months (newest first) where the contract has logged work or a submitted / approved milestone. */
export async function listStatementMonths({ actorId, contractId }: { actorId: string; contractId: string }) {
  const { contract, role } = await loadWorkContext(db, actorId, contractId);
  const [days, milestones] = await Promise.all([findWorkDays(contractId), findMilestones(contractId)]);
  const months = new Set(days.map(monthOfDay));
  for (const m of milestones) {
    if (m.reviewedAt && m.status === "APPROVED") months.add(parisMonthOf(m.reviewedAt));
    else if (m.submittedAt) months.add(parisMonthOf(m.submittedAt));
  }
  const sorted = [...months].sort().reverse();
  return {
    contract: contractHeader(contract),
    viewerRole: role,
    months: sorted.map((month) => ({ month, label: formatMonth(month) })),
  };
}
