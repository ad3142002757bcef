// Who may post, edit, see a mission and read its instructions sheet. Pure: the caller gives the
// viewer's business memberships (organisation ids) and staff role, read from the database.

/** `businessIds`: the BUSINESS organisations where the viewer has a membership (OWNER or MEMBER). */
export type MissionViewer = { id: string; role: string; businessIds: readonly string[] } | null;
export type MissionAccessFacts = { organizationId: string; status: string; visibility: string };

export const POST_FORBIDDEN_MESSAGE =
  "Seuls les membres d’une entreprise inscrite sur Permanence peuvent publier une mission.";
export const EDIT_FORBIDDEN_MESSAGE = "Seule l’entreprise qui a publié cette mission peut la modifier.";
export const EMAIL_NOT_VERIFIED_MESSAGE =
  "Confirmez d’abord votre adresse e-mail avec le lien reçu à l’inscription : c’est nécessaire pour envoyer une mission en validation. Vous pouvez l’enregistrer comme brouillon en attendant.";

export function isStaffRole(role: string): boolean {
  return role === "MODERATOR" || role === "ADMIN";
}

export function isMissionMember(viewer: MissionViewer, mission: Pick<MissionAccessFacts, "organizationId">) {
  return viewer !== null && viewer.businessIds.includes(mission.organizationId);
}

/** A member of a business organisation; staff moderate missions, they do not post them. */
export function canPost(viewer: MissionViewer): boolean {
  return viewer !== null && viewer.businessIds.length > 0;
}

/** Public listing is OPEN + PUBLIC; anything else only for the business and staff. */
export function canView(viewer: MissionViewer, mission: MissionAccessFacts): boolean {
  if (mission.status === "OPEN" && mission.visibility === "PUBLIC") return true;
  return isMissionMember(viewer, mission) || (viewer !== null && isStaffRole(viewer.role));
}

export type EditCheck = { ok: true } | { ok: false; reason: "HIDDEN" | "NOT_MEMBER" | "NOT_DRAFT" };

/** Only the business edits, and only a draft (a submitted mission is frozen for review). */
export function canEdit(viewer: MissionViewer, mission: MissionAccessFacts): EditCheck {
  if (!canView(viewer, mission)) return { ok: false, reason: "HIDDEN" };
  if (!isMissionMember(viewer, mission)) return { ok: false, reason: "NOT_MEMBER" };
  return mission.status === "DRAFT" ? { ok: true } : { ok: false, reason: "NOT_DRAFT" };
}

/**
 * The replacement's instructions sheet (handover notes, call script, urgent routing, tools) is for
 * the business only. The hired secretary will see it once contracts exist (later in issue 4).
 */
export function canSeeInstructions(
  viewer: MissionViewer,
  mission: Pick<MissionAccessFacts, "organizationId">,
) {
  return isMissionMember(viewer, mission);
}
