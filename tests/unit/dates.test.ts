import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "#app/lib/dates";

describe("formatDate", () => {
  it("writes the day, the month in full and the year, in Paris time", () => {
    expect(formatDate(new Date("2026-11-26T13:05:00Z"))).toBe("26 novembre 2026");
  });

  it("writes the first of the month as 1er", () => {
    expect(formatDate(new Date("2026-03-01T12:00:00Z"))).toBe("1er mars 2026");
    expect(formatDate(new Date("2026-03-11T12:00:00Z"))).toBe("11 mars 2026");
  });

  it("uses the Paris date, not the UTC one", () => {
    // 23:30 UTC on 31 December is already New Year in Paris (UTC+1).
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("1er janvier 2027");
    // 22:30 UTC in July is 00:30 the next day in Paris (UTC+2).
    expect(formatDate(new Date("2026-07-14T22:30:00Z"))).toBe("15 juillet 2026");
  });

  it("accepts what JSON and the database give back", () => {
    expect(formatDate("2026-11-26T13:05:00.000Z")).toBe("26 novembre 2026");
    expect(formatDate(Date.UTC(2026, 10, 26, 13, 5))).toBe("26 novembre 2026");
  });

  it("throws on an invalid date rather than printing 'Invalid Date'", () => {
    expect(() => formatDate("not a date")).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("adds the Paris time on a 24-hour clock", () => {
    // 13:05 UTC is 14:05 in Paris in winter (UTC+1).
    expect(formatDateTime(new Date("2026-11-26T13:05:00Z"))).toBe("26 novembre 2026 à 14:05");
    // 12:05 UTC is 14:05 in Paris in summer (UTC+2).
    expect(formatDateTime(new Date("2026-06-26T12:05:00Z"))).toBe("26 juin 2026 à 14:05");
  });

  it("pads hours and shows midnight as 00", () => {
    expect(formatDateTime(new Date("2026-02-28T23:07:00Z"))).toBe("1er mars 2026 à 00:07");
    expect(formatDateTime(new Date("2026-02-28T08:00:00Z"))).toBe("28 février 2026 à 09:00");
  });

  it("follows the daylight-saving switch (29 March 2026, 02:00 → 03:00)", () => {
    expect(formatDateTime(new Date("2026-03-29T00:59:00Z"))).toBe("29 mars 2026 à 01:59");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"))).toBe("29 mars 2026 à 03:00");
  });
});
