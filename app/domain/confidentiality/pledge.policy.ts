// Who reads the description of a mission under medical secrecy. Pure.
import { isMissionMember, isStaffRole, type MissionViewer } from "#app/domain/missions/missions.policy";

/** The business and staff always; anyone else (anonymous included) only with the current pledge signed. */
export function canReadDescription(
  viewer: MissionViewer,
  mission: { organizationId: string; medicalSecrecy: boolean },
  pledged: boolean,
): boolean {
  if (!mission.medicalSecrecy) return true;
  if (viewer && (isStaffRole(viewer.role) || isMissionMember(viewer, mission))) return true;
  return viewer !== null && pledged;
}
