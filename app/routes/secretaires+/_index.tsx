import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProfileCard } from "#app/components/profile-card";
import { profileListQuerySchema } from "#app/domain/profiles/profiles.schema";
import { listPublicProfiles } from "#app/domain/profiles/profiles.server";
import { skillLabels } from "#app/domain/profiles/taxonomy";
import { DomainError } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction = () => [
  { title: "Secrétaires indépendantes et agences — Permanence" },
  { name: "description", content: "Les secrétaires et cabinets de télésecrétariat validés sur Permanence." },
];

// A plain, paginated list; full-text search and facets come with the search engine.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = profileListQuerySchema.safeParse(params);
  if (!query.success) {
    toResponse(new DomainError("VALIDATION", query.error.issues[0]?.message ?? "Adresse invalide."));
  }
  const { page, competence } = query.data;
  const list = await handle(() => listPublicProfiles({ page, competence }));
  return { ...list, competence: competence ?? null };
}

function pageHref(page: number, skill: string | null) {
  const params = new URLSearchParams();
  if (skill) params.set("competence", skill);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/secretaires?${search}` : "/secretaires";
}

function Pagination({ page, pageCount, skill }: { page: number; pageCount: number; skill: string | null }) {
  if (pageCount <= 1 && page === 1) return null;
  return (
    <nav aria-label="Pagination" className="row">
      {page > 1 ? (
        <Link to={pageHref(Math.min(page - 1, pageCount), skill)} rel="prev">
          Page précédente
        </Link>
      ) : null}
      <span>
        Page {page} sur {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={pageHref(page + 1, skill)} rel="next">
          Page suivante
        </Link>
      ) : null}
    </nav>
  );
}

export default function SecretaryList() {
  const { items, total, page, pageCount, competence: skill } = useLoaderData<typeof loader>();
  const skillLabel = skill ? skillLabels[skill] : null;
  return (
    <div className="stack">
      <h1>Secrétaires</h1>
      <p className="lead">
        {total === 0
          ? "Aucune secrétaire ne correspond pour le moment."
          : `${total} ${total > 1 ? "secrétaires validées" : "secrétaire validée"}${skillLabel ? ` en « ${skillLabel} »` : ""}.`}
      </p>
      {skillLabel ? (
        <p>
          <Link to="/secretaires">Voir toutes les compétences</Link>
        </p>
      ) : null}
      {items.length === 0 && total > 0 ? (
        <p className="notice warning" role="status">
          Cette page ne contient aucun profil. <Link to={pageHref(1, skill)}>Revenir à la première page</Link>
        </p>
      ) : null}
      <div className="grid">
        {items.map((profile) => (
          <ProfileCard key={profile.slug} profile={profile} />
        ))}
      </div>
      <Pagination page={page} pageCount={pageCount} skill={skill} />
    </div>
  );
}
