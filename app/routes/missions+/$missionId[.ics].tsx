import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "#app/auth/session.server";
import { getMissionIcs } from "#app/domain/missions/mission-page.server";
import { handle } from "#app/lib/http.server";

// /missions/:missionId.ics — the sessions as an iCalendar file, with the page's visibility rules.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const missionId = params.missionId ?? "";
  const ics = await handle(() => getMissionIcs({ user, missionId }));
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="mission-${missionId.replace(/[^a-zA-Z0-9_-]/g, "")}.ics"`,
      // A non-public mission's file must not sit in a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
