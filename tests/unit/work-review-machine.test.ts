import { describe, expect, it } from "vitest";
import {
  checkWorkTransition,
  isWorkStatus,
  workIsEditable,
  workStatuses,
  workStatusLabels,
  workTransitions,
  type WorkActor,
  type WorkEvent,
  type WorkStatus,
} from "#app/domain/work/work-review-machine";

// The review life cycle written out by hand from the issue and the brief, independent of the table:
// a change in work-review-machine.ts that is not also made here fails the test.
type Row = [WorkEvent, WorkActor, WorkStatus, WorkStatus];
const allowed: Row[] = [
  ["SUBMIT", "ASSIGNEE", "PLANNED", "SUBMITTED"],
  ["APPROVE", "BUSINESS", "SUBMITTED", "APPROVED"],
  ["APPROVE", "BUSINESS", "DISPUTED", "APPROVED"],
  ["AUTO_APPROVE", "SYSTEM", "SUBMITTED", "APPROVED"],
  ["DISPUTE", "BUSINESS", "SUBMITTED", "DISPUTED"],
  ["RESUBMIT", "ASSIGNEE", "DISPUTED", "SUBMITTED"],
];
const actorOf: Record<WorkEvent, WorkActor> = {
  SUBMIT: "ASSIGNEE",
  APPROVE: "BUSINESS",
  AUTO_APPROVE: "SYSTEM",
  DISPUTE: "BUSINESS",
  RESUBMIT: "ASSIGNEE",
};
const events = Object.keys(actorOf) as WorkEvent[];
const actors: WorkActor[] = ["ASSIGNEE", "BUSINESS", "SYSTEM"];
const cases = events.flatMap((event) =>
  workStatuses.flatMap((from) => actors.map((actor) => [event, from, actor] as const)),
);

describe("work review transition table", () => {
  it("covers every event × status × actor (5 × 4 × 3)", () => {
    expect(Object.keys(workTransitions).sort()).toEqual([...events].sort());
    expect(workStatuses).toEqual(["PLANNED", "SUBMITTED", "APPROVED", "DISPUTED"]);
    expect(cases).toHaveLength(60);
  });

  it.each(cases)("%s from %s by %s", (event, from, actor) => {
    const row = allowed.find(([e, a, f]) => e === event && a === actor && f === from);
    const result = checkWorkTransition(from, event, actor, "Le compte rendu ne correspond pas.");
    if (row) {
      expect(result).toEqual({ ok: true, to: row[3] });
      return;
    }
    // The actor is checked first: the wrong actor is told so whatever the state.
    expect(result).toEqual({ ok: false, reason: actorOf[event] === actor ? "WRONG_STATE" : "WRONG_ACTOR" });
  });

  it("APPROVED is final: nothing leaves it", () => {
    for (const event of events)
      for (const actor of actors)
        expect(checkWorkTransition("APPROVED", event, actor, "motif").ok).toBe(false);
  });
});

describe("reason rule", () => {
  it("a dispute needs a reason that is not blank", () => {
    expect(checkWorkTransition("SUBMITTED", "DISPUTE", "BUSINESS")).toEqual({
      ok: false,
      reason: "REASON_REQUIRED",
    });
    expect(checkWorkTransition("SUBMITTED", "DISPUTE", "BUSINESS", null)).toEqual({
      ok: false,
      reason: "REASON_REQUIRED",
    });
    expect(checkWorkTransition("SUBMITTED", "DISPUTE", "BUSINESS", "   ")).toEqual({
      ok: false,
      reason: "REASON_REQUIRED",
    });
    expect(checkWorkTransition("SUBMITTED", "DISPUTE", "BUSINESS", "Heures en double")).toEqual({
      ok: true,
      to: "DISPUTED",
    });
  });

  it.each(events.filter((e) => e !== "DISPUTE"))("%s needs no reason", (event) => {
    const row = allowed.find(([e]) => e === event)!;
    expect(checkWorkTransition(row[2], event, row[1])).toEqual({ ok: true, to: row[3] });
  });
});

describe("helpers", () => {
  it("only unapproved, submitted work is editable", () => {
    expect(workStatuses.filter(workIsEditable)).toEqual(["SUBMITTED", "DISPUTED"]);
  });

  it("knows its statuses and labels them in French", () => {
    expect(isWorkStatus("APPROVED")).toBe(true);
    expect(isWorkStatus("RELEASED")).toBe(false);
    expect(workStatusLabels).toEqual({
      PLANNED: "Prévu",
      SUBMITTED: "À valider",
      APPROVED: "Validé",
      DISPUTED: "Contesté",
    });
  });
});
