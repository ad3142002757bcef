// The only Prisma access of the reviews domain.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";

type Client = Tx | typeof db;

export const reviewSelect = {
  id: true,
  contractId: true,
  authorId: true,
  authorSide: true,
  subjectUserId: true,
  subjectOrganizationId: true,
  rating: true,
  reliability: true,
  quality: true,
  communication: true,
  comment: true,
  publishedAt: true,
  hiddenAt: true,
  createdAt: true,
  author: { select: { displayName: true } },
  contract: { select: { organization: { select: { name: true } }, agency: { select: { name: true } } } },
} as const;
export type ReviewRow = Prisma.ReviewGetPayload<{ select: typeof reviewSelect }>;

const contractSelect = {
  id: true,
  status: true,
  organizationId: true,
  agencyId: true,
  providerUserId: true,
  endedAt: true,
  mission: { select: { title: true } },
  organization: { select: { name: true } },
  agency: { select: { name: true } },
  statusChanges: {
    where: { to: "COMPLETED" },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { createdAt: true },
  },
  reviews: { select: reviewSelect },
} as const;
export type ReviewContractRow = Prisma.ContractGetPayload<{ select: typeof contractSelect }>;

export const findContract = (client: Client, contractId: string) =>
  client.contract.findUnique({ where: { id: contractId }, select: contractSelect });

export type ReviewWrite = {
  contractId: string;
  authorId: string;
  authorSide: string;
  subjectUserId: string | null;
  subjectOrganizationId: string | null;
  rating: number;
  reliability: number;
  quality: number;
  communication: number;
  comment: string;
  createdAt: Date;
};

export const createReview = (tx: Tx, data: ReviewWrite) => tx.review.create({ data, select: { id: true } });

/** Publishes the given reviews that are still unpublished; returns the ones this call published. */
export async function publish(tx: Tx, ids: readonly string[], now: Date) {
  const due = await tx.review.findMany({
    where: { id: { in: [...ids] }, publishedAt: null },
    select: { id: true, contractId: true, subjectUserId: true, subjectOrganizationId: true },
  });
  if (due.length === 0) return [];
  await tx.review.updateMany({
    where: { id: { in: due.map((r) => r.id) }, publishedAt: null },
    data: { publishedAt: now },
  });
  return due;
}

/** Unpublished reviews, oldest first, with what decides whether their time has come. */
export const findUnpublished = (take: number, afterId?: string) =>
  db.review.findMany({
    where: { publishedAt: null, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      authorSide: true,
      contract: {
        select: {
          endedAt: true,
          statusChanges: {
            where: { to: "COMPLETED" },
            orderBy: { createdAt: "desc" },
            take: 1,
            select: { createdAt: true },
          },
          reviews: { select: { authorSide: true } },
        },
      },
    },
  });

export type Subject = { subjectUserId: string | null; subjectOrganizationId: string | null };

const publicWhere = (subject: Subject): Prisma.ReviewWhereInput => ({
  ...(subject.subjectUserId
    ? { subjectUserId: subject.subjectUserId }
    : { subjectOrganizationId: subject.subjectOrganizationId }),
  publishedAt: { not: null },
  hiddenAt: null,
});

export const aggregatePublished = (client: Client, subject: Subject) =>
  client.review.aggregate({
    where: publicWhere(subject),
    _avg: { rating: true, reliability: true, quality: true, communication: true },
    _count: { _all: true },
  });

export const listPublished = (subject: Subject, take: number) =>
  db.review.findMany({
    where: publicWhere(subject),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: reviewSelect,
  });

/** Writes the rating on the profile of `userId`; returns the profile's id (for the search outbox). */
export async function setProfileRating(
  tx: Tx,
  userId: string,
  ratingAverage: number | null,
  ratingCount: number,
) {
  const profile = await tx.secretaryProfile.findUnique({ where: { userId }, select: { id: true } });
  if (!profile) return null;
  await tx.secretaryProfile.update({
    where: { id: profile.id },
    data: { ratingAverage, ratingCount },
    select: { id: true },
  });
  return profile.id;
}

export const setOrganizationRating = (
  tx: Tx,
  organizationId: string,
  ratingAverage: number | null,
  ratingCount: number,
) =>
  tx.organization.update({
    where: { id: organizationId },
    data: { ratingAverage, ratingCount },
    select: { kind: true },
  });

/** Who hears about a review of an organisation: a business's members, an agency's owners. */
export async function organizationRecipientIds(client: Client, organizationId: string): Promise<string[]> {
  const org = await client.organization.findUnique({ where: { id: organizationId }, select: { kind: true } });
  if (!org) return [];
  const rows = await client.membership.findMany({
    where: { organizationId, ...(org.kind === "AGENCY" ? { role: "OWNER" } : {}) },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

export const findMissionTitle = (client: Client, contractId: string) =>
  client.contract.findUnique({ where: { id: contractId }, select: { mission: { select: { title: true } } } });

export const findActorRole = (userId: string) =>
  db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });

export const findForHiding = (tx: Tx, reviewId: string) =>
  tx.review.findUnique({
    where: { id: reviewId },
    select: {
      id: true,
      hiddenAt: true,
      publishedAt: true,
      subjectUserId: true,
      subjectOrganizationId: true,
      rating: true,
      comment: true,
    },
  });

export const markHidden = (tx: Tx, reviewId: string, reason: string, now: Date) =>
  tx.review.update({
    where: { id: reviewId },
    data: { hiddenAt: now, hiddenReason: reason },
    select: { id: true },
  });

/** For the staff page: the most recent published reviews, hidden ones included (marked). */
export const listRecentPublished = (take: number) =>
  db.review.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: { ...reviewSelect, hiddenReason: true },
  });

export async function findProfileUserIdBySlug(slug: string) {
  const row = await db.secretaryProfile.findUnique({ where: { slug }, select: { userId: true } });
  return row?.userId ?? null;
}

export async function findAgencyIdBySlug(slug: string) {
  const row = await db.organization.findFirst({ where: { slug, kind: "AGENCY" }, select: { id: true } });
  return row?.id ?? null;
}

export async function findDisplayName(client: Client, userId: string) {
  const row = await client.user.findUnique({ where: { id: userId }, select: { displayName: true } });
  return row?.displayName ?? "";
}
