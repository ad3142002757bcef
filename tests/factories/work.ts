// Work records written straight to the database (entries in any status, replacement periods), for
// the review, auto-approval and statement tests. The logging use cases are tested on their own.
import { db } from "#app/lib/db.server";
import { createSecretary } from "#tests/factories/users";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A REPLACEMENT assignee covering `startsOn..endsOn` for the assignee `replacesId`. */
export async function addReplacement(
  contractId: string,
  {
    replacesId,
    startsOn,
    endsOn,
    createdById,
    displayName = "Léa Roux",
  }: {
    replacesId: string;
    startsOn: string;
    endsOn: string;
    createdById: string;
    displayName?: string;
  },
) {
  const user = await createSecretary({ status: "PUBLISHED", displayName });
  const assignee = await db.contractAssignee.create({
    data: {
      contractId,
      userId: user.id,
      role: "REPLACEMENT",
      startsOn: day(startsOn),
      endsOn: day(endsOn),
      replacesId,
      createdById,
    },
    select: { id: true },
  });
  return { user, assigneeId: assignee.id };
}

export type EntrySpec = {
  contractId: string;
  assigneeId: string;
  date: string;
  kind?: "TIME" | "TASK";
  minutes?: number;
  taskType?: string;
  quantity?: number;
  unitPriceCents?: number;
  amountCents?: number;
  status?: "SUBMITTED" | "APPROVED" | "DISPUTED";
  submittedAt?: Date;
  reviewedAt?: Date | null;
  description?: string;
};

export async function createEntry(spec: EntrySpec) {
  const kind = spec.kind ?? "TIME";
  const unitPriceCents = spec.unitPriceCents ?? (kind === "TIME" ? 3000 : 150);
  const amountCents =
    spec.amountCents ??
    (kind === "TIME"
      ? Math.round(((spec.minutes ?? 60) * unitPriceCents) / 60)
      : (spec.quantity ?? 1) * unitPriceCents);
  const status = spec.status ?? "SUBMITTED";
  return db.workEntry.create({
    data: {
      contractId: spec.contractId,
      assigneeId: spec.assigneeId,
      kind,
      workDate: day(spec.date),
      minutes: kind === "TIME" ? (spec.minutes ?? 60) : null,
      taskType: kind === "TASK" ? (spec.taskType ?? "CALL_ANSWERED") : null,
      quantity: kind === "TASK" ? (spec.quantity ?? 1) : null,
      unitPriceCents,
      amountCents,
      description: spec.description ?? "Permanence téléphonique",
      status,
      submittedAt: spec.submittedAt ?? new Date(`${spec.date}T18:00:00Z`),
      reviewedAt: status === "SUBMITTED" ? null : (spec.reviewedAt ?? new Date(`${spec.date}T20:00:00Z`)),
      disputeReason: status === "DISPUTED" ? "Heures non prévues" : null,
    },
    select: { id: true, status: true, amountCents: true },
  });
}

export const entryRow = (id: string) =>
  db.workEntry.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      amountCents: true,
      unitPriceCents: true,
      minutes: true,
      quantity: true,
      submittedAt: true,
      reviewedAt: true,
      reviewedById: true,
      autoApproved: true,
      disputeReason: true,
      assigneeId: true,
      description: true,
    },
  });
