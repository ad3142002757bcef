import { db } from "#app/lib/db.server";

/** Liveness and readiness: answers 200 only when the database answers. */
export async function loader() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
