// /compte/releve-annuel.csv?annee=2026 — the annual statement as a spreadsheet, for its owner only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { yearSchema } from "#app/domain/compliance/dac7.schema";
import { annualStatementCsv, getAnnualStatement } from "#app/domain/compliance/dac7.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const year = yearSchema.safeParse(new URL(request.url).searchParams.get("annee") ?? undefined);
  if (!year.success) throw data({ message: year.error.issues[0]!.message }, { status: 400 });
  const statement = await handle(() => getAnnualStatement({ actorId: user.id, year: year.data }));
  // A BOM so spreadsheet software reads the accents as UTF-8.
  return new Response(`\uFEFF${annualStatementCsv(statement)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="releve-annuel-${year.data}.csv"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
