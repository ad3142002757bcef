// Pure permission checks for the mission review: the profile review's rule (moderators and admins,
// not suspended), and nobody approves a mission they wrote themselves.
import { canModerate, type StaffCandidate } from "./moderation.policy";

export function canDecideOnMission(
  user: StaffCandidate | null | undefined,
  mission: { createdById: string },
): boolean {
  if (!user?.id || !canModerate(user)) return false;
  return user.id !== mission.createdById;
}
