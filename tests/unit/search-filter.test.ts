import { describe, expect, it } from "vitest";
import {
  planMissionFilter,
  planSecretaryFilter,
  quote,
  toMeilisearchFilter,
  type FilterPlan,
} from "#search/filter";

/** Reads a Meilisearch double-quoted literal starting at `start` (backslash escapes the next char). */
function readQuoted(text: string, start: number): { value: string; end: number } {
  if (text[start] !== '"') throw new Error(`no literal at ${start}`);
  let value = "";
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\\") value += text[++i] ?? "";
    else if (char === '"') return { value, end: i + 1 };
    else value += char;
  }
  throw new Error("unterminated literal");
}

const tricky = [
  'a"b',
  "back\\slash",
  'x" OR verified = true OR skills = "y',
  'x\\" OR kind = \\"',
  "AND",
  "\\",
  '"',
  "é à ç",
];

describe("quote", () => {
  it("wraps in double quotes and escapes backslashes before quotes", () => {
    expect(quote("AGENDA")).toBe('"AGENDA"');
    expect(quote('a"b\\c AND d')).toBe('"a\\"b\\\\c AND d"');
    expect(quote("")).toBe('""');
  });

  it.each(tricky)("reads back exactly as one literal: %s", (value) => {
    const quoted = quote(value);
    expect(readQuoted(quoted, 0)).toEqual({ value, end: quoted.length });
  });
});

describe("toMeilisearchFilter", () => {
  it("compiles every condition of a secretary plan, one array entry per condition", () => {
    const plan = planSecretaryFilter({
      skills: ["AGENDA_MANAGEMENT", "MAIL"],
      sectors: ["LEGAL", "MEDICAL"],
      maxHourlyRateCents: 3000,
      availableBy: 0,
      verified: true,
      kind: "AGENCY",
      remote: false,
    });
    expect(toMeilisearchFilter("secretaries", plan)).toEqual([
      'skills = "AGENDA_MANAGEMENT" AND skills = "MAIL"',
      'sectors IN ["LEGAL", "MEDICAL"]',
      "hourlyRateCents <= 3000",
      "availableFrom <= 0",
      "verified = true",
      'kind = "AGENCY"',
      "remote = false",
    ]);
  });

  it("leaves out empty arrays and absent filters", () => {
    expect(planSecretaryFilter({ skills: [], sectors: [] })).toEqual([]);
    expect(toMeilisearchFilter("secretaries", [])).toEqual([]);
  });

  it("compiles mission ranges with both bounds and a fixed-radius geo filter in metres", () => {
    const plan = planMissionFilter({
      minBudgetCents: 1000,
      maxBudgetCents: 5000,
      startFrom: 10,
      near: { lat: 45.76, lng: 4.835, radiusKm: 12.5 },
      workModes: ["REMOTE"],
    });
    expect(toMeilisearchFilter("missions", plan)).toEqual([
      'workMode IN ["REMOTE"]',
      "budgetCents >= 1000 AND budgetCents <= 5000",
      "startDate >= 10",
      "_geoRadius(45.76, 4.835, 12500)",
    ]);
  });

  it("keeps a hostile value inside one literal", () => {
    for (const value of tricky) {
      const [filter] = toMeilisearchFilter("secretaries", [{ op: "all", attr: "skills", values: [value] }]);
      const prefix = "skills = ";
      expect(filter!.startsWith(prefix)).toBe(true);
      expect(readQuoted(filter!, prefix.length)).toEqual({ value, end: filter!.length });
      const [inList] = toMeilisearchFilter("secretaries", [
        { op: "any", attr: "sectors", values: [value, "B"] },
      ]);
      const first = readQuoted(inList!, "sectors IN [".length);
      expect(first.value).toBe(value);
      expect(inList!.slice(first.end)).toBe(', "B"]');
    }
  });

  it("refuses an attribute that is not filterable on that index", () => {
    const bad: FilterPlan[] = [
      [{ op: "eq", attr: "bio", value: "x" }],
      [{ op: "all", attr: "skills = 1 OR verified", values: ["x"] }],
      [{ op: "range", attr: "ratingScore", min: 1 }],
      [{ op: "any", attr: "budgetCents", values: ["1"] }],
    ];
    for (const plan of bad) expect(() => toMeilisearchFilter("secretaries", plan)).toThrow(/not filterable/);
    expect(() => toMeilisearchFilter("missions", [{ op: "eq", attr: "verified", value: true }])).toThrow(
      /not filterable/,
    );
  });

  it("refuses a non-finite number", () => {
    expect(() =>
      toMeilisearchFilter("secretaries", [{ op: "range", attr: "hourlyRateCents", max: Number.NaN }]),
    ).toThrow();
    expect(() =>
      toMeilisearchFilter("secretaries", [{ op: "eq", attr: "radiusKm", value: Infinity }]),
    ).toThrow();
  });

  it("expands on-site reach into one geo radius per radius value present", () => {
    const point = { lat: 45.19, lng: 5.725 };
    expect(toMeilisearchFilter("secretaries", [{ op: "reach", point }], [5, 20])).toEqual([
      "onSite = true AND ((radiusKm = 5 AND _geoRadius(45.19, 5.725, 5000)) OR (radiusKm = 20 AND _geoRadius(45.19, 5.725, 20000)))",
    ]);
  });

  it("turns reach into a filter matching nothing when no one has a radius", () => {
    expect(toMeilisearchFilter("secretaries", [{ op: "reach", point: { lat: 0, lng: 0 } }], [])).toEqual([
      "onSite = true AND radiusKm = -1",
    ]);
  });
});
