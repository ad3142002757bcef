import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getOptionalUser } from "#app/auth/session.server";
import { ProfileAvailability, ProfilePricing, ProfileSkills } from "#app/components/profile-details";
import { ReportListingForm } from "#app/components/report-listing-form";
import { ReviewsSection } from "#app/components/review-list";
import { isProfileStatus, profileStatusLabels } from "#app/domain/profiles/profile-machine";
import { getPublicProfile } from "#app/domain/profiles/profiles.server";
import { canMakeOffer } from "#app/domain/proposals/offers.server";
import { listPublishedReviewsForProfile } from "#app/domain/reviews/reviews.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

const slugParam = z.string().regex(/^[a-z0-9-]{1,80}$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugParam.safeParse(params.slug);
  if (!slug.success) toResponse(new DomainError("NOT_FOUND", "Ce profil est introuvable."));
  const user = await getOptionalUser(request);
  const viewer = user ? { id: user.id, role: user.role } : null;
  const page = await handle(() => getPublicProfile({ slug: slug.data, viewer }));
  const reviews = await listPublishedReviewsForProfile(slug.data);
  return { ...page, reviews, canOffer: !page.preview && (await canMakeOffer(user)) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Profil introuvable — Permanence" }];
  const { displayName, headline } = data.profile;
  return [
    { title: `${displayName}${headline ? ` — ${headline}` : ""} — Permanence` },
    { name: "description", content: headline || `${displayName}, secrétaire sur Permanence.` },
    ...(data.preview ? [{ name: "robots", content: "noindex" }] : []),
  ];
};

export default function PublicProfile() {
  const { profile, preview, canOffer, reviews } = useLoaderData<typeof loader>();
  const status = isProfileStatus(profile.status) ? profileStatusLabels[profile.status] : profile.status;
  return (
    <div className="stack">
      {preview ? (
        <p className="notice warning" role="status">
          <strong>Aperçu — profil non publié</strong> (statut : {status}). Seuls sa titulaire et l’équipe de
          modération voient cette page.
        </p>
      ) : null}
      <header className="stack">
        <h1>{profile.displayName}</h1>
        {profile.headline ? <p className="lead">{profile.headline}</p> : null}
        <ul className="tags" aria-label="Particularités">
          {profile.verified ? <li className="badge ok">Profil vérifié</li> : null}
          {profile.remote ? <li className="badge">À distance</li> : null}
          {profile.agencyName ? <li className="badge">Membre de l’agence {profile.agencyName}</li> : null}
        </ul>
      </header>
      {canOffer ? (
        <p>
          <Link className="button" to={`/secretaires/${profile.slug}/offre`}>
            Faire une offre directe
          </Link>
        </p>
      ) : null}
      {profile.bio ? (
        <section className="card stack" aria-labelledby="presentation">
          <h2 id="presentation">Présentation</h2>
          <p className="pre-line">{profile.bio}</p>
        </section>
      ) : null}
      <ProfileSkills profile={profile} />
      <ProfilePricing profile={profile} />
      <ProfileAvailability profile={profile} />
      <ReviewsSection
        reviews={reviews}
        note={
          profile.agencyName
            ? `Les avis sur les missions confiées à l’agence ${profile.agencyName} figurent sur la page de l’agence.`
            : undefined
        }
      />
      {preview ? null : <ReportListingForm targetType="PROFILE" targetId={profile.slug} />}
    </div>
  );
}
