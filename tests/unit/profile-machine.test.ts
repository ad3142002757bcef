import { describe, expect, it } from "vitest";
import {
  checkProfileTransition,
  isProfileStatus,
  profileStatuses,
  profileStatusLabels,
  profileTransitions,
  type ProfileActor,
  type ProfileEvent,
  type ProfileStatus,
} from "#app/domain/profiles/profile-machine";

const events = Object.keys(profileTransitions) as ProfileEvent[];
const actors: ProfileActor[] = ["OWNER", "STAFF"];

// The product rules written out by hand (DESIGN.md §3). The table in profile-machine.ts must say
// exactly this: every (status, event, actor) not listed here is refused.
const allowed: {
  event: ProfileEvent;
  from: ProfileStatus;
  to: ProfileStatus;
  actor: ProfileActor;
  reason: boolean;
}[] = [
  { event: "SUBMIT", from: "DRAFT", to: "PENDING_REVIEW", actor: "OWNER", reason: false },
  { event: "SUBMIT", from: "REJECTED", to: "PENDING_REVIEW", actor: "OWNER", reason: false },
  { event: "APPROVE", from: "PENDING_REVIEW", to: "PUBLISHED", actor: "STAFF", reason: false },
  { event: "REJECT", from: "PENDING_REVIEW", to: "REJECTED", actor: "STAFF", reason: true },
  { event: "SUSPEND", from: "PENDING_REVIEW", to: "SUSPENDED", actor: "STAFF", reason: true },
  { event: "SUSPEND", from: "PUBLISHED", to: "SUSPENDED", actor: "STAFF", reason: true },
  { event: "REINSTATE", from: "SUSPENDED", to: "PUBLISHED", actor: "STAFF", reason: true },
  { event: "UNPUBLISH", from: "PUBLISHED", to: "DRAFT", actor: "OWNER", reason: false },
  { event: "UNPUBLISH", from: "PENDING_REVIEW", to: "DRAFT", actor: "OWNER", reason: false },
];

const rule = (event: ProfileEvent, from: ProfileStatus) =>
  allowed.find((a) => a.event === event && a.from === from);
const actorOf = (event: ProfileEvent) => allowed.find((a) => a.event === event)!.actor;

const cases = events.flatMap((event) =>
  profileStatuses.flatMap((from) => actors.map((actor) => ({ event, from, actor }))),
);

describe("profile transition table", () => {
  it("covers every event × status × actor (6 × 5 × 2)", () => {
    expect(cases).toHaveLength(60);
    expect(new Set(allowed.map((a) => a.event))).toEqual(new Set(events));
  });

  it.each(cases)("$event from $from by $actor", ({ event, from, actor }) => {
    const expected = rule(event, from);
    const result = checkProfileTransition(from, event, actor, "motif de la décision");
    if (actor !== actorOf(event)) {
      expect(result).toEqual({ ok: false, reason: "WRONG_ACTOR" });
    } else if (!expected) {
      expect(result).toEqual({ ok: false, reason: "WRONG_STATE" });
    } else {
      expect(result).toEqual({ ok: true, to: expected.to });
    }
  });

  it("the table's own description matches the written rules", () => {
    for (const event of events) {
      const transition = profileTransitions[event];
      const rules = allowed.filter((a) => a.event === event);
      expect([...transition.from].sort()).toEqual(rules.map((r) => r.from).sort());
      expect(rules.every((r) => r.to === transition.to && r.actor === transition.actor)).toBe(true);
      expect(Boolean(transition.needsReason)).toBe(rules[0]!.reason);
    }
  });
});

describe("decision reasons", () => {
  const withReason = allowed.filter((a) => a.reason);
  const withoutReason = allowed.filter((a) => !a.reason);

  it.each(withReason.flatMap((a) => [undefined, null, "", "   \n "].map((reason) => ({ ...a, reason }))))(
    "$event from $from needs a reason (given $reason)",
    ({ event, from, actor, reason }) => {
      expect(checkProfileTransition(from, event, actor, reason)).toEqual({
        ok: false,
        reason: "REASON_REQUIRED",
      });
    },
  );

  it.each(withoutReason)("$event from $from needs no reason", ({ event, from, actor, to }) => {
    expect(checkProfileTransition(from, event, actor)).toEqual({ ok: true, to });
  });

  it("checks the actor and the state before the reason", () => {
    expect(checkProfileTransition("PENDING_REVIEW", "REJECT", "OWNER")).toEqual({
      ok: false,
      reason: "WRONG_ACTOR",
    });
    expect(checkProfileTransition("DRAFT", "REJECT", "STAFF")).toEqual({ ok: false, reason: "WRONG_STATE" });
  });
});

describe("statuses", () => {
  it("has a French label for every status", () => {
    expect(Object.keys(profileStatusLabels).sort()).toEqual([...profileStatuses].sort());
    expect(profileStatusLabels.PENDING_REVIEW).toBe("En attente de validation");
  });

  it("recognises only the known statuses", () => {
    for (const status of profileStatuses) expect(isProfileStatus(status)).toBe(true);
    expect(isProfileStatus("ARCHIVED")).toBe(false);
    expect(isProfileStatus("draft")).toBe(false);
  });
});
