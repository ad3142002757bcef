import { Link } from "@remix-run/react";
import type { ProfileForReview } from "#app/domain/moderation/moderation.repo.server";
import { profileStatusLabels, type ProfileStatus } from "#app/domain/profiles/profile-machine";
import {
  billingModeLabels,
  languageLabels,
  sectorLabels,
  skillLabels,
  softwareLabels,
  taskTypeLabels,
  weekdayLabels,
} from "#app/domain/profiles/taxonomy";
import { formatDate } from "#app/lib/dates";
import { formatEuros, formatRate } from "#app/lib/money";

type Props = { profile: ProfileForReview };

export function statusLabel(status: string): string {
  return status in profileStatusLabels ? profileStatusLabels[status as ProfileStatus] : status;
}

export function Tags({ values, labels }: { values: readonly string[]; labels: Record<string, string> }) {
  if (values.length === 0) return <span className="muted">Non renseigné</span>;
  return (
    <ul className="tags">
      {values.map((v) => (
        <li key={v} className="badge">
          {labels[v] ?? v}
        </li>
      ))}
    </ul>
  );
}

/** Everything the public page would show, as the reviewer must judge it. */
export function ModerationProfileDetails({ profile }: Props) {
  return (
    <section className="card stack" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profil</h2>
      <p className="lead">{profile.headline || <span className="muted">Pas de titre</span>}</p>
      <div>
        <h3>Présentation</h3>
        {profile.bio ? (
          <p className="pre-wrap">{profile.bio}</p>
        ) : (
          <p className="muted">Pas de présentation.</p>
        )}
      </div>
      <dl className="stack">
        <dt>Compétences</dt>
        <dd>
          <Tags values={profile.skills} labels={skillLabels} />
        </dd>
        <dt>Secteurs</dt>
        <dd>
          <Tags values={profile.sectors} labels={sectorLabels} />
        </dd>
        <dt>Logiciels</dt>
        <dd>
          <Tags values={profile.software} labels={softwareLabels} />
        </dd>
        <dt>Langues</dt>
        <dd>
          <Tags values={profile.languages} labels={languageLabels} />
        </dd>
        <dt>Expérience</dt>
        <dd>
          {profile.yearsExperience > 1 ? `${profile.yearsExperience} ans` : `${profile.yearsExperience} an`}
        </dd>
        <dt>Vérification</dt>
        <dd>
          {profile.verified ? (
            <span className="badge ok">Vérifiée</span>
          ) : (
            <span className="badge">Non vérifiée</span>
          )}
        </dd>
        <dt>Structure</dt>
        <dd>{profile.agency ? `Membre de l’agence ${profile.agency.name}` : "Indépendante"}</dd>
      </dl>
      <ProfileRates profile={profile} />
      <ProfileWorkplace profile={profile} />
    </section>
  );
}

function ProfileRates({ profile }: Props) {
  return (
    <div className="stack">
      <h3>Tarifs</h3>
      <dl className="stack">
        <dt>Modes de facturation acceptés</dt>
        <dd>
          <Tags values={profile.billingModes} labels={billingModeLabels} />
        </dd>
        <dt>Tarif horaire</dt>
        <dd>
          {profile.hourlyRateCents !== null ? (
            formatRate(profile.hourlyRateCents)
          ) : (
            <span className="muted">Non renseigné</span>
          )}
        </dd>
      </dl>
      {profile.taskPrices.length > 0 ? (
        <table>
          <caption className="muted">Tarifs à la tâche</caption>
          <thead>
            <tr>
              <th scope="col">Tâche</th>
              <th scope="col">Prix unitaire</th>
            </tr>
          </thead>
          <tbody>
            {profile.taskPrices.map((price) => (
              <tr key={price.task}>
                <td>{taskTypeLabels[price.task]}</td>
                <td>{formatEuros(price.unitPriceCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Aucun tarif à la tâche.</p>
      )}
    </div>
  );
}

/** "09:00" → "9 h", "12:30" → "12 h 30", as French writes opening hours. */
function hour(hhmm: string): string {
  const [h = "0", m = "00"] = hhmm.split(":");
  return m === "00" ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}

function ProfileWorkplace({ profile }: Props) {
  const base = [profile.baseCommune, profile.basePostcode ? `(${profile.basePostcode})` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="stack">
      <h3>Lieu et disponibilités</h3>
      <dl className="stack">
        <dt>À distance</dt>
        <dd>{profile.remote ? "Oui" : "Non"}</dd>
        <dt>Sur place</dt>
        <dd>
          {profile.onSite
            ? `Oui, autour de ${base || "une commune non renseignée"}${profile.radiusKm ? `, jusqu’à ${profile.radiusKm} km` : ""}`
            : "Non"}
        </dd>
        <dt>Disponible à partir du</dt>
        <dd>
          {profile.availableFrom ? (
            formatDate(profile.availableFrom)
          ) : (
            <span className="muted">Non renseigné</span>
          )}
        </dd>
        <dt>Créneaux habituels</dt>
        <dd>
          {profile.availability.length === 0 ? (
            <span className="muted">Non renseignés</span>
          ) : (
            <ul>
              {profile.availability.map((slot) => (
                <li key={`${slot.day}-${slot.start}-${slot.end}`}>
                  {weekdayLabels[slot.day - 1]} de {hour(slot.start)} à {hour(slot.end)}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </div>
  );
}

/** Who is behind the profile: only staff see the e-mail address. */
export function ModerationAccountCard({ profile }: Props) {
  return (
    <section className="card stack" aria-labelledby="account-heading">
      <h2 id="account-heading">Compte</h2>
      <dl className="stack">
        <dt>Adresse e-mail</dt>
        <dd>
          {profile.user.email}{" "}
          {profile.user.emailVerifiedAt ? (
            <span className="badge ok">vérifiée</span>
          ) : (
            <span className="badge warn">non vérifiée</span>
          )}
        </dd>
        <dt>Compte créé le</dt>
        <dd>{formatDate(profile.user.createdAt)}</dd>
        {profile.user.suspendedAt ? (
          <>
            <dt>Compte</dt>
            <dd>
              <span className="badge warn">suspendu le {formatDate(profile.user.suspendedAt)}</span>
            </dd>
          </>
        ) : null}
        <dt>Page publique</dt>
        <dd>
          {profile.status === "PUBLISHED" ? (
            <Link to={`/secretaires/${profile.slug}`}>/secretaires/{profile.slug}</Link>
          ) : (
            <span className="muted">/secretaires/{profile.slug} (visible une fois publié)</span>
          )}
        </dd>
      </dl>
    </section>
  );
}
