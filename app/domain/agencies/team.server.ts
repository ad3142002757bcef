// Use cases of /agence/equipe: the agency owner lists, invites and removes her secretaries.
import crypto from "node:crypto";
import { hashToken } from "#app/domain/accounts/tokens.server";
import { isProfileStatus, profileStatusLabels } from "#app/domain/profiles/profile-machine";
import { forbidden, notFound } from "#app/lib/domain-error";
import { sendMail } from "#app/lib/mail.server";
import { consume } from "#app/lib/rate-limit.server";
import { inviteProblem, invitationStatus } from "./agencies.policy";
import * as repo from "./agencies.repo.server";
import {
  INVITATION_LIFETIME_DAYS,
  type InviteInput,
  type TeamDto,
  type TeamMemberDto,
} from "./agencies.schema";
import { invitationMessage } from "./invitation-email";

const NOT_AGENCY_OWNER = "Cette page est réservée au responsable d’un cabinet de télésecrétariat.";
const UNVERIFIED_INVITER = "Confirmez d’abord votre adresse e-mail (voir « Mon compte ») pour inviter des secrétaires.";

/** The agency is always the one the session user owns: no agency id ever comes from a form. */
export async function requireOwnedAgency(actorId: string) {
  const agency = await repo.findOwnedAgency(actorId);
  if (!agency) throw forbidden(NOT_AGENCY_OWNER);
  return agency;
}

type MemberRow = Awaited<ReturnType<typeof repo.listMembers>>[number];

function toMemberDto({ createdAt, user }: MemberRow): TeamMemberDto {
  const status = user.secretaryProfile?.status;
  return {
    userId: user.id,
    displayName: user.displayName,
    profileStatusLabel:
      status && isProfileStatus(status) ? profileStatusLabels[status] : "Pas encore de profil",
    publicSlug: status === "PUBLISHED" ? (user.secretaryProfile?.slug ?? null) : null,
    joinedAt: createdAt,
  };
}

export async function getTeam(actorId: string): Promise<TeamDto> {
  const agency = await requireOwnedAgency(actorId);
  const [members, invitations] = await Promise.all([
    repo.listMembers(agency.id),
    repo.listOpenInvitations(agency.id),
  ]);
  const now = new Date();
  return {
    agency: { name: agency.name, slug: agency.slug },
    members: members.map(toMemberDto),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      sentAt: i.createdAt,
      expiresAt: i.expiresAt,
      expired: invitationStatus({ acceptedAt: null, expiresAt: i.expiresAt }, now) === "EXPIRED",
    })),
  };
}

/** Only the SHA-256 of the token is stored: the raw one exists only in the e-mail. */
function newInvitationToken() {
  const raw = crypto.randomBytes(32).toString("base64url");
  return { raw, hash: hashToken(raw) };
}

/**
 * Invites an address, or sends again the open invitation already made to it (new link, new
 * expiry, no duplicate row); the previous link stops working.
 */
export async function inviteSecretary({
  actor,
  input,
  appUrl,
}: {
  actor: { id: string; displayName: string; emailVerified: boolean };
  input: InviteInput;
  appUrl: string;
}): Promise<{ ok: true; resent: boolean } | { ok: false; field: "email" | null; message: string }> {
  const agency = await requireOwnedAgency(actor.id);
  // Invitations are e-mails sent in the agency's name to anyone: only from a verified owner, and
  // at a human pace (the limit throws a French RATE_LIMITED error).
  if (!actor.emailVerified) return { ok: false, field: null, message: UNVERIFIED_INVITER };
  await consume("invitesByActor", actor.id);
  const problem = inviteProblem(await repo.findAccountByEmail(input.email), agency.id);
  if (problem) return { ok: false, field: "email", message: problem };

  const token = newInvitationToken();
  const write = {
    tokenHash: token.hash,
    expiresAt: new Date(Date.now() + INVITATION_LIFETIME_DAYS * 24 * 3600_000),
    invitedById: actor.id,
  };
  const open = await repo.findOpenInvitation(agency.id, input.email);
  if (open) await repo.refreshInvitation(open.id, write);
  else await repo.createInvitation(agency.id, input.email, write);

  const url = `${appUrl}/invitation/${token.raw}`;
  await sendMail({
    to: input.email,
    ...invitationMessage({ agencyName: agency.name, inviterName: actor.displayName, url }),
  });
  return { ok: true, resent: !!open };
}

export async function revokeInvitation({ actorId, invitationId }: { actorId: string; invitationId: string }) {
  const agency = await requireOwnedAgency(actorId);
  // Scoped to the owner's agency: another agency's invitation id is simply not found.
  if ((await repo.deleteOpenInvitation(agency.id, invitationId)) === 0) throw notFound("Cette invitation");
}

export async function removeTeamMember({ actorId, memberId }: { actorId: string; memberId: string }) {
  const agency = await requireOwnedAgency(actorId);
  if ((await repo.removeMember(agency.id, memberId)) === 0) throw notFound("Ce membre de l’équipe");
}
