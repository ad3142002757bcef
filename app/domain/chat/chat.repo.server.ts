// The only chat module that touches Prisma. Who takes part in a conversation is read here from the
// mission, the bid and the contract each time (nothing stored), then decided in chat-participants.ts.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";

type Client = Tx | typeof db;
const person = { select: { id: true, displayName: true } } as const;
const members = { select: { user: person }, orderBy: { createdAt: "asc" } } as const;

const conversationSelect = {
  id: true,
  kind: true,
  missionId: true,
  bidderKey: true,
  contractId: true,
  lastSeq: true,
  lastMessageAt: true,
  createdAt: true,
  mission: {
    select: {
      title: true,
      medicalSecrecy: true,
      organization: { select: { name: true, memberships: members } },
    },
  },
  contract: {
    select: {
      providerUserId: true,
      activatedAt: true,
      agency: { select: { name: true, memberships: members } },
      assignees: { where: { cancelledAt: null }, select: { user: person } },
    },
  },
} satisfies Prisma.ConversationSelect;

export type Person = { id: string; displayName: string };
type ConversationRow = Prisma.ConversationGetPayload<{ select: typeof conversationSelect }>;
type Side = { name: string; people: Person[] };

/** A bid key names an agency (`agency:<id>`) or, otherwise, a user (`user:<id>`). */
function parseBidderKey(bidderKey: string | null): { agencyId: string } | { userId: string | null } {
  const [kind, id] = (bidderKey ?? "").split(":");
  if (kind === "agency" && id) return { agencyId: id };
  return { userId: id || null };
}

/** Everyone the provider sides of these rows name, in two queries at most (none when not needed). */
async function findProviderPeople(rows: ConversationRow[], client: Client) {
  const userIds = new Set<string>();
  const agencyIds = new Set<string>();
  for (const row of rows) {
    if (row.contract) userIds.add(row.contract.providerUserId);
    else {
      const bidder = parseBidderKey(row.bidderKey);
      if ("agencyId" in bidder) agencyIds.add(bidder.agencyId);
      else if (bidder.userId) userIds.add(bidder.userId);
    }
  }
  const [users, agencies] = await Promise.all([
    userIds.size ? client.user.findMany({ where: { id: { in: [...userIds] } }, ...person }) : [],
    agencyIds.size
      ? client.organization.findMany({
          where: { id: { in: [...agencyIds] } },
          select: { id: true, name: true, memberships: members },
        })
      : [],
  ]);
  return { users: new Map(users.map((u) => [u.id, u])), agencies: new Map(agencies.map((a) => [a.id, a])) };
}

type ProviderPeople = Awaited<ReturnType<typeof findProviderPeople>>;

/** The provider side: the contract's parties, or the bidder (the secretary, or the agency and its members). */
function providerSide(row: ConversationRow, { users, agencies }: ProviderPeople): Side {
  if (row.contract) {
    const { agency, assignees, providerUserId } = row.contract;
    const signer = users.get(providerUserId);
    const people = [...(signer ? [signer] : []), ...(agency?.memberships.map((m) => m.user) ?? [])];
    people.push(...assignees.map((a) => a.user));
    return { name: agency?.name ?? signer?.displayName ?? "Secrétaire", people };
  }
  const bidder = parseBidderKey(row.bidderKey);
  if ("agencyId" in bidder) {
    const agency = agencies.get(bidder.agencyId);
    return { name: agency?.name ?? "Agence", people: agency?.memberships.map((m) => m.user) ?? [] };
  }
  const user = bidder.userId ? users.get(bidder.userId) : undefined;
  return { name: user?.displayName ?? "Secrétaire", people: user ? [user] : [] };
}

function toLoaded(row: ConversationRow, provider: Side) {
  return {
    id: row.id,
    kind: row.kind as "MISSION" | "CONTRACT",
    missionId: row.missionId,
    bidderKey: row.bidderKey,
    contractId: row.contractId,
    /** Both sides accepted the contract: its thread shows contact details. */
    contractActivated: row.contract?.activatedAt != null,
    lastSeq: row.lastSeq,
    lastMessageAt: row.lastMessageAt,
    createdAt: row.createdAt,
    missionTitle: row.mission.title,
    medicalSecrecy: row.mission.medicalSecrecy,
    businessName: row.mission.organization.name,
    providerName: provider.name,
    business: row.mission.organization.memberships.map((m) => m.user),
    provider: provider.people,
  };
}

export type LoadedConversation = ReturnType<typeof toLoaded>;

/**
 * These conversations with both sides' people, in the order of `ids` (unknown ids are left out):
 * three queries at most, however many conversations.
 */
export async function loadConversations(ids: string[], client: Client = db): Promise<LoadedConversation[]> {
  if (ids.length === 0) return [];
  const rows = await client.conversation.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: conversationSelect,
  });
  const people = await findProviderPeople(rows, client);
  const byId = new Map(rows.map((row) => [row.id, toLoaded(row, providerSide(row, people))]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A conversation with both sides' people, or null. */
export async function loadConversation(conversationId: string, client: Client = db) {
  const [conversation] = await loadConversations([conversationId], client);
  return conversation ?? null;
}

export const bidId = (missionId: string, bidderKey: string) => `${missionId} ${bidderKey}`;

/**
 * Which of these bids (mission, bidder key) a contract came from — the masking ends then. One query;
 * the answer holds `bidId(missionId, bidderKey)` of each.
 */
export async function findContractedBids(bids: { missionId: string; bidderKey: string }[]) {
  if (bids.length === 0) return new Set<string>();
  const contracts = await db.contract.findMany({
    where: {
      missionId: { in: [...new Set(bids.map((b) => b.missionId))] },
      proposal: { bidderKey: { in: [...new Set(bids.map((b) => b.bidderKey))] } },
      activatedAt: { not: null },
    },
    select: { missionId: true, proposal: { select: { bidderKey: true } } },
  });
  return new Set(contracts.map((c) => bidId(c.missionId, c.proposal.bidderKey)));
}

/** Every conversation the user may be part of, newest activity first (checked again on read). */
export async function findConversationIdsFor(userId: string): Promise<string[]> {
  const agencies = await db.membership.findMany({
    where: { userId, organization: { kind: "AGENCY" } },
    select: { organizationId: true },
  });
  const keys = [`user:${userId}`, ...agencies.map((m) => `agency:${m.organizationId}`)];
  const member = { memberships: { some: { userId } } };
  const rows = await db.conversation.findMany({
    where: {
      OR: [
        { mission: { organization: member } },
        { kind: "MISSION", bidderKey: { in: keys } },
        {
          kind: "CONTRACT",
          contract: {
            OR: [
              { providerUserId: userId },
              { agency: member },
              { assignees: { some: { userId, cancelledAt: null } } },
            ],
          },
        },
      ],
    },
    orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function findMissionConversation(client: Client, missionId: string, bidderKey: string) {
  return client.conversation.findUnique({
    where: { missionId_bidderKey: { missionId, bidderKey } },
    select: { id: true },
  });
}

export async function createMissionConversation(client: Client, missionId: string, bidderKey: string) {
  return client.conversation.create({
    data: { kind: "MISSION", missionId, bidderKey },
    select: { id: true },
  });
}

export async function findContractConversation(client: Client, contractId: string) {
  return client.conversation.findUnique({ where: { contractId }, select: { id: true } });
}

export async function createContractConversation(client: Client, contractId: string) {
  const contract = await client.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { missionId: true },
  });
  return client.conversation.create({
    data: { kind: "CONTRACT", missionId: contract.missionId, contractId },
    select: { id: true },
  });
}

export async function contractExists(client: Client, contractId: string): Promise<boolean> {
  return (await client.contract.findUnique({ where: { id: contractId }, select: { id: true } })) !== null;
}

/** The mission and bid key of a proposal (its thread is that mission's conversation with that bidder). */
export async function findProposalBid(client: Client, proposalId: string) {
  return client.proposal.findUnique({
    where: { id: proposalId },
    select: { missionId: true, bidderKey: true },
  });
}
