// /factures/export.csv?mois=2026-11[&qui=…] — the invoices the viewer may see, issued that Paris
// month (of one issuer or client, if named), as CSV for bookkeeping (a resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { exportInvoicesCsv } from "#app/domain/billing/invoices.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const month = params.get("mois");
  const { csv, month: valid } = await handle(() =>
    exportInvoicesCsv({ actorId: user.id, month, party: params.get("qui") }),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="factures-${valid}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
