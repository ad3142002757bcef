// The filters of the secretary search, each option with the number of results it would keep.
import { useEffect, useRef } from "react";
import {
  centsToEurosInput,
  slotCodes,
  type SecretarySearchQuery,
} from "#app/domain/discovery/secretary-search.schema";
import {
  billingModes,
  languages,
  sectors,
  skills,
  softwareList,
  weekdayLabels,
} from "#app/domain/profiles/taxonomy";
import { formatEuros } from "#app/lib/money";
import { dayParts, type DayPart } from "#search/availability-slots";

export type Facets = Record<string, Record<string, number>>;
type Option = { value: string; label: string };

export const countOf = (facets: Facets, facet: string, value: string) => facets[facet]?.[value] ?? 0;

const slotOptions: Option[] = slotCodes.map((code) => {
  const [day, part] = code.split("-") as [string, DayPart];
  return { value: code, label: `${weekdayLabels[Number(day) - 1]} ${dayParts[part].label}` };
});

export function FacetChecks(props: {
  legend: string;
  name: string;
  facet: string;
  options: readonly Option[];
  selected: readonly string[];
  facets: Facets;
  className?: string;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className={props.className ?? "search-checks"}>
        {props.options.map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              name={props.name}
              value={o.value}
              defaultChecked={props.selected.includes(o.value)}
            />
            <span>
              {o.label} <span className="muted">({countOf(props.facets, props.facet, o.value)})</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function KindChoice({ query, facets }: { query: SecretarySearchQuery; facets: Facets }) {
  const choices = [
    { value: "", label: "Toutes" },
    { value: "independante", label: "Indépendantes", count: countOf(facets, "kind", "INDEPENDENT") },
    { value: "agence", label: "Membres d’une agence", count: countOf(facets, "kind", "AGENCY") },
  ];
  return (
    <fieldset>
      <legend>Statut</legend>
      <div className="search-checks">
        {choices.map((c) => (
          <label key={c.value}>
            <input type="radio" name="type" value={c.value} defaultChecked={(query.kind ?? "") === c.value} />
            <span>
              {c.label} {c.count !== undefined ? <span className="muted">({c.count})</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function RateAndDate({
  query,
  rateStats,
}: {
  query: SecretarySearchQuery;
  rateStats: { min: number; max: number } | null;
}) {
  const euros = (cents: number) => formatEuros(cents, { dropZeroCents: true });
  return (
    <>
      <div className="field">
        <label htmlFor="recherche-tarif">Tarif horaire maximum (€ HT)</label>
        {rateStats ? (
          <p id="recherche-tarif-aide" className="hint">
            De {euros(rateStats.min)} à {euros(rateStats.max)} de l’heure parmi les résultats.
          </p>
        ) : null}
        <input
          id="recherche-tarif"
          type="number"
          name="tarifMax"
          min={0}
          max={1000}
          step={1}
          inputMode="numeric"
          placeholder={rateStats ? String(Math.ceil(rateStats.max / 100)) : undefined}
          defaultValue={query.maxRateCents !== null ? centsToEurosInput(query.maxRateCents) : ""}
          aria-describedby={rateStats ? "recherche-tarif-aide" : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="recherche-disponible">Disponible le</label>
        <p id="recherche-disponible-aide" className="hint">
          Déjà disponible à cette date.
        </p>
        <input
          id="recherche-disponible"
          type="date"
          name="disponibleLe"
          defaultValue={query.availableOn ?? ""}
          aria-describedby="recherche-disponible-aide"
        />
      </div>
    </>
  );
}

function Toggles({ query, facets }: { query: SecretarySearchQuery; facets: Facets }) {
  return (
    <fieldset>
      <legend>Autres critères</legend>
      <div className="search-checks">
        <label>
          <input type="checkbox" name="verifiee" value="oui" defaultChecked={query.verified} />
          <span>
            Profils vérifiés uniquement <span className="muted">({countOf(facets, "verified", "true")})</span>
          </span>
        </label>
        <label>
          <input type="checkbox" name="distance" value="oui" defaultChecked={query.remote} />
          <span>
            Travaille à distance <span className="muted">({countOf(facets, "remote", "true")})</span>
          </span>
        </label>
      </div>
    </fieldset>
  );
}

/** Open on wide screens; on a phone it starts folded so the results come first (it stays open without JS). */
export function useFoldedOnSmallScreens() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(max-width: 59.99rem)").matches) ref.current.open = false;
  }, []);
  return ref;
}

export function SearchFilters(props: {
  query: SecretarySearchQuery;
  facets: Facets;
  rateStats: { min: number; max: number } | null;
}) {
  const { query, facets } = props;
  const ref = useFoldedOnSmallScreens();
  return (
    <details className="search-filters" open ref={ref}>
      <summary>Filtres</summary>
      <div className="stack">
        <FacetChecks
          legend="Compétences"
          name="competences"
          facet="skills"
          options={skills}
          selected={query.skills}
          facets={facets}
        />
        <RateAndDate query={query} rateStats={props.rateStats} />
        <Toggles query={query} facets={facets} />
        <KindChoice query={query} facets={facets} />
        <FacetChecks
          legend="Secteurs"
          name="secteurs"
          facet="sectors"
          options={sectors}
          selected={query.sectors}
          facets={facets}
        />
        <FacetChecks
          legend="Logiciels"
          name="logiciels"
          facet="software"
          options={softwareList}
          selected={query.software}
          facets={facets}
        />
        <FacetChecks
          legend="Langues"
          name="langues"
          facet="languages"
          options={languages}
          selected={query.languages}
          facets={facets}
        />
        <FacetChecks
          legend="Facturation"
          name="facturation"
          facet="billingModes"
          options={billingModes}
          selected={query.billingModes}
          facets={facets}
        />
        <FacetChecks
          legend="Créneaux chaque semaine"
          name="creneaux"
          facet="availabilitySlots"
          options={slotOptions}
          selected={query.slots}
          facets={facets}
          className="search-checks search-slots"
        />
      </div>
    </details>
  );
}
