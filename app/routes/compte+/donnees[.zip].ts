// /compte/donnees.zip — the signed-in user's own data as a zip (a resource route; 3 per hour). A
// refusal is a short French text: the browser shows it instead of downloading.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { exportUserData } from "#app/domain/privacy/data-export.server";
import { DomainError } from "#app/lib/domain-error";
import { statusOf } from "#app/lib/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    const { fileName, bytes } = await exportUserData({ actorId: user.id });
    return new Response(bytes, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Content-Length": String(bytes.byteLength),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return new Response(error.message, {
      status: statusOf(error),
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}
