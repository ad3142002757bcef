// /contrats/:id/releves/2026-11.csv — the monthly statement as a CSV download (a resource route:
// a page loader answering CSV would be rendered as the page on a document request).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { statementCsv } from "#app/domain/work/statement-csv";
import { buildMonthlyStatement } from "#app/domain/work/statement.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const month = params.month ?? "";
  const page = await handle(() =>
    buildMonthlyStatement({ actorId: user.id, contractId: params.contractId ?? "", month }),
  );
  return new Response(statementCsv(page.statement), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="releve-${month}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
