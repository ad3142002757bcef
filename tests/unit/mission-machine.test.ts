import { describe, expect, it } from "vitest";
import {
  checkMissionTransition,
  missionStatuses,
  missionStatusLabels,
  missionTransitions,
  type MissionActor,
  type MissionEvent,
  type MissionStatus,
} from "#app/domain/missions/mission-machine";

// The life cycle written out by hand (DESIGN.md §3 and the issue), independent of the table:
// a change in mission-machine.ts that is not also made here fails the test.
const allowed: [MissionEvent, MissionActor, MissionStatus, MissionStatus][] = [
  ["SUBMIT", "OWNER", "DRAFT", "PENDING_REVIEW"],
  ["APPROVE", "STAFF", "PENDING_REVIEW", "OPEN"],
  ["REQUEST_CHANGES", "STAFF", "PENDING_REVIEW", "DRAFT"],
  ["OPEN_FOR_OFFER", "SYSTEM", "DRAFT", "OPEN"],
  ["FILL", "SYSTEM", "OPEN", "FILLED"],
  ["REOPEN", "SYSTEM", "FILLED", "OPEN"],
  ["CLOSE", "OWNER", "OPEN", "CLOSED"],
  ["CANCEL", "OWNER", "DRAFT", "CANCELLED"],
  ["CANCEL", "OWNER", "PENDING_REVIEW", "CANCELLED"],
  ["CANCEL", "OWNER", "OPEN", "CANCELLED"],
  ["EXPIRE", "SYSTEM", "OPEN", "EXPIRED"],
];
const needsReason = new Set<MissionEvent>(["REQUEST_CHANGES"]);

const events = Object.keys(missionTransitions) as MissionEvent[];
const actors: MissionActor[] = ["OWNER", "STAFF", "SYSTEM"];
const cases = events.flatMap((event) =>
  missionStatuses.flatMap((from) => actors.map((actor) => [event, from, actor] as const)),
);

describe("mission transition table", () => {
  it("covers every event × status × actor (9 × 7 × 3)", () => {
    expect(events).toHaveLength(9);
    expect(cases).toHaveLength(189);
  });

  it.each(cases)("%s from %s by %s", (event, from, actor) => {
    const row = allowed.find(([e, a, f]) => e === event && a === actor && f === from);
    const result = checkMissionTransition(from, event, actor, "Merci de préciser les horaires.");
    if (row) {
      expect(result).toEqual({ ok: true, to: row[3] });
      return;
    }
    const rightActor = allowed.some(([e, a]) => e === event && a === actor);
    expect(result).toEqual({ ok: false, reason: rightActor ? "WRONG_STATE" : "WRONG_ACTOR" });
  });

  it.each(allowed.filter(([event]) => needsReason.has(event)))(
    "%s by %s requires a reason",
    (event, actor, from) => {
      expect(checkMissionTransition(from, event, actor, "  ")).toEqual({
        ok: false,
        reason: "REASON_REQUIRED",
      });
      expect(checkMissionTransition(from, event, actor, null)).toEqual({
        ok: false,
        reason: "REASON_REQUIRED",
      });
    },
  );

  it.each(allowed.filter(([event]) => !needsReason.has(event)))(
    "%s by %s from %s needs no reason",
    (event, actor, from, to) => {
      expect(checkMissionTransition(from, event, actor)).toEqual({ ok: true, to });
    },
  );

  it("has a French label for every status and no way out of a final status", () => {
    for (const status of missionStatuses) expect(missionStatusLabels[status]).toMatch(/\S/);
    // FILLED is not final: a contract cancelled before it starts reopens the mission (REOPEN).
    const finals: MissionStatus[] = ["CLOSED", "CANCELLED", "EXPIRED"];
    for (const from of finals)
      for (const [event, actor] of cases.map(([e, , a]) => [e, a] as const))
        expect(checkMissionTransition(from, event, actor, "motif").ok).toBe(false);
  });
});
