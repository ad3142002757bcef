// The .ics download of a mission's sessions. Pure (the `ics` package only builds text).
//
// Recurring missions are EXPANDED into their next sessions (at most 50), one VEVENT each, in UTC.
// Why not one VEVENT with the RRULE: the `ics` package writes DTSTART in UTC or floating time, never
// with TZID=Europe/Paris, and a UTC DTSTART repeated weekly drifts by an hour at each DST change
// (9 h would become 10 h in summer). Expanded sessions are each converted with their own day's
// offset, so every calendar shows 9 h. The cost: an open-ended mission lists only its next 50
// sessions; downloading the file again later gives the following ones.
// One-off missions and replacements are one all-day event over their dates (DTEND exclusive).
import { createEvents, type DateArray, type EventAttributes } from "ics";
import { addDays, describeWeekly, nextSessions, type TimeWindow } from "./schedule";

export const ICS_SESSION_LIMIT = 50;

export type CalendarMission = {
  id: string;
  title: string;
  organizationName: string;
  scheduleType: string;
  startDate: string;
  endDate: string | null;
  rrule: string | null;
  timeWindows: TimeWindow[];
  url: string;
};

const dayArray = (isoDay: string): DateArray => {
  const [y, m, d] = isoDay.split("-").map(Number);
  return [y!, m!, d!];
};

const utcArray = (date: Date): DateArray => [
  date.getUTCFullYear(),
  date.getUTCMonth() + 1,
  date.getUTCDate(),
  date.getUTCHours(),
  date.getUTCMinutes(),
];

function baseEvent(mission: CalendarMission) {
  return {
    title: mission.title,
    description: `Mission Permanence pour ${mission.organizationName}.\n${mission.url}`,
    url: mission.url,
    productId: "permanence/missions",
    calName: mission.title,
  };
}

function allDayEvent(mission: CalendarMission): EventAttributes {
  const last = mission.endDate ?? mission.startDate;
  return {
    ...baseEvent(mission),
    uid: `mission-${mission.id}@permanence`,
    start: dayArray(mission.startDate),
    end: dayArray(addDays(last, 1)),
  };
}

function sessionEvents(mission: CalendarMission, now: Date): EventAttributes[] {
  if (!mission.rrule) return [];
  const sessions = nextSessions(
    { rrule: mission.rrule, startDate: mission.startDate, timeWindows: mission.timeWindows },
    now,
    ICS_SESSION_LIMIT,
  );
  const rhythm = describeWeekly({ ...mission, rrule: mission.rrule });
  return sessions.map((session) => ({
    ...baseEvent(mission),
    description: `${baseEvent(mission).description}\nRythme : ${rhythm}.`,
    uid: `mission-${mission.id}-${session.start.getTime()}@permanence`,
    start: utcArray(session.start),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcArray(session.end),
    endInputType: "utc",
    endOutputType: "utc",
  }));
}

/** The calendar file's text; throws if the `ics` package refuses the events (a bug, not input). */
export function missionCalendar(mission: CalendarMission, now: Date = new Date()): string {
  const events = mission.scheduleType === "RECURRING" ? sessionEvents(mission, now) : [allDayEvent(mission)];
  if (events.length === 0) {
    // A finished recurring mission: an empty but valid calendar.
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:permanence/missions", "END:VCALENDAR", ""].join("\r\n");
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return value;
}
