// Pure rules about who may be invited to, and join, an agency team.

export type InvitationStatus = "PENDING" | "EXPIRED" | "ACCEPTED";

export function invitationStatus(
  invitation: { acceptedAt: Date | null; expiresAt: Date },
  now: Date = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return "ACCEPTED";
  return invitation.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : "PENDING";
}

export const invitationMessages = {
  UNKNOWN:
    "Cette invitation n’existe pas ou a été annulée. Demandez à l’agence de vous en envoyer une nouvelle.",
  EXPIRED: "Cette invitation a expiré. Demandez à l’agence de vous en envoyer une nouvelle.",
  ACCEPTED: "Cette invitation a déjà été utilisée.",
} as const;

/** An existing account, seen through what matters for agencies. */
export type AgencyAccount = {
  kind: string;
  secretaryProfile: { agencyId: string | null } | null;
  memberships: { organizationId: string; organization: { name: string } }[];
};

export function isMemberOf(account: AgencyAccount, agencyId: string): boolean {
  return account.memberships.some((m) => m.organizationId === agencyId);
}

/** Why this address cannot be invited, or null. Unknown addresses can: she will sign up. */
export function inviteProblem(account: AgencyAccount | null, agencyId: string): string | null {
  if (!account) return null;
  if (isMemberOf(account, agencyId)) return "Cette personne fait déjà partie de votre équipe.";
  if (account.kind !== "SECRETARY") {
    return "Cette adresse appartient à un compte qui n’est pas un compte de secrétaire : elle ne peut pas rejoindre une équipe. Invitez une autre adresse.";
  }
  return null;
}

/** A secretary belongs to one agency at most (SecretaryProfile.agencyId is a single column). */
export function otherAgencyProblem(account: AgencyAccount, agencyId: string): string | null {
  const other = account.memberships.find((m) => m.organizationId !== agencyId);
  const profileElsewhere =
    !!account.secretaryProfile?.agencyId && account.secretaryProfile.agencyId !== agencyId;
  if (!other && !profileElsewhere) return null;
  const name = other ? `l’agence « ${other.organization.name} »` : "une autre agence";
  return `Vous faites déjà partie de ${name}. Demandez-lui de vous retirer de son équipe avant d’en rejoindre une autre.`;
}
