// Writes the contract row, its assignees, milestones and first history row (creation transaction).
import type { Tx } from "#app/lib/db.server";
import { z } from "zod";
import type { ContractTerms } from "./contract-terms";

/**
 * The `from` of a contract's first history row: the contract did not exist before. An empty string
 * rather than a made-up status so no status list ever has to know about it.
 */
export const CONTRACT_CREATED_FROM = "";

const day = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);
const userIds = z.array(z.string()).catch([]);

type WriteInput = {
  proposal: {
    id: string;
    bidderUserId: string;
    agencyId: string | null;
    memberIds: unknown;
    mission: { id: string; organizationId: string };
  };
  terms: ContractTerms;
  actorId: string;
};

/**
 * Independent: the secretary is PRIMARY. Agency: the first named member still in the agency is
 * PRIMARY, the others MEMBER (someone who left the agency since the proposal is dropped); with
 * nobody left, the owner who signed works on it herself.
 */
async function assigneesOf(tx: Tx, proposal: WriteInput["proposal"], providerUserId: string) {
  if (!proposal.agencyId) return [{ userId: proposal.bidderUserId, role: "PRIMARY" }];
  const named = [...new Set(userIds.parse(proposal.memberIds))];
  const stillThere = await tx.membership.findMany({
    where: { organizationId: proposal.agencyId, userId: { in: named } },
    select: { userId: true },
  });
  const members = named.filter((id) => stillThere.some((m) => m.userId === id));
  if (members.length === 0) return [{ userId: providerUserId, role: "PRIMARY" }];
  return members.map((userId, index) => ({ userId, role: index === 0 ? "PRIMARY" : "MEMBER" }));
}

export async function writeContract(tx: Tx, { proposal, terms, actorId }: WriteInput): Promise<string> {
  const contract = await tx.contract.create({
    data: {
      missionId: proposal.mission.id,
      proposalId: proposal.id,
      organizationId: proposal.mission.organizationId,
      agencyId: proposal.agencyId,
      providerUserId: terms.provider.userId,
      status: "PENDING",
      billingMode: terms.billingMode,
      terms,
      hourlyRateCents: terms.hourlyRateCents,
      taskPrices: terms.taskPrices,
      fixedAmountCents: terms.fixedAmountCents,
      platformFeeBps: terms.platformFeeBps,
      reviewWindowDays: terms.reviewWindowDays,
      startDate: day(terms.startDate),
      endDate: terms.mission.endDate ? day(terms.mission.endDate) : null,
      assignees: {
        create: (await assigneesOf(tx, proposal, terms.provider.userId)).map((a) => ({
          ...a,
          createdById: actorId,
        })),
      },
      milestones: {
        create: terms.milestones.map((m, position) => ({
          position,
          title: m.title,
          amountCents: m.amountCents,
          dueDate: m.dueDate ? day(m.dueDate) : null,
          status: "PLANNED",
        })),
      },
      statusChanges: { create: { from: CONTRACT_CREATED_FROM, to: "PENDING", actorId } },
    },
    select: { id: true },
  });
  return contract.id;
}
