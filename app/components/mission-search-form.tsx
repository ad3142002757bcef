// The /missions search form: a plain GET form (the URL is the query), live with JavaScript. Built
// from the /secretaires pieces: the live-search hooks and the facet checkboxes with counts.
import { Form } from "@remix-run/react";
import { useRef } from "react";
import {
  DEFAULT_RADIUS_KM,
  MAX_RADIUS_KM,
  type MissionSearchQuery,
} from "#app/domain/discovery/mission-search.schema";
import {
  centsToEurosInput,
  MAX_ADDRESS_LENGTH,
  MAX_TEXT_LENGTH,
} from "#app/domain/discovery/secretary-search.schema";
import { scheduleTypeLabels, workModeLabels } from "#app/domain/missions/mission-columns";
import { billingModes, skills } from "#app/domain/profiles/taxonomy";
import { FacetChecks, useFoldedOnSmallScreens, type Facets } from "./search-filters";
import { useFormFollowsUrl, useLiveSearch } from "./search-live-form";

const sortOptions = [
  { value: "recentes", label: "Plus récentes" },
  { value: "date-debut", label: "Date de début" },
  { value: "budget-decroissant", label: "Budget décroissant" },
  { value: "budget-croissant", label: "Budget croissant" },
  { value: "distance", label: "Distance" },
] as const;

// Left out of the URL when chosen: the page's own defaults.
const defaults = { tri: "recentes", rayon: String(DEFAULT_RADIUS_KM) };

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

function Field(props: { id: string; label: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.id}-aide`} className="hint">
          {props.hint}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

function BudgetAndDates({ query }: { query: MissionSearchQuery }) {
  const euros = (cents: number | null) => (cents !== null ? centsToEurosInput(cents) : "");
  return (
    <>
      <fieldset>
        <legend>Budget (€ HT)</legend>
        <p id="mission-budget-aide" className="hint">
          Tarif horaire maximum, forfait ou total mensuel estimé, selon la facturation.
        </p>
        <div className="row">
          <Field id="mission-budget-min" label="Minimum">
            <input
              id="mission-budget-min"
              type="number"
              name="budgetMin"
              min={0}
              step="any"
              inputMode="decimal"
              defaultValue={euros(query.minBudgetCents)}
              aria-describedby="mission-budget-aide"
            />
          </Field>
          <Field id="mission-budget-max" label="Maximum">
            <input
              id="mission-budget-max"
              type="number"
              name="budgetMax"
              min={0}
              step="any"
              inputMode="decimal"
              defaultValue={euros(query.maxBudgetCents)}
              aria-describedby="mission-budget-aide"
            />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Date de début</legend>
        <Field id="mission-debut-des" label="À partir du">
          <input id="mission-debut-des" type="date" name="debutDes" defaultValue={query.startFrom ?? ""} />
        </Field>
        <Field id="mission-debut-avant" label="Au plus tard le">
          <input
            id="mission-debut-avant"
            type="date"
            name="debutAvant"
            defaultValue={query.startBefore ?? ""}
          />
        </Field>
      </fieldset>
    </>
  );
}

function MissionFilters({ query, facets }: { query: MissionSearchQuery; facets: Facets }) {
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
        <FacetChecks
          legend="Facturation"
          name="facturation"
          facet="billingMode"
          options={billingModes}
          selected={query.billingModes}
          facets={facets}
        />
        <BudgetAndDates query={query} />
        <FacetChecks
          legend="Type de mission"
          name="planning"
          facet="scheduleType"
          options={options(scheduleTypeLabels)}
          selected={query.scheduleTypes}
          facets={facets}
        />
        <FacetChecks
          legend="Mode de travail"
          name="mode"
          facet="workMode"
          options={options(workModeLabels)}
          selected={query.workModes}
          facets={facets}
        />
      </div>
    </details>
  );
}

function Place({ query }: { query: MissionSearchQuery }) {
  return (
    <fieldset>
      <legend>Près de chez vous</legend>
      <p id="mission-lieu-aide" className="hint">
        Facultatif. Avec un code postal, seules les missions sur place ou hybrides dans ce rayon.
      </p>
      <Field id="mission-code-postal" label="Code postal (et commune)">
        <input
          id="mission-code-postal"
          type="text"
          name="codePostal"
          maxLength={MAX_ADDRESS_LENGTH}
          defaultValue={query.codePostal}
          autoComplete="postal-code"
          aria-describedby="mission-lieu-aide"
        />
      </Field>
      <Field id="mission-rayon" label="Rayon (km)">
        <input
          id="mission-rayon"
          type="number"
          name="rayon"
          min={1}
          max={MAX_RADIUS_KM}
          step={1}
          inputMode="numeric"
          defaultValue={query.rayonKm}
        />
      </Field>
    </fieldset>
  );
}

export function MissionSearchForm(props: {
  query: MissionSearchQuery;
  /** The canonical query string the page is showing, for the fields to follow. */
  search: string;
  facets: Facets;
  /** Distance sorting needs a resolved place. */
  hasPlace: boolean;
}) {
  const { query } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const { onChange, onSubmit } = useLiveSearch(formRef, defaults);
  useFormFollowsUrl(formRef, props.search);
  const sorts = sortOptions.filter((o) => o.value !== "distance" || props.hasPlace);
  return (
    <Form
      ref={formRef}
      method="get"
      action="/missions"
      role="search"
      aria-label="Rechercher une mission"
      className="form search-form"
      onChange={onChange}
      onSubmit={onSubmit}
    >
      <Field id="mission-texte" label="Que cherchez-vous ?">
        <input
          id="mission-texte"
          type="search"
          name="q"
          maxLength={MAX_TEXT_LENGTH}
          placeholder="ex. accueil téléphonique, remplacement"
          defaultValue={query.q}
          autoComplete="off"
        />
      </Field>
      <Place query={query} />
      <Field id="mission-tri" label="Trier par">
        <select id="mission-tri" name="tri" defaultValue={query.sort}>
          {sorts.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <MissionFilters query={query} facets={props.facets} />
      <button type="submit">Rechercher</button>
    </Form>
  );
}
