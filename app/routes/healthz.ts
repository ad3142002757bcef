import { databaseIsReachable } from "#app/lib/health.server";

/** Liveness and readiness: answers 200 only when the database answers. */
export async function loader() {
  const ok = await databaseIsReachable();
  return Response.json(
    { status: ok ? "ok" : "error", database: ok ? "ok" : "unreachable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
