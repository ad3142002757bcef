// The only Prisma access of the discovery pages. The index is the source of the result list; this
// re-checks its few hits against the database so that a profile withdrawn or an account suspended
// a moment ago never shows, even before the outbox has updated the index.
import { db } from "#app/lib/db.server";

/** The ids, among these, of profiles still published by an active account. */
export async function findStillPublishedProfileIds(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.secretaryProfile.findMany({
    where: { id: { in: ids }, status: "PUBLISHED", user: { suspendedAt: null } },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}
