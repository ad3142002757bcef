// Finding missions: the typed query from the URL → the place resolved offline (the same resolver
// as /secretaires) → one engine search → cards for the page.
import type { ScheduleType, WorkMode } from "#app/domain/missions/mission-columns";
import { skillLabels, type BillingMode, type Skill } from "#app/domain/profiles/taxonomy";
import { SearchUnavailableError } from "#search/engine";
import { getSearchEngine } from "#search/engine-factory";
import type { MissionFacet, MissionFilters, MissionSearch, SearchHit, SearchResponse } from "#search/query";
import { resolveSearchPlace, type ResolvedPlace } from "./discovery.server";
import {
  MISSION_SEARCH_PAGE_SIZE,
  missionSortParams,
  type MissionSearchQuery,
  type MissionSortParam,
} from "./mission-search.schema";
import { findStillListedMissionIds } from "./missions-discovery.repo.server";
import { dayToEpoch } from "./secretary-search.schema";

const facets: MissionFacet[] = ["skills", "billingMode", "scheduleType", "workMode"];

export type MissionSearchCard = {
  id: string;
  title: string;
  businessName: string;
  billingMode: BillingMode;
  budgetCents: number;
  scheduleType: ScheduleType;
  workMode: WorkMode;
  commune: string | null;
  /** Epoch ms. */
  startDate: number;
  skills: Skill[];
  distanceKm: number | null;
};

export type MissionSearchResult = {
  cards: MissionSearchCard[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  facets: Record<string, Record<string, number>>;
  /** The place the distance filter used, when it could be resolved. */
  place: { label: string } | null;
  /** The sort actually applied ("distance" falls back to the newest without a place). */
  sort: MissionSortParam;
  notices: string[];
  unavailable: boolean;
};

function filtersOf(query: MissionSearchQuery, place: ResolvedPlace | null): MissionFilters {
  const list = <T>(values: T[]) => (values.length > 0 ? values : undefined);
  const filters: MissionFilters = {
    skills: list(query.skills),
    billingModes: list(query.billingModes),
    scheduleTypes: list(query.scheduleTypes),
    workModes: list(query.workModes),
    minBudgetCents: query.minBudgetCents ?? undefined,
    maxBudgetCents: query.maxBudgetCents ?? undefined,
    startFrom: query.startFrom ? dayToEpoch(query.startFrom) : undefined,
    startBefore: query.startBefore ? dayToEpoch(query.startBefore) : undefined,
    near: place ? { ...place.point, radiusKm: query.rayonKm } : undefined,
  };
  // Engines get only the filters in use.
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as MissionFilters;
}

export function toMissionEngineRequest(
  query: MissionSearchQuery,
  place: ResolvedPlace | null,
): MissionSearch {
  const sort = query.sort === "distance" && !place ? "recentes" : query.sort;
  return {
    index: "missions",
    text: query.q,
    page: query.page,
    perPage: MISSION_SEARCH_PAGE_SIZE,
    sort: missionSortParams[sort],
    facets,
    filters: filtersOf(query, place),
    ...(place ? { origin: place.point } : {}),
  };
}

function toCard(hit: SearchHit<"missions">): MissionSearchCard {
  return {
    id: hit.id,
    title: hit.title,
    businessName: hit.businessName,
    billingMode: hit.billingMode,
    budgetCents: hit.budgetCents,
    scheduleType: hit.scheduleType,
    workMode: hit.workMode,
    commune: hit.commune,
    startDate: hit.startDate,
    skills: hit.skills.filter((code): code is Skill => Object.hasOwn(skillLabels, code)),
    distanceKm: hit._distanceKm ?? null,
  };
}

const emptyResponse = (request: MissionSearch): SearchResponse<"missions"> => ({
  hits: [],
  total: 0,
  page: request.page,
  perPage: request.perPage,
  totalPages: 0,
  facets: {},
});

async function runSearch(request: MissionSearch) {
  try {
    const engine = await getSearchEngine();
    return { response: await engine.search<"missions">(request), unavailable: false };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return { response: emptyResponse(request), unavailable: true };
  }
}

export async function searchMissions(query: MissionSearchQuery): Promise<MissionSearchResult> {
  const notices: string[] = [];
  let place: ResolvedPlace | null = null;
  if (query.codePostal) {
    const resolved = resolveSearchPlace(query.codePostal);
    if ("place" in resolved) place = resolved.place;
    // The secretary search's notices speak of on-site reach; here the place is a distance filter.
    else notices.push(resolved.notice.replace("du déplacement sur place", "de la distance"));
  }
  if (query.sort === "distance" && !place) {
    notices.push(
      "Le tri par distance demande un code postal : les missions sont triées des plus récentes aux plus anciennes.",
    );
  }
  const request = toMissionEngineRequest(query, place);
  const { response, unavailable } = await runSearch(request);
  const stillListed = await findStillListedMissionIds(response.hits.map((hit) => hit.id));
  return {
    cards: response.hits.filter((hit) => stillListed.has(hit.id)).map(toCard),
    total: response.total,
    page: response.page,
    perPage: response.perPage,
    totalPages: response.totalPages,
    facets: response.facets,
    place: place ? { label: place.label } : null,
    sort: request.sort === "newest" ? "recentes" : query.sort,
    notices,
    unavailable,
  };
}
