// One open mission in the search results: public facts only, linking to its page.
import { Link } from "@remix-run/react";
import type { MissionSearchCard as Card } from "#app/domain/discovery/missions-discovery.server";
import { formatDistance } from "#app/domain/discovery/secretary-card";
import {
  normalizedBudgetLabel,
  scheduleTypeLabels,
  workModeLabels,
} from "#app/domain/missions/mission-columns";
import { skillLabels } from "#app/domain/profiles/taxonomy";
import { formatDate } from "#app/lib/dates";

const SHOWN_SKILLS = 4;

function placeOf(card: Card): string {
  const mode = workModeLabels[card.workMode];
  return card.commune && card.workMode !== "REMOTE" ? `${mode} — ${card.commune}` : mode;
}

export function MissionSearchCard({ card }: { card: Card }) {
  const titleId = `mission-${card.id}`;
  const more = card.skills.length - SHOWN_SKILLS;
  return (
    <article className="card search-card" aria-labelledby={titleId}>
      <div>
        <h3 id={titleId}>
          <Link to={`/missions/${card.id}`}>{card.title}</Link>
        </h3>
        <p className="muted">{card.businessName}</p>
      </div>
      <p className="search-card-price">
        <strong>{normalizedBudgetLabel(card.billingMode, card.budgetCents)}</strong>
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
      <ul className="search-card-facts">
        <li>{scheduleTypeLabels[card.scheduleType]}</li>
        <li>{placeOf(card)}</li>
        {card.distanceKm !== null ? <li>{formatDistance(card.distanceKm)}</li> : null}
        <li>Début le {formatDate(card.startDate)}</li>
      </ul>
    </article>
  );
}
