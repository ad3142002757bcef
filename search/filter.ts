// Filters are built from the typed query into a small plan (AND of conditions), then compiled for
// each engine. Attribute names come from a whitelist and every string value is quoted and escaped,
// so nothing a user types ever becomes filter syntax.
import type { GeoPoint, IndexName } from "./documents";
import type { MissionFilters, SecretaryFilters } from "./query";
import { filterableAttributes } from "./settings";

export type Condition =
  | { op: "all"; attr: string; values: string[] }
  | { op: "any"; attr: string; values: string[] }
  | { op: "eq"; attr: string; value: string | number | boolean }
  | { op: "range"; attr: string; min?: number; max?: number }
  /** On site, and her own radius covers the distance from her base to the point. */
  | { op: "reach"; point: GeoPoint }
  /** Within a fixed radius of the point. */
  | { op: "near"; point: GeoPoint; radiusKm: number };

export type FilterPlan = Condition[];

const nonEmpty = (values: string[] | undefined): values is string[] => !!values && values.length > 0;

export function planSecretaryFilter(f: SecretaryFilters): FilterPlan {
  const plan: FilterPlan = [];
  if (nonEmpty(f.skills)) plan.push({ op: "all", attr: "skills", values: f.skills });
  if (nonEmpty(f.sectors)) plan.push({ op: "any", attr: "sectors", values: f.sectors });
  if (nonEmpty(f.software)) plan.push({ op: "all", attr: "software", values: f.software });
  if (nonEmpty(f.languages)) plan.push({ op: "all", attr: "languages", values: f.languages });
  if (nonEmpty(f.billingModes)) plan.push({ op: "any", attr: "billingModes", values: f.billingModes });
  if (nonEmpty(f.availabilitySlots)) plan.push({ op: "all", attr: "availabilitySlots", values: f.availabilitySlots });
  if (f.maxHourlyRateCents !== undefined) plan.push({ op: "range", attr: "hourlyRateCents", max: f.maxHourlyRateCents });
  if (f.availableBy !== undefined) plan.push({ op: "range", attr: "availableFrom", max: f.availableBy });
  if (f.verified !== undefined) plan.push({ op: "eq", attr: "verified", value: f.verified });
  if (f.kind) plan.push({ op: "eq", attr: "kind", value: f.kind });
  if (f.remote !== undefined) plan.push({ op: "eq", attr: "remote", value: f.remote });
  if (f.reach) plan.push({ op: "reach", point: f.reach });
  return plan;
}

export function planMissionFilter(f: MissionFilters): FilterPlan {
  const plan: FilterPlan = [];
  if (nonEmpty(f.skills)) plan.push({ op: "all", attr: "skills", values: f.skills });
  if (nonEmpty(f.billingModes)) plan.push({ op: "any", attr: "billingMode", values: f.billingModes });
  if (nonEmpty(f.scheduleTypes)) plan.push({ op: "any", attr: "scheduleType", values: f.scheduleTypes });
  if (nonEmpty(f.workModes)) plan.push({ op: "any", attr: "workMode", values: f.workModes });
  if (f.minBudgetCents !== undefined || f.maxBudgetCents !== undefined) {
    plan.push({ op: "range", attr: "budgetCents", min: f.minBudgetCents, max: f.maxBudgetCents });
  }
  if (f.startFrom !== undefined || f.startBefore !== undefined) {
    plan.push({ op: "range", attr: "startDate", min: f.startFrom, max: f.startBefore });
  }
  if (f.near) plan.push({ op: "near", point: { lat: f.near.lat, lng: f.near.lng }, radiusKm: f.near.radiusKm });
  return plan;
}

/** Meilisearch string literal: double-quoted, with backslashes and quotes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function literal(value: string | number | boolean): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite filter value");
  return String(value);
}

function checkAttribute(index: IndexName, attr: string): string {
  if (!(filterableAttributes[index] as readonly string[]).includes(attr)) {
    throw new Error(`attribute ${attr} is not filterable on ${index}`);
  }
  return attr;
}

const geoRadius = (p: GeoPoint, km: number) => `_geoRadius(${p.lat}, ${p.lng}, ${Math.round(km * 1000)})`;

/**
 * Meilisearch filter (an array, which Meilisearch ANDs). Meilisearch has no "distance ≤ this
 * document's radius", so `reach` becomes one `_geoRadius` per radius value present in the index
 * (`reachRadii`, read from the radiusKm facet), each limited to the documents with that radius:
 * exact, and bounded by the number of distinct radii (1–200 km).
 */
export function toMeilisearchFilter(index: IndexName, plan: FilterPlan, reachRadii: number[] = []): string[] {
  return plan.map((c) => {
    switch (c.op) {
      case "all":
        return c.values.map((v) => `${checkAttribute(index, c.attr)} = ${quote(v)}`).join(" AND ");
      case "any":
        return `${checkAttribute(index, c.attr)} IN [${c.values.map(quote).join(", ")}]`;
      case "eq":
        return `${checkAttribute(index, c.attr)} = ${literal(c.value)}`;
      case "range": {
        const attr = checkAttribute(index, c.attr);
        const parts = [];
        if (c.min !== undefined) parts.push(`${attr} >= ${literal(c.min)}`);
        if (c.max !== undefined) parts.push(`${attr} <= ${literal(c.max)}`);
        return parts.join(" AND ");
      }
      case "near":
        return geoRadius(c.point, c.radiusKm);
      case "reach": {
        if (reachRadii.length === 0) return "onSite = true AND radiusKm = -1"; // no one works on site
        const options = reachRadii.map((r) => `(radiusKm = ${literal(r)} AND ${geoRadius(c.point, r)})`);
        return `onSite = true AND (${options.join(" OR ")})`;
      }
    }
  });
}
