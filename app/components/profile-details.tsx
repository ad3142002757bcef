// The public profile's sections (/secretaires/:slug). Text is rendered escaped by React; the bio
// keeps its line breaks through CSS, never through HTML.
import { formatWeeklyAvailability } from "#app/domain/profiles/availability";
import type { PublicProfileDto } from "#app/domain/profiles/profiles.schema";
import {
  billingModeLabels,
  languageLabels,
  sectorLabels,
  skillLabels,
  softwareLabels,
  taskTypeLabels,
} from "#app/domain/profiles/taxonomy";
import { formatDate } from "#app/lib/dates";
import { formatEuros, formatRate } from "#app/lib/money";

function Tags({ label, items }: { label: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <ul className="tags" aria-label={label}>
      {items.map((item) => (
        <li key={item} className="badge">
          {item}
        </li>
      ))}
    </ul>
  );
}

export function experienceLabel(years: number): string {
  if (years === 0) return "Moins d’un an d’expérience";
  return years === 1 ? "1 an d’expérience" : `${years} ans d’expérience`;
}

export function ProfileSkills({ profile }: { profile: PublicProfileDto }) {
  return (
    <section className="card stack" aria-labelledby="competences">
      <h2 id="competences">Compétences</h2>
      <Tags label="Compétences" items={profile.skills.map((s) => skillLabels[s])} />
      {profile.sectors.length ? <h3>Secteurs</h3> : null}
      <Tags label="Secteurs" items={profile.sectors.map((s) => sectorLabels[s])} />
      {profile.software.length ? <h3>Logiciels</h3> : null}
      <Tags label="Logiciels" items={profile.software.map((s) => softwareLabels[s])} />
      <h3>Langues</h3>
      <Tags label="Langues" items={profile.languages.map((l) => languageLabels[l])} />
      <p>{experienceLabel(profile.yearsExperience)}</p>
    </section>
  );
}

export function ProfilePricing({ profile }: { profile: PublicProfileDto }) {
  return (
    <section className="card stack" aria-labelledby="tarifs">
      <h2 id="tarifs">Tarifs</h2>
      <p>
        Facturation acceptée :{" "}
        {profile.billingModes.length
          ? profile.billingModes.map((m) => billingModeLabels[m]).join(", ")
          : "non précisée"}
        .
      </p>
      {profile.hourlyRateCents !== null ? (
        <p>
          Tarif horaire : <strong>{formatRate(profile.hourlyRateCents)}</strong> HT
        </p>
      ) : null}
      {profile.taskPrices.length ? (
        <table>
          <caption className="muted">Prix à la tâche (HT)</caption>
          <thead>
            <tr>
              <th scope="col">Tâche</th>
              <th scope="col">Prix unitaire</th>
            </tr>
          </thead>
          <tbody>
            {profile.taskPrices.map((price) => (
              <tr key={price.task}>
                <th scope="row">{taskTypeLabels[price.task]}</th>
                <td>{formatEuros(price.unitPriceCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export function ProfileAvailability({ profile }: { profile: PublicProfileDto }) {
  const days = formatWeeklyAvailability(profile.availability);
  return (
    <section className="card stack" aria-labelledby="disponibilites">
      <h2 id="disponibilites">Où et quand</h2>
      <ul>
        {profile.remote ? <li>À distance</li> : null}
        {profile.onSite && profile.baseCommune ? (
          <li>
            Sur place autour de {profile.baseCommune}
            {profile.basePostcode ? ` (${profile.basePostcode})` : ""}
            {profile.radiusKm ? `, jusqu’à ${profile.radiusKm} km` : ""}
          </li>
        ) : null}
      </ul>
      {days.length ? (
        <ul aria-label="Disponibilités de la semaine">
          {days.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Disponibilités hebdomadaires non précisées.</p>
      )}
      <p>
        {profile.availableFrom && new Date(profile.availableFrom) > new Date()
          ? `Disponible à partir du ${formatDate(profile.availableFrom)}.`
          : "Disponible dès maintenant."}
      </p>
    </section>
  );
}
