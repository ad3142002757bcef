// A file sent in a conversation, for its participants only. Always a download with the type read
// from its bytes at upload, never rendered inline, never cached by a shared proxy.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { getAttachment } from "#app/domain/chat/chat.server";
import { handle } from "#app/lib/http.server";

/** RFC 5987: the UTF-8 name for browsers, an ASCII fallback for the others. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await handle(() =>
    getAttachment({
      actorId: user.id,
      conversationId: params.conversationId ?? "",
      attachmentId: params.attachmentId ?? "",
    }),
  );
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
