// /factures/export.csv?mois=2026-11 — the invoices the viewer may see, issued that Paris month, as
// CSV for bookkeeping (a resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { exportInvoicesCsv } from "#app/domain/billing/invoices.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const month = new URL(request.url).searchParams.get("mois");
  const { csv, month: valid } = await handle(() => exportInvoicesCsv({ actorId: user.id, month }));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="factures-${valid}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
