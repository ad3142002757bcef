import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ReviewsSection } from "#app/components/review-list";
import { getPublicAgency } from "#app/domain/agencies/public-agency.server";
import { listPublishedReviewsForAgency } from "#app/domain/reviews/reviews.server";
import { notFound } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

const slugParam = z.string().regex(/^[a-z0-9-]{1,80}$/);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.agency.name} — cabinet de télésecrétariat — Permanence` : "Agence — Permanence" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = slugParam.safeParse(params.slug);
  if (!slug.success) toResponse(notFound("Cette agence"));
  const agency = await handle(() => getPublicAgency(slug.data));
  return { agency, reviews: await listPublishedReviewsForAgency(slug.data) };
}

export default function AgencyPage() {
  const { agency, reviews } = useLoaderData<typeof loader>();
  const facts = [agency.sectorLabel, agency.commune].filter(Boolean).join(" · ");
  return (
    <div className="stack">
      <h1>{agency.name}</h1>
      <p className="lead">Cabinet de télésecrétariat{facts ? ` · ${facts}` : ""}</p>
      <section className="stack" aria-labelledby="team-title">
        <h2 id="team-title">L’équipe</h2>
        {agency.members.length === 0 ? (
          <p className="muted">Aucune secrétaire de cette agence n’a encore de profil publié.</p>
        ) : (
          <ul className="grid">
            {agency.members.map((m) => (
              <li key={m.slug} className="card">
                <h3>
                  <Link to={`/secretaires/${m.slug}`}>{m.displayName}</Link>
                </h3>
                {m.headline ? <p>{m.headline}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ReviewsSection reviews={reviews} />
    </div>
  );
}
