// One secretary in the public list (/secretaires).
import { Link } from "@remix-run/react";
import type { ProfileCardDto } from "#app/domain/profiles/profiles.schema";
import { skillLabels } from "#app/domain/profiles/taxonomy";
import { formatRate } from "#app/lib/money";

export function ProfileCard({ profile }: { profile: ProfileCardDto }) {
  const titleId = `profil-${profile.slug}`;
  return (
    <article className="card stack" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Link to={`/secretaires/${profile.slug}`}>{profile.displayName}</Link>
      </h2>
      {profile.headline ? <p>{profile.headline}</p> : null}
      <ul className="tags" aria-label="Particularités">
        {profile.verified ? <li className="badge ok">Profil vérifié</li> : null}
        {profile.remote ? <li className="badge">À distance</li> : null}
        {profile.onSite && profile.baseCommune ? (
          <li className="badge">
            Sur place : {profile.baseCommune}
            {profile.radiusKm ? ` (${profile.radiusKm} km)` : ""}
          </li>
        ) : null}
        {profile.agencyName ? <li className="badge">Agence {profile.agencyName}</li> : null}
      </ul>
      {profile.hourlyRateCents !== null ? (
        <p>
          <strong>{formatRate(profile.hourlyRateCents)}</strong> <span className="muted">HT</span>
        </p>
      ) : null}
      {profile.topSkills.length ? (
        <ul className="tags" aria-label="Compétences principales">
          {profile.topSkills.map((skill) => (
            <li key={skill} className="badge">
              {skillLabels[skill]}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
