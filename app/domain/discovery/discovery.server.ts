// Finding secretaries: the typed query from the URL → the on-site address resolved offline → one
// engine search (whichever engine search/ provides) → cards for the page.
import { resolveAddress, type AddressResolution } from "#app/domain/geo/geo.server";
import { skillLabels, type Skill } from "#app/domain/profiles/taxonomy";
import type { GeoPoint } from "#search/documents";
import { SearchUnavailableError } from "#search/engine";
import { getSearchEngine } from "#search/engine-factory";
import type {
  SearchHit,
  SearchResponse,
  SecretaryFacet,
  SecretaryFilters,
  SecretarySearch,
} from "#search/query";
import { findStillPublishedProfileIds } from "./discovery.repo.server";
import { initialsOf, type SecretarySearchCard } from "./secretary-card";
import {
  dayToEpoch,
  parseAddressInput,
  SECRETARY_SEARCH_PAGE_SIZE,
  sortParams,
  kindParams,
  type SecretarySearchQuery,
  type SortParam,
} from "./secretary-search.schema";

const facets: SecretaryFacet[] = [
  "skills",
  "sectors",
  "software",
  "languages",
  "billingModes",
  "availabilitySlots",
  "verified",
  "kind",
  "remote",
];

export type ResolvedPlace = { label: string; point: GeoPoint };

export type SecretarySearchResult = {
  cards: SecretarySearchCard[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  facets: Record<string, Record<string, number>>;
  rateStats: { min: number; max: number } | null;
  /** The address the reach filter used, when it could be resolved. */
  place: { label: string } | null;
  /** The sort actually applied ("distance" falls back to relevance without an address). */
  sort: SortParam;
  /** Why part of the query was set aside (address not found…), in French. */
  notices: string[];
  /** The engine could not answer; the page says so instead of failing. */
  unavailable: boolean;
};

const IGNORED_REACH = "Les résultats ci-dessous ne tiennent pas compte du déplacement sur place.";

function communeNames(resolution: Extract<AddressResolution, { ok: false }>): string {
  const names = resolution.candidates.slice(0, 5).map((c) => c.name);
  return names.join(", ") + (resolution.candidates.length > 5 ? "…" : "");
}

/** The point the reach filter uses, or the French reason it cannot be used. */
export function resolveSearchPlace(text: string): { place: ResolvedPlace } | { notice: string } {
  const input = parseAddressInput(text);
  if (!input.ok) return { notice: input.message };
  const resolution = resolveAddress({ postcode: input.postcode, commune: input.commune });
  if (resolution.ok) {
    const { name, postcode, latitude, longitude } = resolution.commune;
    return { place: { label: `${name} (${postcode})`, point: { lat: latitude, lng: longitude } } };
  }
  switch (resolution.reason) {
    case "UNKNOWN_POSTCODE":
      return { notice: `Nous ne connaissons pas le code postal ${input.postcode}. ${IGNORED_REACH}` };
    case "AMBIGUOUS":
      return {
        notice: `Plusieurs communes correspondent à « ${text} » (${communeNames(resolution)}) : précisez la commune, par exemple « ${input.postcode} ${resolution.candidates[0]?.name ?? ""} ». ${IGNORED_REACH}`,
      };
    case "COMMUNE_MISMATCH":
      return {
        notice: `La commune « ${input.commune ?? ""} » ne correspond pas au code postal ${input.postcode} (${communeNames(resolution)}). ${IGNORED_REACH}`,
      };
  }
}

function filtersOf(query: SecretarySearchQuery, reach: GeoPoint | undefined): SecretaryFilters {
  const list = <T>(values: T[]) => (values.length > 0 ? values : undefined);
  const filters: SecretaryFilters = {
    skills: list(query.skills),
    sectors: list(query.sectors),
    software: list(query.software),
    languages: list(query.languages),
    billingModes: list(query.billingModes),
    availabilitySlots: list(query.slots),
    maxHourlyRateCents: query.maxRateCents ?? undefined,
    availableBy: query.availableOn ? dayToEpoch(query.availableOn) : undefined,
    verified: query.verified || undefined,
    kind: query.kind ? kindParams[query.kind] : undefined,
    remote: query.remote || undefined,
    reach,
  };
  // Engines get only the filters in use.
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as SecretaryFilters;
}

/** The engine request for a query, once the address is resolved (or set aside). */
export function toEngineRequest(query: SecretarySearchQuery, place: ResolvedPlace | null): SecretarySearch {
  const sort = query.sort === "distance" && !place ? "pertinence" : query.sort;
  return {
    index: "secretaries",
    text: query.q,
    page: query.page,
    perPage: SECRETARY_SEARCH_PAGE_SIZE,
    sort: sortParams[sort],
    facets,
    filters: filtersOf(query, place?.point),
    ...(place ? { origin: place.point } : {}),
  };
}

function toCard(hit: SearchHit<"secretaries">, now: number, withDistance: boolean): SecretarySearchCard {
  return {
    slug: hit.slug,
    displayName: hit.displayName,
    initials: initialsOf(hit.displayName),
    headline: hit.headline,
    skills: hit.skills.filter((code): code is Skill => Object.hasOwn(skillLabels, code)),
    hourlyRateCents: hit.hourlyRateCents,
    remote: hit.remote,
    onSite: hit.onSite,
    baseCommune: hit.onSite ? hit.baseCommune : null,
    radiusKm: hit.onSite ? hit.radiusKm : null,
    distanceKm: withDistance && hit._distanceKm !== undefined ? hit._distanceKm : null,
    ratingAverage: hit.ratingAverage,
    ratingCount: hit.ratingCount,
    availableFrom: hit.availableFrom > now ? hit.availableFrom : null,
    availabilityDays: [...new Set(hit.availabilitySlots.map((slot) => Number(slot.split("-")[0])))],
    verified: hit.verified,
    agencyName: hit.agencyName,
  };
}

const emptyResponse = (request: SecretarySearch): SearchResponse<"secretaries"> => ({
  hits: [],
  total: 0,
  page: request.page,
  perPage: request.perPage,
  totalPages: 0,
  facets: {},
  rateStats: null,
});

async function runSearch(request: SecretarySearch) {
  try {
    const engine = await getSearchEngine();
    return { response: await engine.search<"secretaries">(request), unavailable: false };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return { response: emptyResponse(request), unavailable: true };
  }
}

export async function searchSecretaries(query: SecretarySearchQuery): Promise<SecretarySearchResult> {
  const notices: string[] = [];
  let place: ResolvedPlace | null = null;
  if (query.adresse) {
    const resolved = resolveSearchPlace(query.adresse);
    if ("place" in resolved) place = resolved.place;
    else notices.push(resolved.notice);
  }
  const request = toEngineRequest(query, place);
  if (query.sort === "distance" && !place) {
    notices.push("Le tri par distance demande une adresse : les résultats sont triés par pertinence.");
  }
  const { response, unavailable } = await runSearch(request);
  const stillPublished = await findStillPublishedProfileIds(response.hits.map((hit) => hit.id));
  const now = Date.now();
  return {
    cards: response.hits.filter((hit) => stillPublished.has(hit.id)).map((hit) => toCard(hit, now, !!place)),
    total: response.total,
    page: response.page,
    perPage: response.perPage,
    totalPages: response.totalPages,
    facets: response.facets,
    rateStats: response.rateStats ?? null,
    place: place ? { label: place.label } : null,
    sort: request.sort === "relevance" ? "pertinence" : query.sort,
    notices,
    unavailable,
  };
}
