// /factures/:id/facturx.pdf — the Factur-X hybrid (PDF/A-3 with the EN 16931 CII XML embedded).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { invoiceFacturXPdf } from "#app/domain/billing/invoices.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { doc, pdf } = await handle(() =>
    invoiceFacturXPdf({ actorId: user.id, invoiceId: params.invoiceId ?? "" }),
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${doc.number}-facturx.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
