// The only Prisma access of the mission search page: the index is the source of the result list;
// this re-checks its few hits so a mission closed or cancelled a moment ago never shows, even
// before the outbox has updated the index.
import { db } from "#app/lib/db.server";
import { listedMissionsWhere } from "#search/sync/mission-document";

/** The ids, among these, of missions still open to everyone. */
export async function findStillListedMissionIds(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.mission.findMany({
    where: { id: { in: ids }, ...listedMissionsWhere },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}
