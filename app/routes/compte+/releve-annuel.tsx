// /compte/releve-annuel?annee=2026 — a provider's annual statement of the amounts she earned through
// Permanence (per quarter, with the platform's fees): the figures reported under DAC7. Printable.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { yearSchema } from "#app/domain/compliance/dac7.schema";
import { getAnnualStatement } from "#app/domain/compliance/dac7.server";
import { handle } from "#app/lib/http.server";
import { formatEuros } from "#app/lib/money";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Relevé annuel ${data.statement.year} — Permanence` : "Relevé annuel — Permanence" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const raw = new URL(request.url).searchParams.get("annee") ?? String(new Date().getFullYear());
  const year = yearSchema.safeParse(raw);
  if (!year.success) throw data({ message: year.error.issues[0]!.message }, { status: 400 });
  return { statement: await handle(() => getAnnualStatement({ actorId: user.id, year: year.data })) };
}

export default function AnnualStatementPage() {
  const { statement } = useLoaderData<typeof loader>();
  const { seller, quarters, totals } = statement;
  return (
    <div className="stack">
      <h1>Relevé annuel {statement.year} des sommes perçues</h1>
      {seller ? (
        <p>
          {seller.legalName ?? seller.name}
          {seller.siret ? ` — SIRET ${seller.siret}` : ""}
          {seller.taxIdentificationNumber ? ` — numéro fiscal ${seller.taxIdentificationNumber}` : ""}
        </p>
      ) : (
        <p>Aucun versement reçu par Permanence en {statement.year}.</p>
      )}
      <table>
        <caption>Montants par trimestre (date du virement)</caption>
        <thead>
          <tr>
            <th scope="col">Trimestre</th>
            <th scope="col">Montant brut HT</th>
            <th scope="col">Commissions Permanence</th>
            <th scope="col">Versé</th>
            <th scope="col">Virements</th>
            <th scope="col">Contrats</th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q.quarter}>
              <th scope="row">{`T${q.quarter}`}</th>
              <td>{formatEuros(q.grossCents)}</td>
              <td>{formatEuros(q.feeCents)}</td>
              <td>{formatEuros(q.paidCents)}</td>
              <td>{q.transfers}</td>
              <td>{q.contracts}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{formatEuros(totals.grossCents)}</td>
            <td>{formatEuros(totals.feeCents)}</td>
            <td>{formatEuros(totals.paidCents)}</td>
            <td>{totals.transfers}</td>
            <td>{totals.contracts}</td>
          </tr>
        </tfoot>
      </table>
      {seller && seller.missing.length > 0 ? (
        <p className="notice">
          Informations à compléter pour la déclaration DAC7 : {seller.missing.join(", ")} —{" "}
          <a href="/compte/paiements">identité de facturation</a>.
        </p>
      ) : null}
      <p className="hint">
        Permanence transmet chaque année ces montants à l’administration fiscale (directive DAC7). Ce relevé
        ne remplace pas vos factures. Imprimez-le avec la fonction d’impression de votre navigateur.
      </p>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
