// Rows the dashboard tests need that no factory writes yet: bids, offers, work entries, milestones.
import { db } from "#app/lib/db.server";

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function bid(
  missionId: string,
  bidder: { id: string },
  status: string,
  extra: { agencyId?: string; origin?: "BID" | "OFFER"; createdById?: string } = {},
) {
  const live = status === "SUBMITTED" || status === "SHORTLISTED" ? true : null;
  return db.proposal.create({
    data: {
      missionId,
      origin: extra.origin ?? "BID",
      bidderKey: extra.agencyId ? `agency:${extra.agencyId}` : `user:${bidder.id}`,
      bidderUserId: bidder.id,
      agencyId: extra.agencyId ?? null,
      status,
      live,
      coverLetter: "Disponible et habituée à Doctolib.",
      hourlyRateCents: 3000,
      startDate: day("2027-01-04"),
      createdById: extra.createdById ?? bidder.id,
    },
    select: { id: true },
  });
}

type Entry = {
  contractId: string;
  assigneeId: string;
  workDate: string;
  status: string;
  minutes?: number;
  quantity?: number;
  unitPriceCents: number;
  submittedAt?: Date;
};

/** TIME when `minutes` is given (round(minutes × rate / 60)), TASK otherwise (quantity × price). */
export function workEntry(entry: Entry) {
  const time = entry.minutes !== undefined;
  const amountCents = time
    ? Math.round((entry.minutes! * entry.unitPriceCents) / 60)
    : entry.quantity! * entry.unitPriceCents;
  return db.workEntry.create({
    data: {
      contractId: entry.contractId,
      assigneeId: entry.assigneeId,
      kind: time ? "TIME" : "TASK",
      workDate: day(entry.workDate),
      minutes: entry.minutes ?? null,
      taskType: time ? null : "CALL_ANSWERED",
      quantity: entry.quantity ?? null,
      unitPriceCents: entry.unitPriceCents,
      amountCents,
      description: "Permanence téléphonique",
      status: entry.status,
      submittedAt: entry.submittedAt ?? new Date("2026-11-28T10:00:00Z"),
    },
    select: { id: true, amountCents: true },
  });
}
