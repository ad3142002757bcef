// The /secretaires URL ⇄ a typed query. The URL holds the whole search so a result list can be
// shared; param names are French, taxonomy values are the stable codes. Client-safe: the page
// uses the same serializer for its links and for the as-you-type submissions.
//
// Invalid params never make a 500 and never hide the page: each bad param gets a French message,
// is ignored (unknown codes in a list are dropped, the known ones kept), and the loader answers
// 400 with the form and the results of the valid part of the query. A bad link stays usable.
import { z } from "zod";
import { PAGE_INVALID_MESSAGE, SKILL_FILTER_INVALID_MESSAGE } from "#app/domain/profiles/profiles.schema";
import {
  billingModeLabels,
  languageLabels,
  sectorLabels,
  skillLabels,
  softwareLabels,
  type BillingMode,
  type Language,
  type Sector,
  type Skill,
  type Software,
} from "#app/domain/profiles/taxonomy";
import { parseEurosToCents } from "#app/lib/money";
import { dayParts } from "#search/availability-slots";
import type { SecretarySort } from "#search/query";

export const SECRETARY_SEARCH_PAGE_SIZE = 20;
export const MAX_TEXT_LENGTH = 200;
export const MAX_ADDRESS_LENGTH = 120;
/** 1 000 €/h: anything above is a typo, not a budget. */
export const MAX_RATE_CENTS = 100_000;

/** URL value of each sort, in the order of the select. */
export const sortParams = {
  pertinence: "relevance",
  "tarif-croissant": "rate_asc",
  "tarif-decroissant": "rate_desc",
  note: "rating",
  distance: "distance",
  recentes: "newest",
} as const satisfies Record<string, SecretarySort>;
export type SortParam = keyof typeof sortParams;

export const kindParams = { independante: "INDEPENDENT", agence: "AGENCY" } as const;
export type KindParam = keyof typeof kindParams;

export const slotCodes = [1, 2, 3, 4, 5, 6, 7].flatMap((day) =>
  Object.keys(dayParts).map((part) => `${day}-${part}`),
);

/** What the page searches for, once read from the URL. */
export type SecretarySearchQuery = {
  q: string;
  /** As typed: "75011" or "75011 Paris"; resolved on the server. */
  adresse: string;
  skills: Skill[];
  sectors: Sector[];
  software: Software[];
  languages: Language[];
  billingModes: BillingMode[];
  maxRateCents: number | null;
  /** "YYYY-MM-DD": available on or before that day. */
  availableOn: string | null;
  slots: string[];
  verified: boolean;
  kind: KindParam | null;
  remote: boolean;
  sort: SortParam;
  page: number;
};

export const emptySecretarySearch: SecretarySearchQuery = {
  q: "",
  adresse: "",
  skills: [],
  sectors: [],
  software: [],
  languages: [],
  billingModes: [],
  maxRateCents: null,
  availableOn: null,
  slots: [],
  verified: false,
  kind: null,
  remote: false,
  sort: "pertinence",
  page: 1,
};

export const searchMessages = {
  page: PAGE_INVALID_MESSAGE,
  competences: SKILL_FILTER_INVALID_MESSAGE,
  secteurs: "Ce secteur d’activité n’existe pas.",
  logiciels: "Ce logiciel n’est pas dans notre liste.",
  langues: "Cette langue n’est pas dans notre liste.",
  facturation: "Ce mode de facturation n’existe pas.",
  creneaux: "Ce créneau n’existe pas (exemple : lundi matin).",
  tarifMax: "Le tarif maximum doit être un montant en euros entre 0 et 1 000, par exemple 35.",
  disponibleLe: "La date de disponibilité n’est pas valide.",
  verifiee: "Le filtre « profils vérifiés » n’est pas valide.",
  distance: "Le filtre « à distance » n’est pas valide.",
  type: "Le type de secrétaire doit être « indépendante » ou « agence ».",
  tri: "Ce tri n’existe pas.",
  q: `La recherche est trop longue : ${MAX_TEXT_LENGTH} caractères au plus. Elle a été raccourcie.`,
  adresse: `L’adresse est trop longue : ${MAX_ADDRESS_LENGTH} caractères au plus.`,
} as const;
export type SearchParamName = keyof typeof searchMessages;
export type SearchParamErrors = Partial<Record<SearchParamName, string>>;

export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 2000 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  });

const flag = z
  .enum(["oui", "on", "1", "true", "non", "off", "0", "false"])
  .transform((v) => ["oui", "on", "1", "true"].includes(v));

/** One zod schema per scalar param; each is read on its own so one bad param spoils nothing else. */
const scalars = {
  page: z.coerce.number().int().min(1).max(100_000),
  tarifMax: z
    .string()
    .transform((value) => parseEurosToCents(value))
    .pipe(z.number().int().min(0).max(MAX_RATE_CENTS)),
  disponibleLe: isoDay,
  verifiee: flag,
  distance: flag,
  type: z.enum(Object.keys(kindParams) as [KindParam, ...KindParam[]]),
  tri: z.enum(Object.keys(sortParams) as [SortParam, ...SortParam[]]),
};

type Reader = { errors: SearchParamErrors; params: URLSearchParams };

function readScalar<K extends keyof typeof scalars>(
  r: Reader,
  name: K,
): z.output<(typeof scalars)[K]> | undefined {
  const raw = r.params.get(name)?.trim();
  if (!raw) return undefined;
  const parsed = scalars[name].safeParse(raw);
  if (parsed.success) return parsed.data as z.output<(typeof scalars)[K]>;
  r.errors[name] = searchMessages[name];
  return undefined;
}

/** Known codes, deduplicated in URL order; an unknown one is dropped and reported. */
function readCodes<T extends string>(
  r: Reader,
  names: string[],
  allowed: readonly T[],
  error: SearchParamName,
): T[] {
  const codeSchema = z.enum(allowed as [T, ...T[]]);
  const values = names
    .flatMap((name) => r.params.getAll(name))
    .map((v) => v.trim())
    .filter(Boolean);
  const known = new Set<T>();
  for (const value of values) {
    const parsed = codeSchema.safeParse(value);
    if (parsed.success) known.add(parsed.data);
    else r.errors[error] = searchMessages[error];
  }
  return [...known];
}

const keysOf = <T extends string>(labels: Record<T, string>) => Object.keys(labels) as T[];

function readText(r: Reader, name: "q" | "adresse", max: number): string {
  const value = (r.params.get(name) ?? "").replace(/\s+/g, " ").trim();
  if (value.length <= max) return value;
  r.errors[name] = searchMessages[name];
  return name === "q" ? value.slice(0, max).trim() : "";
}

export function parseSecretarySearch(params: URLSearchParams): {
  query: SecretarySearchQuery;
  errors: SearchParamErrors;
} {
  const r: Reader = { errors: {}, params };
  const query: SecretarySearchQuery = {
    q: readText(r, "q", MAX_TEXT_LENGTH),
    adresse: readText(r, "adresse", MAX_ADDRESS_LENGTH),
    // "competence" (singular) is the older list's filter, still accepted in shared links.
    skills: readCodes(r, ["competences", "competence"], keysOf(skillLabels), "competences"),
    sectors: readCodes(r, ["secteurs"], keysOf(sectorLabels), "secteurs"),
    software: readCodes(r, ["logiciels"], keysOf(softwareLabels), "logiciels"),
    languages: readCodes(r, ["langues"], keysOf(languageLabels), "langues"),
    billingModes: readCodes(r, ["facturation"], keysOf(billingModeLabels), "facturation"),
    maxRateCents: readScalar(r, "tarifMax") ?? null,
    availableOn: readScalar(r, "disponibleLe") ?? null,
    slots: readCodes(r, ["creneaux"], slotCodes, "creneaux"),
    verified: readScalar(r, "verifiee") ?? false,
    kind: readScalar(r, "type") ?? null,
    remote: readScalar(r, "distance") ?? false,
    sort: readScalar(r, "tri") ?? "pertinence",
    page: readScalar(r, "page") ?? 1,
  };
  return { query, errors: r.errors };
}

/** "3500" → "35", "3550" → "35.5": what a number input shows and posts back. */
export function centsToEurosInput(cents: number): string {
  return String(cents / 100);
}

/** The canonical query string (no "?"), defaults left out, in a stable order. */
export function serializeSecretarySearch(query: SecretarySearchQuery): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.adresse) p.set("adresse", query.adresse);
  for (const v of query.skills) p.append("competences", v);
  for (const v of query.sectors) p.append("secteurs", v);
  for (const v of query.software) p.append("logiciels", v);
  for (const v of query.languages) p.append("langues", v);
  for (const v of query.billingModes) p.append("facturation", v);
  if (query.maxRateCents !== null) p.set("tarifMax", centsToEurosInput(query.maxRateCents));
  if (query.availableOn) p.set("disponibleLe", query.availableOn);
  for (const v of query.slots) p.append("creneaux", v);
  if (query.verified) p.set("verifiee", "oui");
  if (query.kind) p.set("type", query.kind);
  if (query.remote) p.set("distance", "oui");
  if (query.sort !== "pertinence") p.set("tri", query.sort);
  if (query.page > 1) p.set("page", String(query.page));
  return p.toString();
}

export function secretarySearchHref(
  query: SecretarySearchQuery,
  changes: Partial<SecretarySearchQuery> = {},
) {
  const search = serializeSecretarySearch({ ...query, ...changes });
  return search ? `/secretaires?${search}` : "/secretaires";
}

/** Epoch ms of UTC midnight, as the index stores days. */
export function dayToEpoch(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export type AddressInput =
  { ok: true; postcode: string; commune: string | null } | { ok: false; message: string };

export const ADDRESS_FORMAT_MESSAGE =
  "Indiquez un code postal à 5 chiffres, éventuellement suivi de la commune (par exemple « 75011 » ou « 75011 Paris ») : les résultats ci-dessous ne tiennent pas compte du déplacement sur place.";

/** "75011", "75 011 Paris", "Paris 75011" → postcode + optional commune. */
export function parseAddressInput(text: string): AddressInput {
  const match = /(?<!\d)(\d{2}) ?(\d{3})(?!\d)/.exec(text);
  if (!match) return { ok: false, message: ADDRESS_FORMAT_MESSAGE };
  const postcode = `${match[1]}${match[2]}`;
  const commune = (text.slice(0, match.index) + " " + text.slice(match.index + match[0].length))
    .replace(/[,;]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return { ok: true, postcode, commune: commune || null };
}
