// Offline geocoding of French postcodes. The table is bundled with the server build (a JSON
// import, not a file read) so production never depends on files outside the build.
// No import attribute (`with { type: "json" }`): the Remix classic compiler's esbuild 0.17
// cannot parse it, and esbuild, Vite and tsx all load JSON without one.
import rawTable from "./postcodes.json";

export type Commune = {
  name: string;
  inseeCode: string;
  postcode: string;
  latitude: number;
  longitude: number;
};

/**
 * How a commune was found: by the postcode alone (single commune), by postcode then name, or —
 * for a real postcode the table lacks (it lists one postcode per commune, see README) — by name
 * among the communes of the same department. In that last case `commune.postcode` is the one
 * from the table, not the one typed; keep the typed one for the postal address.
 */
export type MatchedBy = "postcode" | "postcode-and-name" | "name-in-department";

/**
 * `candidates`: [] for UNKNOWN_POSTCODE; for AMBIGUOUS, the communes that fit equally well;
 * for COMMUNE_MISMATCH, every commune of the postcode, to offer as a correction.
 */
export type AddressResolution =
  | { ok: true; commune: Commune; matchedBy: MatchedBy }
  | {
      ok: false;
      reason: "UNKNOWN_POSTCODE" | "AMBIGUOUS" | "COMMUNE_MISMATCH";
      candidates: Commune[];
    };

type CommuneRow = readonly [name: string, inseeCode: string, latitude: number, longitude: number];

// TypeScript infers a loose (string | number)[][] from the JSON; the build script fixes the shape.
const table = rawTable as unknown as Readonly<Record<string, readonly CommuneRow[]>>;

const ABBREVIATIONS = new Map([
  ["st", "saint"],
  ["ste", "sainte"],
  ["sts", "saints"],
  ["stes", "saintes"],
]);

/** "Saint-Étienne", "ST ETIENNE CEDEX 2" and "saint etienne" all give "saint etienne". */
export function normalizeCommuneName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s*\bcedex(?: \d+)?$/, "")
    .split(" ")
    .map((word) => ABBREVIATIONS.get(word) ?? word)
    .join(" ");
}

/** "paris 11e arrondissement" → "paris": people write the city, not the arrondissement. */
function cityOf(normalizedName: string): string | null {
  return /^(.+) \d+(?:er|e) arrondissement$/.exec(normalizedName)?.[1] ?? null;
}

function toCommune(postcode: string, [name, inseeCode, latitude, longitude]: CommuneRow): Commune {
  return { name, inseeCode, postcode, latitude, longitude };
}

const byName = (a: Commune, b: Commune) => a.name.localeCompare(b.name, "fr");

/** Communes using this postcode, sorted by name; [] when the table does not know it. */
export function lookupPostcode(postcode: string): Commune[] {
  const key = postcode.replace(/\s+/g, "");
  // hasOwn: keys such as "constructor" must not reach Object.prototype.
  const rows = Object.hasOwn(table, key) ? table[key] : undefined;
  return (rows ?? []).map((row) => toCommune(key, row)).sort(byName);
}

/** Exact name matches win; otherwise a city name matches all of its arrondissements. */
function pickByName(communes: Commune[], wanted: string): Commune[] {
  const names = communes.map((commune) => normalizeCommuneName(commune.name));
  const exact = communes.filter((_, i) => names[i] === wanted);
  if (exact.length > 0) return exact;
  return communes.filter((_, i) => cityOf(names[i] ?? "") === wanted);
}

let communesByDepartment: Map<string, Commune[]> | null = null;

// Overseas postcodes share "97"/"98" across departments, so their prefix is 3 digits.
function departmentPrefix(postcode: string): string {
  return /^9[78]/.test(postcode) ? postcode.slice(0, 3) : postcode.slice(0, 2);
}

/** Built on first use only: most requests never need it. */
function communesInDepartment(prefix: string): Commune[] {
  if (!communesByDepartment) {
    communesByDepartment = new Map();
    const seen = new Set<string>();
    for (const [postcode, rows] of Object.entries(table)) {
      for (const row of rows) {
        if (seen.has(row[1])) continue; // a commune listed under two postcodes counts once
        seen.add(row[1]);
        const key = departmentPrefix(postcode);
        const list = communesByDepartment.get(key) ?? [];
        list.push(toCommune(postcode, row));
        communesByDepartment.set(key, list);
      }
    }
  }
  return communesByDepartment.get(prefix) ?? [];
}

function resolveInDepartment(postcode: string, wanted: string): AddressResolution {
  const matches = pickByName(communesInDepartment(departmentPrefix(postcode)), wanted);
  const [only] = matches;
  if (only && matches.length === 1) {
    return { ok: true, commune: only, matchedBy: "name-in-department" };
  }
  if (matches.length === 0) return { ok: false, reason: "UNKNOWN_POSTCODE", candidates: [] };
  return { ok: false, reason: "AMBIGUOUS", candidates: matches.sort(byName) };
}

/**
 * One commune for a postal address. The commune name is compared without case, accents,
 * punctuation or "Cedex", and "St"/"Ste" stand for "Saint"/"Sainte".
 */
export function resolveAddress(input: { postcode: string; commune?: string | null }): AddressResolution {
  const postcode = input.postcode.replace(/\s+/g, "");
  const candidates = lookupPostcode(postcode);
  const wanted = normalizeCommuneName(input.commune ?? "");
  if (candidates.length === 0) {
    return wanted
      ? resolveInDepartment(postcode, wanted)
      : { ok: false, reason: "UNKNOWN_POSTCODE", candidates: [] };
  }
  const matches = wanted ? pickByName(candidates, wanted) : candidates;
  const [only] = matches;
  if (only && matches.length === 1) {
    return { ok: true, commune: only, matchedBy: wanted ? "postcode-and-name" : "postcode" };
  }
  if (matches.length === 0) return { ok: false, reason: "COMMUNE_MISMATCH", candidates };
  return { ok: false, reason: "AMBIGUOUS", candidates: matches };
}
