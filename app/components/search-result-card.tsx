// One secretary in the search results: public facts only, linking to her profile.
import { Link } from "@remix-run/react";
import {
  formatDistance,
  formatRating,
  formatWeekdays,
  reachSummary,
  type SecretarySearchCard,
} from "#app/domain/discovery/secretary-card";
import { skillLabels } from "#app/domain/profiles/taxonomy";
import { formatDate } from "#app/lib/dates";
import { formatRate } from "#app/lib/money";

const SHOWN_SKILLS = 4;

function availabilityOf(card: SecretarySearchCard): string {
  const when =
    card.availableFrom === null
      ? "Disponible dès maintenant"
      : `Disponible à partir du ${formatDate(card.availableFrom)}`;
  const days = formatWeekdays(card.availabilityDays);
  return days ? `${when}, ${days}` : when;
}

function Facts({ card }: { card: SecretarySearchCard }) {
  const reach = reachSummary(card);
  return (
    <ul className="search-card-facts">
      {card.distanceKm !== null ? <li>{formatDistance(card.distanceKm)}</li> : null}
      {reach ? <li>{reach}</li> : null}
      {card.remote ? <li>À distance</li> : null}
      <li>{availabilityOf(card)}</li>
    </ul>
  );
}

export function SearchResultCard({ card }: { card: SecretarySearchCard }) {
  const titleId = `resultat-${card.slug}`;
  const rating = formatRating(card.ratingAverage, card.ratingCount);
  const more = card.skills.length - SHOWN_SKILLS;
  return (
    <article className="card search-card" aria-labelledby={titleId}>
      <div className="search-card-head">
        <span className="search-avatar" aria-hidden="true">
          {card.initials}
        </span>
        <div>
          <h3 id={titleId}>
            <Link to={`/secretaires/${card.slug}`}>{card.displayName}</Link>
          </h3>
          {card.headline ? <p>{card.headline}</p> : null}
        </div>
      </div>
      {card.verified || card.agencyName ? (
        <ul className="tags" aria-label="Statut">
          {card.verified ? <li className="badge ok">Profil vérifié</li> : null}
          {card.agencyName ? <li className="badge">Agence {card.agencyName}</li> : null}
        </ul>
      ) : null}
      <p className="row search-card-price">
        {card.hourlyRateCents !== null ? (
          <span>
            <strong>{formatRate(card.hourlyRateCents)}</strong> <span className="muted">HT</span>
          </span>
        ) : (
          <span className="muted">Tarif sur devis</span>
        )}
        {rating ? <span>{rating}</span> : null}
      </p>
      {card.skills.length > 0 ? (
        <ul className="tags" aria-label="Compétences">
          {card.skills.slice(0, SHOWN_SKILLS).map((skill) => (
            <li key={skill} className="badge">
              {skillLabels[skill]}
            </li>
          ))}
          {more > 0 ? <li className="badge">+{more}</li> : null}
        </ul>
      ) : null}
      <Facts card={card} />
    </article>
  );
}
