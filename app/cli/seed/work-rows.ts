// Work logged on the seeded contracts: time and task entries on the session days already past,
// reviewed the way the product would have (approved by the business within the review window, or
// automatically when nobody acted), and milestones for the fixed-price ones. Amounts are computed
// as the work domain does: round(minutes × rate / 60) for time, quantity × unit price for tasks.
import { addDays as addIsoDays, occurrenceDays, parisToday } from "#app/domain/missions/schedule";
import type { TaskType } from "#app/domain/profiles/taxonomy";
import { addDays, addHours, type SeedContext } from "./context";
import { REVIEW_WINDOW_DAYS } from "./contract-rows";
import type { AssigneeRow, ContractRow, MilestoneRow, SeedPlan, WorkEntryRow } from "./plan-types";

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** Session days of the contract from its start to `until` (exclusive), as ISO days. */
export function pastSessionDays(contract: ContractRow, until: string): string[] {
  const { mission } = contract.terms;
  const start = contract.terms.startDate;
  if (mission.scheduleType === "RECURRING" && mission.rrule) {
    return occurrenceDays(mission.rrule, mission.startDate, start, 400).filter((day) => day < until);
  }
  const days: string[] = [];
  for (
    let day = start;
    day < until && (!mission.endDate || day <= mission.endDate);
    day = addIsoDays(day, 1)
  ) {
    const weekday = dayDate(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

type Review = Pick<WorkEntryRow, "status" | "reviewedAt" | "reviewedById" | "autoApproved" | "disputeReason">;

/** Past the review window: approved, by the business two times in three, else automatically. */
function reviewOf(
  ctx: SeedContext,
  submittedAt: Date,
  businessUserId: string,
  dispute: string | null,
): Review {
  if (dispute) {
    const at = addHours(submittedAt, 20);
    return {
      status: "DISPUTED",
      reviewedAt: at,
      reviewedById: businessUserId,
      autoApproved: false,
      disputeReason: dispute,
    };
  }
  const deadline = addDays(submittedAt, REVIEW_WINDOW_DAYS);
  if (deadline > ctx.now) {
    return {
      status: "SUBMITTED",
      reviewedAt: null,
      reviewedById: null,
      autoApproved: false,
      disputeReason: null,
    };
  }
  if (ctx.random.chance(2 / 3)) {
    const at = addHours(submittedAt, ctx.random.int(14, 24 * (REVIEW_WINDOW_DAYS - 1)));
    return {
      status: "APPROVED",
      reviewedAt: at,
      reviewedById: businessUserId,
      autoApproved: false,
      disputeReason: null,
    };
  }
  // The worker runs every few minutes: it approves just after the window closes.
  return {
    status: "APPROVED",
    reviewedAt: addHours(deadline, 0.1),
    reviewedById: null,
    autoApproved: true,
    disputeReason: null,
  };
}

/** Approved by the business the next morning (14 h later), or just now if that is still ahead. */
function approvedAt(ctx: SeedContext, submittedAt: Date, businessUserId: string): Review {
  const at = new Date(Math.min(addHours(submittedAt, 14).getTime(), ctx.now.getTime() - 60_000));
  return {
    status: "APPROVED",
    reviewedAt: at,
    reviewedById: businessUserId,
    autoApproved: false,
    disputeReason: null,
  };
}

export type EntryPlan = {
  contract: ContractRow;
  assignee: AssigneeRow;
  days: string[];
  businessUserId: string;
  /** Days whose entry the business disputed, with its reason. */
  disputes?: Record<string, string>;
  /** Entries of days before this ISO day are all reviewed: those still in their window were approved the next morning. */
  reviewedBefore?: string;
} & (
  | { kind: "TIME"; minutes: [number, number]; descriptions: readonly string[] }
  | { kind: "TASK"; tasks: { task: TaskType; quantity: [number, number]; description: string }[] }
);

function entry(
  ctx: SeedContext,
  plan: EntryPlan,
  day: string,
  work: Pick<
    WorkEntryRow,
    "kind" | "minutes" | "taskType" | "quantity" | "unitPriceCents" | "amountCents" | "description"
  >,
): WorkEntryRow {
  // Logged the same evening (18 h – 21 h Paris, about 17 h – 20 h UTC).
  const submittedAt = new Date(dayDate(day).getTime() + 17 * 3_600_000 + ctx.random.int(0, 180) * 60_000);
  const drawn = reviewOf(ctx, submittedAt, plan.businessUserId, plan.disputes?.[day] ?? null);
  const review =
    drawn.status === "SUBMITTED" && plan.reviewedBefore && day < plan.reviewedBefore
      ? approvedAt(ctx, submittedAt, plan.businessUserId)
      : drawn;
  return {
    id: ctx.random.uuid(),
    contractId: plan.contract.id,
    assigneeId: plan.assignee.id,
    workDate: dayDate(day),
    ...work,
    ...review,
    submittedAt,
    createdAt: submittedAt,
    updatedAt: review.reviewedAt ?? submittedAt,
  };
}

export function addEntries(ctx: SeedContext, seed: SeedPlan, plan: EntryPlan): void {
  const today = parisToday(ctx.now);
  for (const day of plan.days.filter((d) => d < today)) {
    if (plan.kind === "TIME") {
      const minutes = ctx.random.int(plan.minutes[0] / 5, plan.minutes[1] / 5) * 5;
      const rate = plan.contract.hourlyRateCents!;
      const description = ctx.random.pick(plan.descriptions);
      seed.workEntries.push(
        entry(ctx, plan, day, {
          kind: "TIME",
          minutes,
          taskType: null,
          quantity: null,
          unitPriceCents: rate,
          amountCents: Math.round((minutes * rate) / 60),
          description,
        }),
      );
      continue;
    }
    for (const line of plan.tasks) {
      const price = plan.contract.taskPrices.find((p) => p.task === line.task)!.unitPriceCents;
      const quantity = ctx.random.int(line.quantity[0], line.quantity[1]);
      seed.workEntries.push(
        entry(ctx, plan, day, {
          kind: "TASK",
          minutes: null,
          taskType: line.task,
          quantity,
          unitPriceCents: price,
          amountCents: quantity * price,
          description: line.description,
        }),
      );
    }
  }
}

export type MilestoneState = {
  status: MilestoneRow["status"];
  /** Days before the seed's now it was submitted (SUBMITTED, APPROVED, DISPUTED). */
  submittedDaysAgo?: number;
  note?: string;
  disputeReason?: string;
  auto?: boolean;
};

/** The contract's milestones (from its terms), in the states given, in order. */
export function addMilestones(
  ctx: SeedContext,
  seed: SeedPlan,
  contract: ContractRow,
  by: { providerId: string; businessId: string },
  states: MilestoneState[],
): void {
  contract.terms.milestones.forEach((m, position) => {
    const state = states[position] ?? { status: "PLANNED" };
    const submittedAt =
      state.submittedDaysAgo === undefined ? null : addHours(addDays(ctx.now, -state.submittedDaysAgo), -2);
    const reviewedAt =
      submittedAt && state.status !== "SUBMITTED"
        ? state.auto
          ? new Date(submittedAt.getTime() + REVIEW_WINDOW_DAYS * DAY + 360_000)
          : addHours(submittedAt, 26)
        : null;
    seed.milestones.push({
      id: ctx.random.uuid(),
      contractId: contract.id,
      position,
      title: m.title,
      amountCents: m.amountCents,
      dueDate: m.dueDate ? dayDate(m.dueDate) : null,
      status: state.status,
      submittedById: submittedAt ? by.providerId : null,
      submittedAt,
      deliveryNote: submittedAt ? (state.note ?? "Livré : voir le dossier partagé.") : null,
      reviewedAt,
      reviewedById: reviewedAt && !state.auto ? by.businessId : null,
      autoApproved: Boolean(state.auto),
      disputeReason: state.disputeReason ?? null,
      createdAt: contract.createdAt,
      updatedAt: reviewedAt ?? submittedAt ?? contract.createdAt,
    });
  });
}

export { isoDay };
