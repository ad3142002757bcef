// The /missions URL ⇄ a typed query, built like the /secretaires one (secretary-search.schema.ts):
// French param names, stable taxonomy codes as values, and a bad param never makes a 500 — it
// gets a French message, is set aside, and the valid rest of the query still runs (status 400).
// Client-safe: the page uses the same serializer for its links and the as-you-type submissions.
import { z } from "zod";
import {
  scheduleTypeLabels,
  workModeLabels,
  type ScheduleType,
  type WorkMode,
} from "#app/domain/missions/mission-columns";
import { PAGE_INVALID_MESSAGE, SKILL_FILTER_INVALID_MESSAGE } from "#app/domain/profiles/profiles.schema";
import { billingModeLabels, skillLabels, type BillingMode, type Skill } from "#app/domain/profiles/taxonomy";
import { parseEurosToCents } from "#app/lib/money";
import type { MissionSort } from "#search/query";
import { centsToEurosInput, isoDay, MAX_ADDRESS_LENGTH, MAX_TEXT_LENGTH } from "./secretary-search.schema";

export const MISSION_SEARCH_PAGE_SIZE = 20;
/** 100 000 €: above, it is a typo, not a budget. */
export const MAX_BUDGET_CENTS = 10_000_000;
export const DEFAULT_RADIUS_KM = 30;
/** The engine's bound for a distance filter. */
export const MAX_RADIUS_KM = 500;

export const missionSortParams = {
  recentes: "newest",
  "date-debut": "start_date",
  "budget-decroissant": "budget_desc",
  "budget-croissant": "budget_asc",
  distance: "distance",
} as const satisfies Record<string, MissionSort>;
export type MissionSortParam = keyof typeof missionSortParams;

export type MissionSearchQuery = {
  q: string;
  /** As typed: "75011" or "69006 Lyon"; resolved on the server. */
  codePostal: string;
  rayonKm: number;
  skills: Skill[];
  billingModes: BillingMode[];
  minBudgetCents: number | null;
  maxBudgetCents: number | null;
  scheduleTypes: ScheduleType[];
  workModes: WorkMode[];
  /** "YYYY-MM-DD", both inclusive. */
  startFrom: string | null;
  startBefore: string | null;
  sort: MissionSortParam;
  page: number;
};

export const emptyMissionSearch: MissionSearchQuery = {
  q: "",
  codePostal: "",
  rayonKm: DEFAULT_RADIUS_KM,
  skills: [],
  billingModes: [],
  minBudgetCents: null,
  maxBudgetCents: null,
  scheduleTypes: [],
  workModes: [],
  startFrom: null,
  startBefore: null,
  sort: "recentes",
  page: 1,
};

export const missionSearchMessages = {
  q: `La recherche est trop longue : ${MAX_TEXT_LENGTH} caractères au plus. Elle a été raccourcie.`,
  codePostal: `Le lieu est trop long : ${MAX_ADDRESS_LENGTH} caractères au plus.`,
  rayon: `Le rayon doit être un nombre entier de kilomètres entre 1 et ${MAX_RADIUS_KM}.`,
  competences: SKILL_FILTER_INVALID_MESSAGE,
  facturation: "Ce mode de facturation n’existe pas.",
  budgetMin: "Le budget minimum doit être un montant en euros entre 0 et 100 000, par exemple 500.",
  budgetMax: "Le budget maximum doit être un montant en euros entre 0 et 100 000, par exemple 2000.",
  budgetOrdre: "Le budget minimum dépasse le budget maximum : le budget maximum a été ignoré.",
  planning: "Ce type de mission n’existe pas (ponctuelle, récurrente ou remplacement).",
  mode: "Ce mode de travail n’existe pas (à distance, sur place ou hybride).",
  debutDes: "La date « début à partir du » n’est pas valide.",
  debutAvant: "La date « début avant le » n’est pas valide.",
  debutOrdre:
    "La date « début à partir du » est après la date « début avant le » : cette dernière a été ignorée.",
  tri: "Ce tri n’existe pas.",
  page: PAGE_INVALID_MESSAGE,
} as const;
export type MissionSearchParamName = keyof typeof missionSearchMessages;
export type MissionSearchErrors = Partial<Record<MissionSearchParamName, string>>;

const euros = z
  .string()
  .transform((value) => parseEurosToCents(value))
  .pipe(z.number().int().min(0).max(MAX_BUDGET_CENTS));

const scalars = {
  page: z.coerce.number().int().min(1).max(100_000),
  rayon: z.coerce.number().int().min(1).max(MAX_RADIUS_KM),
  budgetMin: euros,
  budgetMax: euros,
  debutDes: isoDay,
  debutAvant: isoDay,
  tri: z.enum(Object.keys(missionSortParams) as [MissionSortParam, ...MissionSortParam[]]),
};

type Reader = { errors: MissionSearchErrors; params: URLSearchParams };

function readScalar<K extends keyof typeof scalars>(
  r: Reader,
  name: K,
): z.output<(typeof scalars)[K]> | undefined {
  const raw = r.params.get(name)?.trim();
  if (!raw) return undefined;
  const parsed = scalars[name].safeParse(raw);
  if (parsed.success) return parsed.data as z.output<(typeof scalars)[K]>;
  r.errors[name] = missionSearchMessages[name];
  return undefined;
}

/** Known codes, deduplicated in URL order; an unknown one is dropped and reported. */
function readCodes<T extends string>(
  r: Reader,
  name: MissionSearchParamName,
  labels: Record<T, string>,
): T[] {
  const known = new Set<T>();
  for (const value of r.params
    .getAll(name)
    .map((v) => v.trim())
    .filter(Boolean)) {
    if (Object.hasOwn(labels, value)) known.add(value as T);
    else r.errors[name] = missionSearchMessages[name];
  }
  return [...known];
}

function readText(r: Reader, name: "q" | "codePostal", max: number): string {
  const value = (r.params.get(name) ?? "").replace(/\s+/g, " ").trim();
  if (value.length <= max) return value;
  r.errors[name] = missionSearchMessages[name];
  return name === "q" ? value.slice(0, max).trim() : "";
}

/** A range given upside down keeps its lower bound: the person most likely mistyped the other. */
function ordered<T extends number | string>(
  r: Reader,
  min: T | null,
  max: T | null,
  error: MissionSearchParamName,
) {
  if (min === null || max === null || min <= max) return max;
  r.errors[error] = missionSearchMessages[error];
  return null;
}

export function parseMissionSearch(params: URLSearchParams): {
  query: MissionSearchQuery;
  errors: MissionSearchErrors;
} {
  const r: Reader = { errors: {}, params };
  const minBudgetCents = readScalar(r, "budgetMin") ?? null;
  const startFrom = readScalar(r, "debutDes") ?? null;
  const query: MissionSearchQuery = {
    q: readText(r, "q", MAX_TEXT_LENGTH),
    codePostal: readText(r, "codePostal", MAX_ADDRESS_LENGTH),
    rayonKm: readScalar(r, "rayon") ?? DEFAULT_RADIUS_KM,
    skills: readCodes(r, "competences", skillLabels),
    billingModes: readCodes(r, "facturation", billingModeLabels),
    minBudgetCents,
    maxBudgetCents: ordered(r, minBudgetCents, readScalar(r, "budgetMax") ?? null, "budgetOrdre"),
    scheduleTypes: readCodes(r, "planning", scheduleTypeLabels),
    workModes: readCodes(r, "mode", workModeLabels),
    startFrom,
    startBefore: ordered(r, startFrom, readScalar(r, "debutAvant") ?? null, "debutOrdre"),
    sort: readScalar(r, "tri") ?? "recentes",
    page: readScalar(r, "page") ?? 1,
  };
  return { query, errors: r.errors };
}

/** The canonical query string (no "?"), defaults left out, in a stable order. */
export function serializeMissionSearch(query: MissionSearchQuery): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.codePostal) p.set("codePostal", query.codePostal);
  // The radius only means something with a place.
  if (query.codePostal && query.rayonKm !== DEFAULT_RADIUS_KM) p.set("rayon", String(query.rayonKm));
  for (const v of query.skills) p.append("competences", v);
  for (const v of query.billingModes) p.append("facturation", v);
  if (query.minBudgetCents !== null) p.set("budgetMin", centsToEurosInput(query.minBudgetCents));
  if (query.maxBudgetCents !== null) p.set("budgetMax", centsToEurosInput(query.maxBudgetCents));
  for (const v of query.scheduleTypes) p.append("planning", v);
  for (const v of query.workModes) p.append("mode", v);
  if (query.startFrom) p.set("debutDes", query.startFrom);
  if (query.startBefore) p.set("debutAvant", query.startBefore);
  if (query.sort !== "recentes") p.set("tri", query.sort);
  if (query.page > 1) p.set("page", String(query.page));
  return p.toString();
}

export function missionSearchHref(query: MissionSearchQuery, changes: Partial<MissionSearchQuery> = {}) {
  const search = serializeMissionSearch({ ...query, ...changes });
  return search ? `/missions?${search}` : "/missions";
}
