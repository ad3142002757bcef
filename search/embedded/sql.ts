// A fragment of SQL with its positional arguments, so pieces can be composed without ever putting a
// value into the SQL text.
import type { InValue } from "@libsql/client";

export type Sql = { text: string; args: InValue[] };

/** As the libSQL client takes it. */
export const statement = (s: Sql) => ({ sql: s.text, args: s.args });

export const sql = (text: string, ...args: InValue[]): Sql => ({ text, args });

export function join(parts: Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), args: parts.flatMap((p) => p.args) };
}

/** Concatenates fragments and plain strings in order. */
export function concat(...parts: (Sql | string)[]): Sql {
  const list = parts.map((p) => (typeof p === "string" ? sql(p) : p));
  return join(list, "");
}

export const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");

const EARTH_RADIUS_KM = 6371;

/** Haversine distance (km) from a fixed point to the row's lat/lng columns, as in app/domain/geo/distance.ts. */
export function haversine(alias: string, point: { lat: number; lng: number }): Sql {
  return sql(
    `(2 * ${EARTH_RADIUS_KM} * asin(min(1, sqrt(` +
      `power(sin(radians(${alias}.lat - ?) / 2), 2) + ` +
      `cos(radians(?)) * cos(radians(${alias}.lat)) * power(sin(radians(${alias}.lng - ?) / 2), 2)))))`,
    point.lat,
    point.lat,
    point.lng,
  );
}

/** Bounding box (degrees) of the disc of `km` around a point; generous near the poles. */
export function boxAround(point: { lat: number; lng: number }, km: number) {
  // A little wider than the disc: the exact haversine check follows, the box only has to contain it.
  const dLat = ((km / EARTH_RADIUS_KM) * 180) / Math.PI + 1e-6;
  const cos = Math.cos((Math.min(89.9, Math.abs(point.lat) + dLat) * Math.PI) / 180);
  const dLng = Math.min(180, dLat / Math.max(cos, 1e-6) + 1e-6);
  return {
    minLat: point.lat - dLat,
    maxLat: point.lat + dLat,
    minLng: point.lng - dLng,
    maxLng: point.lng + dLng,
  };
}
