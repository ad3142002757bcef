// The only module touching Prisma for agencies, their members and invitations.
import type { Tx } from "#app/lib/db.server";
import { db } from "#app/lib/db.server";
import { enqueueProfileOfUser } from "#search/sync/outbox";

export async function findOwnedAgency(userId: string) {
  const membership = await db.membership.findFirst({
    where: { userId, role: "OWNER", organization: { kind: "AGENCY" } },
    orderBy: { createdAt: "asc" },
    select: { organization: { select: { id: true, name: true, slug: true } } },
  });
  return membership?.organization ?? null;
}

export async function listMembers(agencyId: string) {
  return db.membership.findMany({
    where: { organizationId: agencyId, role: "MEMBER" },
    orderBy: { createdAt: "asc" },
    select: {
      createdAt: true,
      user: {
        select: { id: true, displayName: true, secretaryProfile: { select: { status: true, slug: true } } },
      },
    },
  });
}

export async function listOpenInvitations(agencyId: string) {
  return db.agencyInvitation.findMany({
    where: { organizationId: agencyId, acceptedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, createdAt: true, expiresAt: true },
  });
}

/** An account under this e-mail, with the agencies it belongs to (as owner or member). */
export async function findAccountByEmail(email: string) {
  return db.user.findUnique({ where: { email }, select: accountSelect });
}

export async function findAccountById(id: string) {
  return db.user.findUnique({ where: { id }, select: accountSelect });
}

const accountSelect = {
  id: true,
  email: true,
  displayName: true,
  kind: true,
  secretaryProfile: { select: { id: true, agencyId: true } },
  memberships: {
    where: { organization: { kind: "AGENCY" } },
    select: { organizationId: true, organization: { select: { name: true } } },
  },
} as const;

export async function findOpenInvitation(agencyId: string, email: string) {
  return db.agencyInvitation.findFirst({
    where: { organizationId: agencyId, email, acceptedAt: null },
    select: { id: true },
  });
}

type InvitationWrite = { tokenHash: string; expiresAt: Date; invitedById: string };

export async function createInvitation(agencyId: string, email: string, write: InvitationWrite) {
  await db.agencyInvitation.create({ data: { organizationId: agencyId, email, ...write } });
}

/** The row stands for the latest e-mail sent: new token, new expiry, new sending date. */
export async function refreshInvitation(id: string, write: InvitationWrite) {
  await db.agencyInvitation.update({ where: { id }, data: { ...write, createdAt: new Date() } });
}

export async function deleteOpenInvitation(agencyId: string, id: string): Promise<number> {
  const { count } = await db.agencyInvitation.deleteMany({
    where: { id, organizationId: agencyId, acceptedAt: null },
  });
  return count;
}

/** She leaves the team but keeps her account and profile, now independent (in search too). */
export async function removeMember(agencyId: string, userId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.membership.deleteMany({
      where: { organizationId: agencyId, userId, role: "MEMBER" },
    });
    if (count === 0) return 0;
    await tx.secretaryProfile.updateMany({ where: { userId, agencyId }, data: { agencyId: null } });
    await enqueueProfileOfUser(tx, userId);
    return count;
  });
}

export async function findInvitationByHash(tokenHash: string) {
  return db.agencyInvitation.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      organization: { select: { id: true, kind: true, name: true, slug: true } },
    },
  });
}

/** Checks and marks in one statement, so two clicks on the same link cannot both join. */
async function claimInvitation(tx: Tx, id: string): Promise<boolean> {
  const now = new Date();
  const { count } = await tx.agencyInvitation.updateMany({
    where: { id, acceptedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  return count === 1;
}

type NewSecretary = { id: string; email: string; displayName: string; passwordHash: string; slug: string };

/**
 * Uses up the invitation and creates the secretary's account (verified: the link in the e-mail
 * proves the address), her membership and her draft profile attached to the agency — all or
 * nothing. False when the invitation was used or expired in the meantime.
 */
export async function acceptWithNewSecretary(
  invitationId: string,
  agencyId: string,
  secretary: NewSecretary,
) {
  const { slug, ...user } = secretary;
  return db.$transaction(async (tx) => {
    if (!(await claimInvitation(tx, invitationId))) return false;
    await tx.user.create({ data: { ...user, kind: "SECRETARY", emailVerifiedAt: new Date() } });
    await tx.membership.create({ data: { userId: user.id, organizationId: agencyId, role: "MEMBER" } });
    // A new draft has no search document: nothing to enqueue until it is published.
    await tx.secretaryProfile.create({ data: { userId: user.id, slug, agencyId } });
    return true;
  });
}

/** Uses up the invitation and attaches an existing secretary (and her profile) to the agency. */
export async function acceptForExistingSecretary(
  invitationId: string,
  agencyId: string,
  member: { userId: string; alreadyMember: boolean; newProfileSlug: string },
) {
  return db.$transaction(async (tx) => {
    // Checked again inside the transaction: two agencies' invitations accepted at the same
    // instant must not both succeed (a secretary belongs to one agency at most).
    const elsewhere = await tx.membership.count({
      where: { userId: member.userId, role: "MEMBER", organizationId: { not: agencyId }, organization: { kind: "AGENCY" } },
    });
    if (elsewhere > 0) return false;
    if (!(await claimInvitation(tx, invitationId))) return false;
    if (!member.alreadyMember) {
      await tx.membership.create({
        data: { userId: member.userId, organizationId: agencyId, role: "MEMBER" },
      });
    }
    await tx.secretaryProfile.upsert({
      where: { userId: member.userId },
      update: { agencyId },
      create: { userId: member.userId, agencyId, slug: member.newProfileSlug },
    });
    // A published profile now shows the agency in search (kind and agency name).
    await enqueueProfileOfUser(tx, member.userId);
    return true;
  });
}

export async function findAgencyBySlug(slug: string) {
  return db.organization.findFirst({
    where: { slug, kind: "AGENCY" },
    select: { id: true, name: true, sector: true, commune: true },
  });
}

/** Published profiles of current members only; suspended accounts are left out. */
export async function listPublishedMembers(agencyId: string) {
  return db.secretaryProfile.findMany({
    where: {
      agencyId,
      status: "PUBLISHED",
      user: { suspendedAt: null, memberships: { some: { organizationId: agencyId, role: "MEMBER" } } },
    },
    orderBy: { publishedAt: "asc" },
    select: { slug: true, headline: true, user: { select: { displayName: true } } },
  });
}
