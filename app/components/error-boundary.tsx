import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const titles: Record<number, string> = {
  400: "Demande invalide",
  401: "Connexion requise",
  403: "Accès refusé",
  404: "Page introuvable",
  409: "Action impossible",
  429: "Trop de tentatives",
};

/** Every route group renders this: a French message, never a stack trace or a raw library error. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === "object" && error.data && "message" in error.data
        ? String(error.data.message)
        : defaultMessage(error.status);
    return (
      <section className="error-panel" role="alert">
        <h1>{titles[error.status] ?? "Une erreur est survenue"}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">Retour à l’accueil</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="error-panel" role="alert">
      <h1>Une erreur est survenue</h1>
      <p>Nous n’avons pas pu afficher cette page. Réessayez dans un instant.</p>
      <p>
        <Link to="/">Retour à l’accueil</Link>
      </p>
    </section>
  );
}

function defaultMessage(status: number): string {
  if (status === 404) return "Cette page n’existe pas ou n’est plus disponible.";
  if (status === 403) return "Vous n’avez pas accès à cette page.";
  return "La demande n’a pas pu aboutir.";
}
