import type { LinksFunction } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import searchStyles from "../styles/search.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchStyles }];

/** Plain GET to /secretaires: the search page reads the same `q` and `adresse` params. */
function HomeSearch() {
  return (
    <Form
      method="get"
      action="/secretaires"
      role="search"
      aria-labelledby="accueil-recherche-titre"
      className="card stack"
    >
      <h2 id="accueil-recherche-titre">Trouver une secrétaire</h2>
      <div className="home-search">
        <div className="field">
          <label htmlFor="accueil-recherche-texte">Que cherchez-vous ?</label>
          <input
            id="accueil-recherche-texte"
            type="search"
            name="q"
            maxLength={200}
            placeholder="ex. prise de rendez-vous, Doctolib"
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="accueil-recherche-adresse">Code postal (facultatif)</label>
          <input
            id="accueil-recherche-adresse"
            type="text"
            name="adresse"
            maxLength={120}
            placeholder="ex. 75011 Paris"
            autoComplete="postal-code"
          />
        </div>
        <button type="submit">Rechercher</button>
      </div>
    </Form>
  );
}

export default function Home() {
  // Where an erased account lands (app/routes/compte+/donnees.tsx): say it is done.
  const [params] = useSearchParams();
  return (
    <div className="stack">
      {params.get("compte") === "supprime" ? (
        <p className="notice" role="status">
          Votre compte a été supprimé. Vos données personnelles ont été effacées ; seules les pièces que la loi
          nous oblige à conserver (factures, mandats de facturation) sont archivées pour dix ans.
        </p>
      ) : null}
      <h1>Le secrétariat à distance, sans détour</h1>
      <p className="lead">
        Cabinets médicaux, artisans, petites entreprises : trouvez une secrétaire indépendante ou un cabinet
        de télésecrétariat pour l’accueil téléphonique, la prise de rendez-vous, la gestion d’agenda, la
        saisie comptable et bien plus.
      </p>
      <HomeSearch />
      <p className="row">
        <Link className="button secondary" to="/secretaires">
          Voir toutes les secrétaires
        </Link>
        <Link className="button secondary" to="/inscription">
          Créer un compte
        </Link>
      </p>
    </div>
  );
}
