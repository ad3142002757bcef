import { Link } from "@remix-run/react";

export default function Home() {
  return (
    <div className="stack">
      <h1>Le secrétariat à distance, sans détour</h1>
      <p className="lead">
        Cabinets médicaux, artisans, petites entreprises : trouvez une secrétaire indépendante ou un cabinet de
        télésecrétariat pour l’accueil téléphonique, la prise de rendez-vous, la gestion d’agenda, la saisie
        comptable et bien plus.
      </p>
      <p className="row">
        <Link className="button" to="/secretaires">
          Voir les secrétaires
        </Link>
        <Link className="button secondary" to="/inscription">
          Créer un compte
        </Link>
      </p>
    </div>
  );
}
