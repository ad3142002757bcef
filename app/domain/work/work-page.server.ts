// What /contrats/:id/travail shows: the log form for the contract's billing mode (assignees), the
// month's entries (an assignee sees her own; the business, the provider and staff see everyone's,
// each tagged with who did it) and, for the business, what it can approve or dispute.
import { assigneeRoleLabels, type AssigneeRole } from "#app/domain/contracts/contract-assignees";
import { contractAcceptsWork } from "#app/domain/contracts/contract-machine";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { taskTypeLabels } from "#app/domain/profiles/taxonomy";
import { db } from "#app/lib/db.server";
import { loadWorkContext } from "./work-access.server";
import { formatDate } from "#app/lib/dates";
import {
  autoApprovalAt,
  formatMonth,
  isoDayOf,
  ISO_MONTH,
  monthDays,
  mondayOf,
  storedDay,
  weekDays,
} from "./work-dates";
import { workIsEditable } from "./work-review-machine";
import { contractAllowsReview } from "./work.policy";
import type { WorkContract } from "./work.repo.server";
import { milestonePerson } from "./statement.server";
import { findEntries, findMilestones, type EntryRow, type MilestoneRow } from "./statement.repo.server";

/** `week`: any day of the week to show ("2026-11-25"); without it, the month (default: this one). */
export type WorkPageQuery = {
  month?: string | null;
  week?: string | null;
  assignee?: string | null;
  edit?: string | null;
};

/** The period shown: a week when asked for, else a month. */
function periodOf(query: WorkPageQuery, today: string) {
  const week = query.week && storedDay(query.week) ? mondayOf(query.week) : null;
  const month = query.month && ISO_MONTH.test(query.month) ? query.month : (week ?? today).slice(0, 7);
  if (week) {
    const label = `semaine du ${formatDate(`${week}T12:00:00Z`)}`;
    return { month, week, label, range: weekDays(week) };
  }
  return { month, week: null, label: formatMonth(month), range: monthDays(month) };
}

const roleLabel = (role: string) => assigneeRoleLabels[role as AssigneeRole] ?? role;
const taskLabel = (task: string | null) =>
  task ? (taskTypeLabels[task as keyof typeof taskTypeLabels] ?? task) : null;
const dueOn = (status: string, submittedAt: Date | null, windowDays: number) =>
  status === "SUBMITTED" && submittedAt ? autoApprovalAt(submittedAt, windowDays).toISOString() : null;

function entryView(e: EntryRow, contract: WorkContract, viewer: { id: string; reviews: boolean }) {
  return {
    id: e.id,
    kind: e.kind,
    date: isoDayOf(e.workDate),
    minutes: e.minutes,
    taskType: e.taskType,
    taskLabel: taskLabel(e.taskType),
    quantity: e.quantity,
    unitPriceCents: e.unitPriceCents,
    amountCents: e.amountCents,
    description: e.description,
    status: e.status,
    autoApproved: e.autoApproved,
    disputeReason: e.disputeReason,
    autoApprovesAt: dueOn(e.status, e.submittedAt, contract.reviewWindowDays),
    who: { userId: e.assignee.userId, name: e.assignee.user.displayName, role: roleLabel(e.assignee.role) },
    editable: e.assignee.userId === viewer.id && workIsEditable(e.status),
    reviewable: viewer.reviews && (e.status === "SUBMITTED" || e.status === "DISPUTED"),
  };
}

function milestoneView(
  m: MilestoneRow,
  contract: WorkContract,
  viewer: { canLog: boolean; reviews: boolean },
) {
  const person = m.submittedById ? milestonePerson(contract, m.submittedById) : null;
  return {
    id: m.id,
    title: m.title,
    amountCents: m.amountCents,
    dueDate: m.dueDate ? isoDayOf(m.dueDate) : null,
    status: m.status,
    deliveryNote: m.deliveryNote,
    disputeReason: m.disputeReason,
    autoApproved: m.autoApproved,
    submittedAt: m.submittedAt?.toISOString() ?? null,
    autoApprovesAt: dueOn(m.status, m.submittedAt, contract.reviewWindowDays),
    who: person ? { name: person.displayName, role: roleLabel(person.role) } : null,
    submittable: viewer.canLog && (m.status === "PLANNED" || m.status === "DISPUTED"),
    reviewable: viewer.reviews && (m.status === "SUBMITTED" || m.status === "DISPUTED"),
  };
}

export async function getWorkPage({
  actorId,
  contractId,
  query = {},
  now = new Date(),
}: {
  actorId: string;
  contractId: string;
  query?: WorkPageQuery;
  now?: Date;
}) {
  const { contract, role } = await loadWorkContext(db, actorId, contractId);
  const today = parisToday(now);
  const period = periodOf(query, today);
  const isAssignee = contract.assignees.some((a) => a.userId === actorId && a.cancelledAt === null);
  const seesEveryone = role !== "ASSIGNEE";
  const canLog = isAssignee && contractAcceptsWork(contract.status);
  const reviews = role === "BUSINESS" && contractAllowsReview(contract.status);
  const filter = seesEveryone ? (query.assignee ?? undefined) : actorId;
  const [entries, milestones] = await Promise.all([
    findEntries(contractId, period.range, filter),
    contract.billingMode === "FIXED" ? findMilestones(contractId) : Promise.resolve([]),
  ]);
  const views = entries.map((e) => entryView(e, contract, { id: actorId, reviews }));
  const editing = query.edit ? (views.find((e) => e.id === query.edit && e.editable) ?? null) : null;
  return {
    contract: {
      id: contract.id,
      title: contract.title,
      businessName: contract.businessName,
      status: contract.status,
      billingMode: contract.billingMode,
      hourlyRateCents: contract.hourlyRateCents,
      taskPrices: contract.taskPrices.map((p) => ({ ...p, label: taskLabel(p.task) ?? p.task })),
      reviewWindowDays: contract.reviewWindowDays,
      startDate: isoDayOf(contract.startDate),
      endDate: contract.endDate ? isoDayOf(contract.endDate) : null,
    },
    viewer: { role, canLog, reviews, isAssignee, seesEveryone },
    today,
    month: period.month,
    week: period.week ? { previous: addDays(period.week, -7), next: addDays(period.week, 7) } : null,
    thisWeek: mondayOf(today),
    periodLabel: period.label,
    assigneeFilter: filter ?? null,
    people: seesEveryone ? peopleOf(contract) : [],
    entries: views,
    totalCents: views.reduce((sum, e) => sum + e.amountCents, 0),
    milestones: milestones.map((m) => milestoneView(m, contract, { canLog, reviews })),
    editing,
  };
}

/** One option per person (a user may hold two assignee rows). */
function peopleOf(contract: WorkContract) {
  const seen = new Map<string, { userId: string; name: string; role: string }>();
  for (const a of contract.assignees)
    if (!seen.has(a.userId))
      seen.set(a.userId, { userId: a.userId, name: a.displayName, role: roleLabel(a.role) });
  return [...seen.values()];
}

export type WorkPage = Awaited<ReturnType<typeof getWorkPage>>;
