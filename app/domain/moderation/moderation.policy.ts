// Pure permission checks for staff work. Moderators and admins both review profiles; only admins
// will manage staff accounts and platform fees (those screens come later).
export type StaffCandidate = { id?: string; role: string; suspended?: boolean };

const moderatingRoles = new Set(["MODERATOR", "ADMIN"]);

export function canModerate(user: StaffCandidate | null | undefined): boolean {
  return !!user && moderatingRoles.has(user.role) && !user.suspended;
}

/** Nobody reviews their own profile, even if a marketplace account were ever given a staff role. */
export function canDecideOnProfile(
  user: StaffCandidate | null | undefined,
  profile: { userId: string },
): boolean {
  if (!user?.id || !canModerate(user)) return false;
  return user.id !== profile.userId;
}

export function canManageStaff(user: StaffCandidate | null | undefined): boolean {
  return !!user && user.role === "ADMIN" && !user.suspended;
}
