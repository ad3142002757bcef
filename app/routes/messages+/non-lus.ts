// The unread message total for the header badge, re-read when a socket event says it may have changed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { countUnreadMessages } from "#app/domain/chat/chat.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return Response.json(
    { unread: await countUnreadMessages(user.id) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
