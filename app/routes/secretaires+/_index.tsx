import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SecretarySearchForm } from "#app/components/search-form";
import { SearchPagination } from "#app/components/search-pagination";
import { SearchResultCard } from "#app/components/search-result-card";
import { searchSecretaries } from "#app/domain/discovery/discovery.server";
import {
  emptySecretarySearch,
  parseSecretarySearch,
  secretarySearchHref,
  serializeSecretarySearch,
  type SecretarySearchQuery,
} from "#app/domain/discovery/secretary-search.schema";
import { handle } from "#app/lib/http.server";
import searchStyles from "../../styles/search.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const q = page?.query.q;
  return [
    { title: q ? `« ${q} » — Secrétaires — Permanence` : "Trouver une secrétaire — Permanence" },
    {
      name: "description",
      content:
        "Secrétaires indépendantes et cabinets de télésecrétariat validés : compétences, tarifs, disponibilités.",
    },
  ];
};

/**
 * The URL is the query. Bad params are reported and set aside (status 400) while the valid part
 * still runs, so a damaged shared link shows a usable page, never a 500.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { query, errors } = parseSecretarySearch(new URL(request.url).searchParams);
  const result = await handle(() => searchSecretaries(query));
  const status = Object.keys(errors).length > 0 ? 400 : result.unavailable ? 503 : 200;
  return data({ query, errors: Object.values(errors), ...result }, { status });
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

const countLabel = (n: number) => `${n.toLocaleString("fr-FR")} ${n > 1 ? "secrétaires" : "secrétaire"}`;

function Messages({ errors, notices, unavailable }: Pick<PageData, "errors" | "notices" | "unavailable">) {
  return (
    <>
      {errors.length > 0 ? (
        <div className="form-error" role="alert">
          <p>Une partie de la recherche n’a pas pu être lue et a été ignorée :</p>
          <ul>
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notices.map((notice) => (
        <p key={notice} className="notice warning">
          {notice}
        </p>
      ))}
      {unavailable ? (
        <p className="notice warning" role="alert">
          La recherche est momentanément indisponible. Réessayez dans quelques instants.
        </p>
      ) : null}
    </>
  );
}

function EmptyState({ query, total }: { query: SecretarySearchQuery; total: number }) {
  if (total > 0) {
    return (
      <p className="notice warning">
        Cette page ne contient aucun résultat.{" "}
        <Link to={secretarySearchHref(query, { page: 1 })}>Revenir à la première page</Link>
      </p>
    );
  }
  return (
    <div className="card stack">
      <p>
        <strong>Aucune secrétaire ne correspond à ces critères.</strong>
      </p>
      <ul>
        <li>Vérifiez l’orthographe ou essayez un mot plus général (« agenda », « comptabilité »…).</li>
        <li>Retirez un filtre ou relevez le tarif maximum.</li>
        <li>Sans adresse, vous voyez aussi les secrétaires qui travaillent uniquement à distance.</li>
      </ul>
      <p className="row">
        {query.q ? (
          <Link to={secretarySearchHref({ ...emptySecretarySearch, q: query.q })}>
            Garder le texte, retirer les filtres
          </Link>
        ) : null}
        <Link to="/secretaires">Nouvelle recherche</Link>
      </p>
    </div>
  );
}

function Results({ page: view }: { page: PageData }) {
  const { total, cards, place } = view;
  // Links carry the sort actually applied ("distance" without an address fell back to relevance).
  const query = { ...view.query, sort: view.sort };
  return (
    <section className="stack" aria-labelledby="resultats-titre">
      <h2 id="resultats-titre" className="visually-hidden">
        Résultats
      </h2>
      <p className="search-count" role="status" aria-live="polite">
        {countLabel(total)}
        {place ? <span className="muted"> pouvant se déplacer à {place.label}</span> : null}
      </p>
      <Messages errors={view.errors} notices={view.notices} unavailable={view.unavailable} />
      {cards.length === 0 ? (
        <EmptyState query={query} total={total} />
      ) : (
        <ol className="search-results-list">
          {cards.map((card) => (
            <li key={card.slug}>
              <SearchResultCard card={card} />
            </li>
          ))}
        </ol>
      )}
      <SearchPagination
        page={view.page}
        totalPages={view.totalPages}
        hrefFor={(page) => secretarySearchHref(query, { page })}
      />
    </section>
  );
}

export default function SecretarySearchPage() {
  const view = useLoaderData<typeof loader>();
  const shown = { ...view.query, sort: view.sort, page: 1 };
  return (
    <div className="stack">
      <h1>Trouver une secrétaire</h1>
      <div className="search-layout">
        <SecretarySearchForm
          query={shown}
          search={serializeSecretarySearch(shown)}
          facets={view.facets}
          rateStats={view.rateStats}
          hasPlace={view.place !== null}
        />
        <Results page={view} />
      </div>
    </div>
  );
}
