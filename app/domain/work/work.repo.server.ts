// Prisma access for work records: the contract facts the rules need, entries and milestones.
// Every query names its columns; JSON columns are validated on the way out.
import { z } from "zod";
import { assigneePeriodSelect } from "#app/domain/contracts/contract-assignees";
import type { ContractViewer } from "#app/domain/contracts/contracts.policy";
import type { db, Tx } from "#app/lib/db.server";

type Client = Tx | typeof db;

const taskPricesSchema = z.array(z.object({ task: z.string(), unitPriceCents: z.number().int().positive() }));
const headerSchema = z
  .object({ mission: z.object({ title: z.string() }), business: z.object({ name: z.string() }) })
  .passthrough();

/** The viewer as contracts.policy sees it: business memberships, owned agencies, staff role. */
export async function findWorkViewer(client: Client, userId: string): Promise<ContractViewer> {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      memberships: { select: { role: true, organization: { select: { id: true, kind: true } } } },
    },
  });
  if (!user) return null;
  const businessIds = user.memberships.filter((m) => m.organization.kind === "BUSINESS");
  const ownedAgencies = user.memberships.filter(
    (m) => m.organization.kind === "AGENCY" && m.role === "OWNER",
  );
  return {
    id: user.id,
    role: user.role,
    businessIds: businessIds.map((m) => m.organization.id),
    ownedAgencyIds: ownedAgencies.map((m) => m.organization.id),
  };
}

const contractSelect = {
  id: true,
  status: true,
  billingMode: true,
  organizationId: true,
  agencyId: true,
  providerUserId: true,
  hourlyRateCents: true,
  taskPrices: true,
  startDate: true,
  endDate: true,
  reviewWindowDays: true,
  platformFeeBps: true,
  terms: true,
  assignees: {
    orderBy: { createdAt: "asc" },
    select: {
      ...assigneePeriodSelect,
      user: { select: { displayName: true } },
    },
  },
} as const;

/** A contract with what the work rules need: prices, dates, window, fee, assignees and their periods. */
export async function findContractForWork(client: Client, contractId: string) {
  const row = await client.contract.findUnique({ where: { id: contractId }, select: contractSelect });
  if (!row) return null;
  const { terms, taskPrices, assignees, ...rest } = row;
  const header = headerSchema.safeParse(terms);
  return {
    ...rest,
    title: header.success ? header.data.mission.title : "Contrat",
    businessName: header.success ? header.data.business.name : "",
    taskPrices: taskPricesSchema.parse(taskPrices),
    assignees: assignees.map(({ user, ...a }) => ({ ...a, displayName: user.displayName })),
  };
}
export type WorkContract = NonNullable<Awaited<ReturnType<typeof findContractForWork>>>;

/** Minutes this person already logged on `day`, every contract together (optionally minus one entry). */
export async function minutesLoggedOn(tx: Tx, userId: string, day: Date, exceptEntryId?: string) {
  const sum = await tx.workEntry.aggregate({
    where: {
      kind: "TIME",
      workDate: day,
      assignee: { userId },
      ...(exceptEntryId ? { id: { not: exceptEntryId } } : {}),
    },
    _sum: { minutes: true },
  });
  return sum._sum.minutes ?? 0;
}

export type NewEntry = {
  contractId: string;
  assigneeId: string;
  kind: "TIME" | "TASK";
  workDate: Date;
  minutes: number | null;
  taskType: string | null;
  quantity: number | null;
  unitPriceCents: number;
  amountCents: number;
  description: string;
  submittedAt: Date;
};

export async function createEntries(tx: Tx, entries: readonly NewEntry[]) {
  const ids: string[] = [];
  for (const data of entries) ids.push((await tx.workEntry.create({ data, select: { id: true } })).id);
  return ids;
}

export function findEntry(client: Client, entryId: string) {
  return client.workEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      contractId: true,
      assigneeId: true,
      kind: true,
      taskType: true,
      status: true,
      assignee: { select: { userId: true } },
    },
  });
}

export function findMilestone(client: Client, milestoneId: string) {
  return client.milestone.findUnique({
    where: { id: milestoneId },
    select: { id: true, contractId: true, status: true, title: true },
  });
}
