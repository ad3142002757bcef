// Use cases of /invitation/:token: what the invited person sees, and the two ways to accept.
import crypto from "node:crypto";
import { isUniqueConstraintError } from "#app/lib/db.server";
import { hashPassword } from "#app/auth/password.server";
import { hashToken } from "#app/domain/accounts/tokens.server";
import { uniqueSlug } from "#app/lib/slug";
import { invitationMessages, invitationStatus, isMemberOf, otherAgencyProblem } from "./agencies.policy";
import * as repo from "./agencies.repo.server";
import { invitationTokenSchema, type AcceptInvitationInput, type InvitationView } from "./agencies.schema";

type Failure = { ok: false; message: string };
type Invitation = NonNullable<Awaited<ReturnType<typeof repo.findInvitationByHash>>>;

/** A malformed token, an unknown hash or a non-agency organisation all read as "unknown". */
async function findInvitation(token: string): Promise<Invitation | null> {
  if (!invitationTokenSchema.safeParse(token).success) return null;
  const invitation = await repo.findInvitationByHash(hashToken(token));
  return invitation?.organization.kind === "AGENCY" ? invitation : null;
}

function unusable(invitation: Invitation | null): string | null {
  if (!invitation) return invitationMessages.UNKNOWN;
  const status = invitationStatus(invitation);
  return status === "PENDING" ? null : invitationMessages[status];
}

export async function viewInvitation({
  token,
  viewer,
}: {
  token: string;
  viewer: { id: string; email: string } | null;
}): Promise<InvitationView> {
  const invitation = await findInvitation(token);
  const mine = !!viewer && viewer.email === invitation?.email;
  const account = mine ? await repo.findAccountById(viewer.id) : null;
  if (invitation && account && isMemberOf(account, invitation.organization.id)) {
    return {
      state: "JOINED",
      agencyName: invitation.organization.name,
      agencySlug: invitation.organization.slug,
    };
  }
  const problem = unusable(invitation);
  if (problem || !invitation) return { state: "INVALID", message: problem ?? invitationMessages.UNKNOWN };
  const agencyName = invitation.organization.name;
  if (viewer && !mine) return { state: "WRONG_ACCOUNT", agencyName };
  const existing = account ?? (await repo.findAccountByEmail(invitation.email));
  if (!existing) return { state: "NEW_ACCOUNT", agencyName, email: invitation.email };
  if (existing.kind !== "SECRETARY") return { state: "NOT_SECRETARY", agencyName };
  if (!viewer) return { state: "SIGN_IN", agencyName, email: invitation.email };
  const elsewhere = otherAgencyProblem(existing, invitation.organization.id);
  return elsewhere
    ? { state: "OTHER_AGENCY", agencyName, message: elsewhere }
    : { state: "JOIN", agencyName };
}

const ACCOUNT_EXISTS =
  "Un compte existe déjà avec cette adresse e-mail : connectez-vous pour rejoindre l’agence.";

/**
 * Creates the secretary's account, her membership and her draft profile attached to the
 * agency, and uses up the invitation — all or nothing.
 */
export async function acceptAsNewSecretary({
  token,
  input,
}: {
  token: string;
  input: AcceptInvitationInput;
}): Promise<{ ok: true; userId: string } | Failure> {
  const invitation = await findInvitation(token);
  const problem = unusable(invitation);
  if (problem || !invitation) return { ok: false, message: problem ?? invitationMessages.UNKNOWN };
  if (await repo.findAccountByEmail(invitation.email)) return { ok: false, message: ACCOUNT_EXISTS };

  const passwordHash = await hashPassword(input.password);
  const userId = crypto.randomUUID();
  let accepted: boolean;
  try {
    accepted = await repo.acceptWithNewSecretary(invitation.id, invitation.organization.id, {
      id: userId,
      email: invitation.email,
      displayName: input.displayName,
      passwordHash,
      slug: uniqueSlug(input.displayName),
    });
  } catch (error) {
    // A sign-up with the same address won the race: the unique index refused this one.
    if (isUniqueConstraintError(error)) return { ok: false, message: ACCOUNT_EXISTS };
    throw error;
  }
  return accepted ? { ok: true, userId } : { ok: false, message: invitationMessages.ACCEPTED };
}

/** An existing secretary, signed in under the invited address, joins the agency. */
export async function joinAgency({
  actorId,
  token,
}: {
  actorId: string;
  token: string;
}): Promise<{ ok: true } | Failure> {
  const invitation = await findInvitation(token);
  const problem = unusable(invitation);
  if (problem || !invitation) return { ok: false, message: problem ?? invitationMessages.UNKNOWN };
  const account = await repo.findAccountById(actorId);
  if (!account || account.email !== invitation.email) {
    return {
      ok: false,
      message: "Cette invitation a été envoyée à une autre adresse e-mail que celle de votre compte.",
    };
  }
  if (account.kind !== "SECRETARY") {
    return { ok: false, message: "Seul un compte de secrétaire peut rejoindre une agence." };
  }
  const agencyId = invitation.organization.id;
  const elsewhere = otherAgencyProblem(account, agencyId);
  if (elsewhere) return { ok: false, message: elsewhere };

  const accepted = await repo.acceptForExistingSecretary(invitation.id, agencyId, {
    userId: account.id,
    alreadyMember: isMemberOf(account, agencyId),
    // Only used if she somehow has no profile yet; never built from the e-mail (it would be public).
    newProfileSlug: uniqueSlug(account.displayName),
  });
  return accepted ? { ok: true } : { ok: false, message: invitationMessages.ACCEPTED };
}
