// /factures/:id.pdf — the invoice as a PDF download (a resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { invoicePdf } from "#app/domain/billing/invoices.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { doc, pdf } = await handle(() =>
    invoicePdf({ actorId: user.id, invoiceId: params.invoiceId ?? "" }),
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${doc.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
