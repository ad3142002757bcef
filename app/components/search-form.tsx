// The /secretaires search form: a plain GET form (the URL is the query), live with JavaScript.
import { Form } from "@remix-run/react";
import { useRef } from "react";
import {
  MAX_ADDRESS_LENGTH,
  MAX_TEXT_LENGTH,
  type SecretarySearchQuery,
} from "#app/domain/discovery/secretary-search.schema";
import { SearchFilters, type Facets } from "./search-filters";
import { useFormFollowsUrl, useLiveSearch } from "./search-live-form";

const sortOptions = [
  { value: "pertinence", label: "Pertinence" },
  { value: "tarif-croissant", label: "Tarif croissant" },
  { value: "tarif-decroissant", label: "Tarif décroissant" },
  { value: "note", label: "Mieux notées" },
  { value: "distance", label: "Distance" },
  { value: "recentes", label: "Plus récentes" },
] as const;

// Left out of the URL when chosen: the page's own default.
const defaults = { tri: "pertinence" };

export function SecretarySearchForm(props: {
  query: SecretarySearchQuery;
  /** The canonical query string the page is showing, for the fields to follow. */
  search: string;
  facets: Facets;
  rateStats: { min: number; max: number } | null;
  /** Distance sorting needs a resolved address. */
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
      action="/secretaires"
      role="search"
      aria-label="Rechercher une secrétaire"
      className="form search-form"
      onChange={onChange}
      onSubmit={onSubmit}
    >
      <div className="field">
        <label htmlFor="recherche-texte">Que cherchez-vous ?</label>
        <input
          id="recherche-texte"
          type="search"
          name="q"
          maxLength={MAX_TEXT_LENGTH}
          placeholder="ex. prise de rendez-vous, Doctolib"
          defaultValue={query.q}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="recherche-adresse">Sur place à (code postal, commune)</label>
        <p id="recherche-adresse-aide" className="hint">
          Facultatif. Par exemple « 75011 » ou « 69006 Lyon » : seules les secrétaires qui se déplacent
          jusque-là.
        </p>
        <input
          id="recherche-adresse"
          type="text"
          name="adresse"
          maxLength={MAX_ADDRESS_LENGTH}
          defaultValue={query.adresse}
          autoComplete="postal-code"
          aria-describedby="recherche-adresse-aide"
        />
      </div>
      <div className="field">
        <label htmlFor="recherche-tri">Trier par</label>
        <select id="recherche-tri" name="tri" defaultValue={query.sort}>
          {sorts.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <SearchFilters query={query} facets={props.facets} rateStats={props.rateStats} />
      <button type="submit">Rechercher</button>
    </Form>
  );
}
