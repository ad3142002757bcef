// Hidden missions in the database (Mission.hiddenAt). Profiles are hidden through their own
// machine (SUSPEND / REINSTATE) on the profile review page.
import type { Tx } from "#app/lib/db.server";

export async function findMissionVisibility(tx: Tx, missionId: string) {
  return tx.mission.findUnique({
    where: { id: missionId },
    select: { id: true, title: true, createdById: true, hiddenAt: true },
  });
}

/** Conditional: only the first of two concurrent decisions changes anything. */
export async function setMissionHidden(tx: Tx, missionId: string, hiddenAt: Date | null): Promise<boolean> {
  const { count } = await tx.mission.updateMany({
    where: { id: missionId, hiddenAt: hiddenAt ? null : { not: null } },
    data: { hiddenAt },
  });
  return count === 1;
}
