// Pure permission checks for the trust-and-safety actions (suspensions, hidden listings, the reports
// queue). Moderators and admins both act on marketplace accounts and content; a staff account is
// only ever touched by an admin, and nobody suspends herself.
import { canManageStaff, canModerate, type StaffCandidate } from "./moderation.policy";

export type SafetyActor = StaffCandidate & { id: string };
export type AccountTarget = { id: string; role: string };

export function isStaffAccount(target: Pick<AccountTarget, "role">): boolean {
  return target.role === "MODERATOR" || target.role === "ADMIN";
}

export function canSuspendUser(actor: SafetyActor | null | undefined, target: AccountTarget): boolean {
  if (!actor || !canModerate(actor) || actor.id === target.id) return false;
  return isStaffAccount(target) ? canManageStaff(actor) : true;
}

/** Hiding and restoring missions and profiles. */
export function canHideListing(actor: StaffCandidate | null | undefined): boolean {
  return canModerate(actor);
}

/** Dismissing or resolving reports (a suspension from a report also needs canSuspendUser). */
export function canHandleReports(actor: StaffCandidate | null | undefined): boolean {
  return canModerate(actor);
}
