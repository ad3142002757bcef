// Reads of the contract pages: explicit selects, never whole rows.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server";
import { assigneePeriodSelect } from "./contract-assignees";

const person = { select: { id: true, displayName: true } } as const;

export async function findContractForPage(contractId: string) {
  return db.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      missionId: true,
      status: true,
      terms: true,
      organizationId: true,
      agencyId: true,
      providerUserId: true,
      startDate: true,
      endDate: true,
      businessAcceptedAt: true,
      businessAcceptedById: true,
      providerAcceptedAt: true,
      mandateAcceptedAt: true,
      activatedAt: true,
      endedAt: true,
      createdAt: true,
      organization: { select: { name: true } },
      agency: { select: { name: true } },
      assignees: {
        orderBy: { createdAt: "asc" },
        select: {
          ...assigneePeriodSelect,
          user: { select: { displayName: true, secretaryProfile: { select: { slug: true, status: true } } } },
        },
      },
      milestones: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, title: true, amountCents: true, dueDate: true, status: true },
      },
      statusChanges: {
        orderBy: { createdAt: "asc" },
        select: { id: true, from: true, to: true, reason: true, createdAt: true, actorId: true },
      },
    },
  });
}
export type ContractPageRow = NonNullable<Awaited<ReturnType<typeof findContractForPage>>>;

export async function findNames(userIds: string[]) {
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: person.select });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** Contracts the viewer is party to: her businesses', the agencies she owns, signed or assigned. */
export async function findContractsFor(viewer: {
  id: string;
  businessIds: readonly string[];
  ownedAgencyIds: readonly string[];
}) {
  const where: Prisma.ContractWhereInput = {
    OR: [
      { organizationId: { in: [...viewer.businessIds] } },
      { agencyId: { in: [...viewer.ownedAgencyIds] } },
      { providerUserId: viewer.id },
      { assignees: { some: { userId: viewer.id, cancelledAt: null } } },
    ],
  };
  return db.contract.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      status: true,
      billingMode: true,
      startDate: true,
      endDate: true,
      createdAt: true,
      organizationId: true,
      businessAcceptedAt: true,
      providerAcceptedAt: true,
      providerUserId: true,
      mission: { select: { title: true } },
      organization: { select: { name: true } },
      agency: { select: { name: true } },
    },
  });
}
