import { describe, expect, it } from "vitest";
import { splitFee } from "#app/domain/contracts/contract-terms";
import {
  formatMinutes,
  parseDuration,
  taskAmountCents,
  timeAmountCents,
} from "#app/domain/work/work-amounts";
import {
  autoApprovalAt,
  formatMonth,
  mondayOf,
  nextMonth,
  parisMonthInstants,
  parisMonthOf,
  storedDay,
} from "#app/domain/work/work-dates";
import { dailyLimitProblem, workDayProblem, workMessages } from "#app/domain/work/work-rules";

describe("time amounts", () => {
  it.each([
    [60, 3000, 3000],
    [90, 3000, 4500],
    [1, 3000, 50],
    [1, 3333, 56], // 55.55 → 56
    [1, 3330, 56], // 55.5 exactly → half up
    [1, 3329, 55], // 55.48 → 55
    [7, 2550, 298], // 297.5 → 298
    [1440, 20000, 480000],
  ])("%i min at %i c/h = %i c", (minutes, rate, cents) => {
    expect(timeAmountCents(minutes, rate)).toBe(cents);
  });

  it("task amounts are quantity × unit price", () => {
    expect(taskAmountCents(120, 150)).toBe(18000);
    expect(taskAmountCents(10_000, 9999)).toBe(99_990_000);
  });
});

describe("durations", () => {
  it.each([
    ["1:30", 90],
    ["01:05", 65],
    ["2h", 120],
    ["1 h 30", 90],
    ["1h30", 90],
    ["45", 45],
  ])("%s → %i minutes", (text, minutes) => expect(parseDuration(text)).toBe(minutes));

  it.each(["", "abc", "1:75", "-30", "1,5"])("%s is not a duration", (text) =>
    expect(parseDuration(text)).toBeNull(),
  );

  it("writes durations the French way", () => {
    expect(formatMinutes(90)).toBe("1 h 30");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(65)).toBe("1 h 05");
  });
});

describe("fee split", () => {
  it.each([0, 1, 5, 49, 50, 55, 12345, 99_999])("fee + payee = amount for %i cents", (cents) => {
    for (const bps of [0, 1000, 1250, 333]) {
      const { feeCents, payeeCents } = splitFee(cents, bps);
      expect(feeCents + payeeCents).toBe(cents);
    }
  });
});

describe("Paris days and months", () => {
  it("reads real calendar days only", () => {
    expect(storedDay("2026-11-30")?.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(storedDay("2026-02-30")).toBeNull();
    expect(storedDay("30/11/2026")).toBeNull();
  });

  it("puts an instant in its Paris month", () => {
    expect(parisMonthOf(new Date("2026-11-30T23:30:00Z"))).toBe("2026-12"); // 1 Dec 00:30 Paris
    expect(parisMonthOf(new Date("2026-11-30T22:59:59Z"))).toBe("2026-11");
    expect(parisMonthOf(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07"); // summer: UTC+2
  });

  it("gives the month's instants in Paris", () => {
    const { from, until } = parisMonthInstants("2026-11");
    expect(from.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(until.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(formatMonth("2026-02")).toBe("février 2026");
  });

  it("finds the Monday of a week", () => {
    expect(mondayOf("2026-11-29")).toBe("2026-11-23"); // a Sunday
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(mondayOf("2026-12-02")).toBe("2026-11-30");
  });

  it("auto-approves whole days after submission", () => {
    expect(autoApprovalAt(new Date("2026-12-05T10:00:00Z"), 7).toISOString()).toBe(
      "2026-12-12T10:00:00.000Z",
    );
  });
});

describe("rules", () => {
  const facts = { today: "2026-11-29", contractStart: "2026-11-02", contractEnd: "2026-11-30" };
  it("refuses the future and days outside the contract", () => {
    expect(workDayProblem({ ...facts, day: "2026-11-29" })).toBeNull();
    expect(workDayProblem({ ...facts, day: "2026-11-30" })).toBe(workMessages.future);
    expect(workDayProblem({ ...facts, day: "2026-11-01" })).toMatch(/commence le 2 novembre 2026/);
    expect(workDayProblem({ ...facts, today: "2026-12-10", day: "2026-12-01" })).toMatch(
      /terminé le 30 novembre 2026/,
    );
  });

  it("keeps a day at 24 hours", () => {
    expect(dailyLimitProblem(1380, 60)).toBeNull();
    expect(dailyLimitProblem(1380, 61)).toMatch(/il reste 60 minutes/);
  });
});
