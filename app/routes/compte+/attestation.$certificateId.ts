// /compte/attestation/:certificateId — a provider downloads one of her own certificates.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { getOwnCertificate } from "#app/domain/compliance/vigilance.server";
import { handle } from "#app/lib/http.server";
import { contentDisposition } from "#app/routes/messages+/$conversationId_.pieces-jointes.$attachmentId";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await handle(() =>
    getOwnCertificate({ actorId: user.id, certificateId: params.certificateId ?? "" }),
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
