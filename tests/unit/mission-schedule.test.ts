import { formatHour } from "#app/lib/dates";
import { describe, expect, it } from "vitest";
import { missionCalendar } from "#app/domain/missions/mission-calendar";
import { budgetSummary, scheduleSummary } from "#app/domain/missions/mission-labels";
import {
  buildWeeklyRule,
  describeWeekly,
  hasOccurrence,
  nextSessions,
  occurrenceDays,
  parisInstant,
  parisToday,
} from "#app/domain/missions/schedule";

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("weekly rule", () => {
  it("builds FREQ=WEEKLY with the days in week order and a floating UNTIL", () => {
    expect(buildWeeklyRule({ weekdays: ["TH", "MO"] })).toBe("FREQ=WEEKLY;BYDAY=MO,TH");
    expect(buildWeeklyRule({ weekdays: ["MO"], endDate: "2027-03-30" })).toBe(
      "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270330T235959Z",
    );
  });

  it("lists the days from the start, and includes the last day", () => {
    const rule = buildWeeklyRule({ weekdays: ["MO", "TH"], endDate: "2027-01-14" });
    expect(occurrenceDays(rule, "2027-01-05", "2027-01-01", 10)).toEqual([
      "2027-01-07",
      "2027-01-11",
      "2027-01-14",
    ]);
  });

  it("detects a rule with no occurrence", () => {
    expect(hasOccurrence(buildWeeklyRule({ weekdays: ["MO"], endDate: "2027-01-06" }), "2027-01-05")).toBe(
      false,
    );
    expect(hasOccurrence(buildWeeklyRule({ weekdays: ["WE"], endDate: "2027-01-06" }), "2027-01-05")).toBe(
      true,
    );
  });

  it("stops an open-ended rule at the limit", () => {
    expect(occurrenceDays("FREQ=WEEKLY;BYDAY=MO", "2027-01-04", "2027-01-04", 3)).toEqual([
      "2027-01-04",
      "2027-01-11",
      "2027-01-18",
    ]);
  });
});

describe("Paris time", () => {
  it("converts wall time with the offset of that day (winter +1, summer +2)", () => {
    expect(parisInstant("2027-01-05", "09:00").toISOString()).toBe("2027-01-05T08:00:00.000Z");
    expect(parisInstant("2027-07-05", "09:00").toISOString()).toBe("2027-07-05T07:00:00.000Z");
  });

  it("gives today's Paris day even when UTC is still yesterday", () => {
    expect(parisToday(new Date("2026-11-26T23:30:00Z"))).toBe("2026-11-27");
  });

  it("keeps 9 h across the March DST change in the next sessions", () => {
    const sessions = nextSessions(
      {
        rrule: "FREQ=WEEKLY;BYDAY=MO",
        startDate: "2027-03-22",
        timeWindows: [{ start: "09:00", end: "12:00" }],
      },
      new Date("2027-03-20T00:00:00Z"),
      2,
    );
    expect(sessions.map((s) => s.start.toISOString())).toEqual([
      "2027-03-22T08:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
    ]);
    expect(sessions[1]!.end.toISOString()).toBe("2027-03-29T10:00:00.000Z");
  });

  it("skips today's sessions already over and orders two windows a day", () => {
    const sessions = nextSessions(
      {
        rrule: "FREQ=WEEKLY;BYDAY=MO",
        startDate: "2027-01-04",
        timeWindows: [
          { start: "14:00", end: "17:30" },
          { start: "09:00", end: "12:00" },
        ],
      },
      new Date("2027-01-04T12:00:00Z"),
      3,
    );
    expect(sessions.map((s) => s.start.toISOString())).toEqual([
      "2027-01-04T13:00:00.000Z",
      "2027-01-11T08:00:00.000Z",
      "2027-01-11T13:00:00.000Z",
    ]);
  });
});

describe("French wording", () => {
  it("says the rhythm as a person would", () => {
    const windows = [{ start: "09:00", end: "12:00" }];
    expect(
      describeWeekly({ rrule: "FREQ=WEEKLY;BYDAY=MO,TH", startDate: "2027-01-05", timeWindows: windows }),
    ).toBe("tous les lundis et jeudis, 9 h – 12 h, à partir du 5 janvier 2027");
    expect(
      describeWeekly({
        rrule: "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270301T235959Z",
        startDate: "2027-01-01",
        endDate: "2027-03-01",
        timeWindows: [...windows, { start: "14:00", end: "17:30" }],
      }),
    ).toBe(
      "tous les lundis, mercredis et vendredis, 9 h – 12 h et 14 h – 17 h 30, du 1er janvier 2027 au 1er mars 2027",
    );
    expect(formatHour("08:05")).toBe("8 h 05");
  });

  it("describes one-off and replacement periods", () => {
    const base = { rrule: null, timeWindows: [] };
    expect(
      scheduleSummary({ ...base, scheduleType: "ONE_OFF", startDate: "2027-02-03", endDate: "2027-02-03" }),
    ).toBe("Mission ponctuelle le 3 février 2027");
    expect(
      scheduleSummary({
        ...base,
        scheduleType: "REPLACEMENT",
        startDate: "2027-02-03",
        endDate: "2027-03-01",
      }),
    ).toBe("Remplacement du 3 février 2027 au 1er mars 2027");
  });

  it("states the budget of each billing mode", () => {
    const none = {
      taskLines: [],
      maxHourlyRateCents: null,
      expectedHours: null,
      expectedHoursPer: null,
      fixedAmountCents: null,
    };
    expect(
      nbsp(
        budgetSummary({
          ...none,
          billingMode: "HOURLY",
          maxHourlyRateCents: 3500,
          expectedHours: 20,
          expectedHoursPer: "MONTH",
        }),
      ),
    ).toBe("35,00 €/h max, environ 20 h par mois");
    expect(nbsp(budgetSummary({ ...none, billingMode: "FIXED", fixedAmountCents: 120000 }))).toBe(
      "Forfait : 1 200,00 €",
    );
    expect(
      nbsp(
        budgetSummary({
          ...none,
          billingMode: "PER_TASK",
          taskLines: [{ task: "CALL_ANSWERED", unitPriceCents: 80, monthlyVolume: 300 }],
        }),
      ),
    ).toBe("À la tâche : environ 240,00 € par mois");
  });
});

/** Unfolds RFC 5545 continuation lines and returns the VEVENT blocks as key → value maps. */
function parseEvents(ics: string) {
  const lines = ics.replace(/\r\n[ \t]/g, "").split(/\r\n/);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

describe(".ics", () => {
  const base = {
    id: "m1",
    title: "Accueil téléphonique",
    organizationName: "Cabinet Test",
    url: "http://localhost/missions/m1",
    timeWindows: [],
  };

  it("expands a recurring mission into its next sessions in UTC, across DST", () => {
    const ics = missionCalendar(
      {
        ...base,
        scheduleType: "RECURRING",
        startDate: "2027-03-22",
        endDate: "2027-04-05",
        rrule: "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270405T235959Z",
        timeWindows: [{ start: "09:00", end: "12:00" }],
      },
      new Date("2027-03-01T00:00:00Z"),
    );
    const events = parseEvents(ics);
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.DTSTART)).toEqual([
      "20270322T080000Z",
      "20270329T070000Z",
      "20270405T070000Z",
    ]);
    expect(events[0]!.DTEND).toBe("20270322T110000Z");
    expect(new Set(events.map((e) => e.UID)).size).toBe(3);
  });

  it("caps an open-ended recurring mission at 50 sessions", () => {
    const ics = missionCalendar(
      {
        ...base,
        scheduleType: "RECURRING",
        startDate: "2027-01-04",
        endDate: null,
        rrule: "FREQ=WEEKLY;BYDAY=MO,TH",
        timeWindows: [{ start: "09:00", end: "12:00" }],
      },
      new Date("2027-01-01T00:00:00Z"),
    );
    expect(parseEvents(ics)).toHaveLength(50);
  });

  it("makes one all-day event for a one-off mission and for a replacement", () => {
    for (const scheduleType of ["ONE_OFF", "REPLACEMENT"]) {
      const events = parseEvents(
        missionCalendar({
          ...base,
          scheduleType,
          startDate: "2027-02-03",
          endDate: "2027-02-05",
          rrule: null,
        }),
      );
      expect(events).toHaveLength(1);
      expect(events[0]!["DTSTART;VALUE=DATE"]).toBe("20270203");
      expect(events[0]!["DTEND;VALUE=DATE"]).toBe("20270206");
      expect(events[0]!.SUMMARY).toBe("Accueil téléphonique");
    }
  });
});

describe("long-running rules", () => {
  it("still gives the next dates of a daily open-ended rule after more than a year", () => {
    const rule = buildWeeklyRule({ weekdays: ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] });
    expect(occurrenceDays(rule, "2027-01-04", "2028-06-01", 5)).toEqual([
      "2028-06-01",
      "2028-06-02",
      "2028-06-03",
      "2028-06-04",
      "2028-06-05",
    ]);
  });
});
