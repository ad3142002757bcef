// /factures/:id.xml — the EN 16931 structured invoice (UN/CEFACT CII), a resource route.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { invoiceCiiXml } from "#app/domain/billing/invoices.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { doc, xml } = await handle(() =>
    invoiceCiiXml({ actorId: user.id, invoiceId: params.invoiceId ?? "" }),
  );
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${doc.number}.xml"`,
      "Cache-Control": "private, no-store",
    },
  });
}
