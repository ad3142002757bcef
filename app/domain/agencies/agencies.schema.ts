// Agency team forms and DTOs, client-safe.
import { z } from "zod";
import { displayNameField, emailField, newPasswordField } from "#app/domain/accounts/accounts.schema";

/** Days an invitation link stays valid; repeated in the e-mail and on the team page. */
export const INVITATION_LIFETIME_DAYS = 7;

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: emailField,
});
export type InviteInput = z.output<typeof inviteSchema>;

// Ids only name a row; the server still checks that it belongs to the owner's agency.
const rowId = z.string().trim().min(1).max(64);

export const revokeInvitationSchema = z.object({ intent: z.literal("revoke"), invitationId: rowId });
export const removeMemberSchema = z.object({ intent: z.literal("remove"), memberId: rowId });

export const acceptInvitationSchema = z.object({
  intent: z.literal("create"),
  displayName: displayNameField,
  password: newPasswordField,
  acceptTerms: z.literal("on", {
    errorMap: () => ({ message: "Vous devez accepter les conditions d’utilisation." }),
  }),
});
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;

export const joinAgencySchema = z.object({ intent: z.literal("join") });

/** The raw token is 32 random bytes in base64url; anything else cannot be one of ours. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export type TeamMemberDto = {
  userId: string;
  displayName: string;
  profileStatusLabel: string;
  /** Set only when the profile is published, so the link never leads to a 404. */
  publicSlug: string | null;
  joinedAt: Date;
};

export type PendingInvitationDto = {
  id: string;
  email: string;
  sentAt: Date;
  expiresAt: Date;
  expired: boolean;
};

export type TeamDto = {
  agency: { name: string; slug: string };
  members: TeamMemberDto[];
  invitations: PendingInvitationDto[];
};

export type PublicAgencyDto = {
  name: string;
  sectorLabel: string | null;
  commune: string | null;
  members: { displayName: string; headline: string; slug: string }[];
};

/** What /invitation/:token shows, decided on the server from the token and the session. */
export type InvitationView =
  | { state: "INVALID"; message: string }
  | { state: "NEW_ACCOUNT"; agencyName: string; email: string }
  | { state: "SIGN_IN"; agencyName: string; email: string }
  | { state: "JOIN"; agencyName: string }
  | { state: "JOINED"; agencyName: string; agencySlug: string }
  | { state: "OTHER_AGENCY"; agencyName: string; message: string }
  | { state: "WRONG_ACCOUNT"; agencyName: string }
  | { state: "NOT_SECRETARY"; agencyName: string };
