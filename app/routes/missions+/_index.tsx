import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MissionSearchCard } from "#app/components/mission-search-card";
import { MissionSearchForm } from "#app/components/mission-search-form";
import { SearchPagination } from "#app/components/search-pagination";
import {
  emptyMissionSearch,
  missionSearchHref,
  parseMissionSearch,
  serializeMissionSearch,
  type MissionSearchQuery,
} from "#app/domain/discovery/mission-search.schema";
import { searchMissions } from "#app/domain/discovery/missions-discovery.server";
import { handle } from "#app/lib/http.server";
import searchStyles from "../../styles/search.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const q = page?.query.q;
  return [
    { title: q ? `« ${q} » — Missions — Permanence` : "Missions de secrétariat — Permanence" },
    {
      name: "description",
      content:
        "Missions de secrétariat ouvertes : accueil téléphonique, rendez-vous, remplacements, à distance ou sur place.",
    },
  ];
};

/**
 * Anyone may browse. The URL is the query; bad params are reported and set aside (status 400)
 * while the valid part still runs, so a damaged shared link shows a usable page, never a 500.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { query, errors } = parseMissionSearch(new URL(request.url).searchParams);
  const result = await handle(() => searchMissions(query));
  const status = Object.keys(errors).length > 0 ? 400 : result.unavailable ? 503 : 200;
  return data({ query, errors: Object.values(errors), ...result }, { status });
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

const countLabel = (n: number) =>
  `${n.toLocaleString("fr-FR")} ${n > 1 ? "missions ouvertes" : "mission ouverte"}`;

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

function EmptyState({ query, total }: { query: MissionSearchQuery; total: number }) {
  if (total > 0) {
    return (
      <p className="notice warning">
        Cette page ne contient aucun résultat.{" "}
        <Link to={missionSearchHref(query, { page: 1 })}>Revenir à la première page</Link>
      </p>
    );
  }
  return (
    <div className="card stack">
      <p>
        <strong>Aucune mission ouverte ne correspond à ces critères.</strong>
      </p>
      <ul>
        <li>Vérifiez l’orthographe ou essayez un mot plus général (« accueil », « rendez-vous »…).</li>
        <li>Retirez un filtre, élargissez le budget ou le rayon.</li>
      </ul>
      <p className="row">
        {query.q ? (
          <Link to={missionSearchHref({ ...emptyMissionSearch, q: query.q })}>
            Garder le texte, retirer les filtres
          </Link>
        ) : null}
        <Link to="/missions">Nouvelle recherche</Link>
      </p>
    </div>
  );
}

function Results({ page: view }: { page: PageData }) {
  const { total, cards, place } = view;
  // Links carry the sort actually applied ("distance" without a place fell back to the newest).
  const query = { ...view.query, sort: view.sort };
  return (
    <section className="stack" aria-labelledby="resultats-titre">
      <h2 id="resultats-titre" className="visually-hidden">
        Résultats
      </h2>
      <p className="search-count" role="status" aria-live="polite">
        {countLabel(total)}
        {place ? (
          <span className="muted">
            {" "}
            à moins de {view.query.rayonKm} km de {place.label}
          </span>
        ) : null}
      </p>
      <Messages errors={view.errors} notices={view.notices} unavailable={view.unavailable} />
      {cards.length === 0 ? (
        <EmptyState query={query} total={total} />
      ) : (
        <ol className="search-results-list">
          {cards.map((card) => (
            <li key={card.id}>
              <MissionSearchCard card={card} />
            </li>
          ))}
        </ol>
      )}
      <SearchPagination
        page={view.page}
        totalPages={view.totalPages}
        hrefFor={(page) => missionSearchHref(query, { page })}
      />
    </section>
  );
}

export default function MissionSearchPage() {
  const view = useLoaderData<typeof loader>();
  const shown = { ...view.query, sort: view.sort, page: 1 };
  return (
    <div className="stack">
      <h1>Missions de secrétariat</h1>
      <p className="notice" role="note">
        Tout le monde peut consulter les missions ouvertes. Pour proposer vos services, il faut un compte
        secrétaire validé.
      </p>
      <div className="search-layout">
        <MissionSearchForm
          query={shown}
          search={serializeMissionSearch(shown)}
          facets={view.facets}
          hasPlace={view.place !== null}
        />
        <Results page={view} />
      </div>
    </div>
  );
}
