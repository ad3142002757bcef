// What accepting a proposal reads, inside the creation transaction.
import type { Tx } from "#app/lib/db.server";

const missionSelect = {
  id: true,
  status: true,
  openings: true,
  organizationId: true,
  title: true,
  description: true,
  skills: true,
  billingMode: true,
  scheduleType: true,
  startDate: true,
  endDate: true,
  rrule: true,
  timeWindows: true,
  workMode: true,
  commune: true,
  medicalSecrecy: true,
  organization: { select: { name: true, legalName: true, siret: true } },
} as const;

export async function loadProposalToAccept(tx: Tx, proposalId: string) {
  return tx.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      origin: true,
      status: true,
      bidderUserId: true,
      agencyId: true,
      memberIds: true,
      hourlyRateCents: true,
      taskPrices: true,
      fixedAmountCents: true,
      milestones: true,
      startDate: true,
      bidder: { select: { displayName: true } },
      agency: { select: { id: true, name: true } },
      mission: { select: missionSelect },
    },
  });
}
export type ProposalToAccept = NonNullable<Awaited<ReturnType<typeof loadProposalToAccept>>>;

/** Owners of an agency, oldest membership first (the one who signs when the bidder is not an owner). */
export async function findAgencyOwners(tx: Tx, agencyId: string) {
  const rows = await tx.membership.findMany({
    where: { organizationId: agencyId, role: "OWNER", organization: { kind: "AGENCY" } },
    orderBy: { createdAt: "asc" },
    select: { userId: true, user: { select: { displayName: true } } },
  });
  return rows.map((row) => ({ userId: row.userId, displayName: row.user.displayName }));
}

export async function isOrganizationMember(tx: Tx, userId: string, organizationId: string) {
  const membership = await tx.membership.findUnique({
    where: { userId_organizationId: { userId, organizationId } },
    select: { id: true },
  });
  return membership !== null;
}
