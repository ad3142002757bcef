// What the event hooks read to address a notification, inside the use case's transaction.
import type { Tx } from "#app/lib/db.server";

export async function organizationMemberIds(tx: Tx, organizationId: string, role?: "OWNER") {
  const rows = await tx.membership.findMany({
    where: { organizationId, ...(role ? { role } : {}) },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

export async function findProposalForNotice(tx: Tx, proposalId: string) {
  return tx.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      missionId: true,
      bidderUserId: true,
      agencyId: true,
      decisionMessage: true,
      bidder: { select: { displayName: true } },
      agency: { select: { name: true } },
      mission: { select: { title: true, organizationId: true, organization: { select: { name: true } } } },
      contract: { select: { id: true } },
    },
  });
}

export async function findContractForNotice(tx: Tx, contractId: string) {
  return tx.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      organizationId: true,
      providerUserId: true,
      mission: { select: { title: true } },
      organization: { select: { name: true } },
    },
  });
}

export async function findEntryWorker(tx: Tx, entryId: string) {
  const entry = await tx.workEntry.findUnique({
    where: { id: entryId },
    select: { contractId: true, assignee: { select: { userId: true } } },
  });
  return entry ? { contractId: entry.contractId, workerId: entry.assignee.userId } : null;
}

export async function findMilestoneWorker(tx: Tx, milestoneId: string) {
  const milestone = await tx.milestone.findUnique({
    where: { id: milestoneId },
    select: { contractId: true, submittedById: true, title: true },
  });
  return milestone
    ? { contractId: milestone.contractId, workerId: milestone.submittedById, title: milestone.title }
    : null;
}

export async function findPayoutForNotice(tx: Tx, payoutId: string) {
  return tx.payout.findUnique({
    where: { id: payoutId },
    select: {
      payeeUserId: true,
      payeeOrganizationId: true,
      amountCents: true,
      payment: { select: { contract: { select: { mission: { select: { title: true } } } } } },
    },
  });
}

export async function findProfileOwner(tx: Tx, profileId: string) {
  return tx.secretaryProfile.findUnique({ where: { id: profileId }, select: { userId: true } });
}

export async function findMissionAuthor(tx: Tx, missionId: string) {
  return tx.mission.findUnique({ where: { id: missionId }, select: { createdById: true, title: true } });
}
