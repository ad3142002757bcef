import { describe, expect, it } from "vitest";
import {
  checkContractTransition,
  contractAcceptsWork,
  contractStatuses,
  contractStatusLabels,
  contractTransitions,
  isContractStatus,
  type ContractActor,
  type ContractEvent,
  type ContractStatus,
} from "#app/domain/contracts/contract-machine";

// The life cycle written out by hand (DESIGN.md §3, issue 4), independent of the table: a change in
// contract-machine.ts that is not also made here fails the test.
const allowed: [ContractEvent, ContractActor, ContractStatus, ContractStatus][] = [
  ["ACTIVATE", "SYSTEM", "PENDING", "ACTIVE"],
  ["PAUSE", "BUSINESS", "ACTIVE", "PAUSED"],
  ["PAUSE", "PROVIDER", "ACTIVE", "PAUSED"],
  ["RESUME", "BUSINESS", "PAUSED", "ACTIVE"],
  ["RESUME", "PROVIDER", "PAUSED", "ACTIVE"],
  ["COMPLETE", "BUSINESS", "ACTIVE", "COMPLETED"],
  ["COMPLETE", "BUSINESS", "PAUSED", "COMPLETED"],
  ["COMPLETE", "PROVIDER", "ACTIVE", "COMPLETED"],
  ["COMPLETE", "PROVIDER", "PAUSED", "COMPLETED"],
  ["CANCEL", "BUSINESS", "PENDING", "CANCELLED"],
  ["CANCEL", "PROVIDER", "PENDING", "CANCELLED"],
  ["CANCEL_BY_STAFF", "STAFF", "PENDING", "CANCELLED"],
  ["CANCEL_BY_STAFF", "STAFF", "ACTIVE", "CANCELLED"],
  ["CANCEL_BY_STAFF", "STAFF", "PAUSED", "CANCELLED"],
  ["DISPUTE", "BUSINESS", "ACTIVE", "DISPUTED"],
  ["DISPUTE", "BUSINESS", "PAUSED", "DISPUTED"],
  ["DISPUTE", "PROVIDER", "ACTIVE", "DISPUTED"],
  ["DISPUTE", "PROVIDER", "PAUSED", "DISPUTED"],
  ["DISPUTE", "SYSTEM", "ACTIVE", "DISPUTED"],
  ["DISPUTE", "SYSTEM", "PAUSED", "DISPUTED"],
  ["RESOLVE_RESUME", "STAFF", "DISPUTED", "ACTIVE"],
  ["RESOLVE_COMPLETE", "STAFF", "DISPUTED", "COMPLETED"],
  ["RESOLVE_CANCEL", "STAFF", "DISPUTED", "CANCELLED"],
];
const needsReason = new Set<ContractEvent>([
  "PAUSE",
  "CANCEL_BY_STAFF",
  "DISPUTE",
  "RESOLVE_RESUME",
  "RESOLVE_COMPLETE",
  "RESOLVE_CANCEL",
]);

const events = Object.keys(contractTransitions) as ContractEvent[];
const actors: ContractActor[] = ["BUSINESS", "PROVIDER", "STAFF", "SYSTEM"];
const cases = events.flatMap((event) =>
  contractStatuses.flatMap((from) => actors.map((actor) => [event, from, actor] as const)),
);

describe("contract transition table", () => {
  it("covers every event × status × actor (10 × 6 × 4)", () => {
    expect(events).toHaveLength(10);
    expect(contractStatuses).toHaveLength(6);
    expect(cases).toHaveLength(240);
  });

  it.each(cases)("%s from %s by %s", (event, from, actor) => {
    const row = allowed.find(([e, a, f]) => e === event && a === actor && f === from);
    const result = checkContractTransition(from, event, actor, "Absence prolongée du cabinet.");
    if (row) {
      expect(result).toEqual({ ok: true, to: row[3] });
      return;
    }
    const rightActor = allowed.some(([e, a]) => e === event && a === actor);
    expect(result).toEqual({ ok: false, reason: rightActor ? "WRONG_STATE" : "WRONG_ACTOR" });
  });

  it.each(allowed.filter(([event]) => needsReason.has(event)))(
    "%s by %s from %s requires a reason",
    (event, actor, from) => {
      for (const reason of [null, undefined, "", "   "]) {
        expect(checkContractTransition(from, event, actor, reason)).toEqual({
          ok: false,
          reason: "REASON_REQUIRED",
        });
      }
    },
  );

  it.each(allowed.filter(([event]) => !needsReason.has(event)))(
    "%s by %s from %s needs no reason",
    (event, actor, from, to) => {
      expect(checkContractTransition(from, event, actor, null)).toEqual({ ok: true, to });
    },
  );

  it("checks the actor before the state, and the state before the reason", () => {
    expect(checkContractTransition("COMPLETED", "PAUSE", "STAFF", null)).toEqual({
      ok: false,
      reason: "WRONG_ACTOR",
    });
    expect(checkContractTransition("COMPLETED", "PAUSE", "BUSINESS", null)).toEqual({
      ok: false,
      reason: "WRONG_STATE",
    });
  });

  it("ends in COMPLETED and CANCELLED: nothing leaves them", () => {
    for (const from of ["COMPLETED", "CANCELLED"] as const) {
      for (const event of events) {
        for (const actor of actors)
          expect(checkContractTransition(from, event, actor, "motif").ok).toBe(false);
      }
    }
  });

  it("has a French label for every status, accepts work only while ACTIVE", () => {
    expect(contractStatuses.map((s) => contractStatusLabels[s]).every((label) => label.length > 0)).toBe(
      true,
    );
    expect(contractStatuses.filter(contractAcceptsWork)).toEqual(["ACTIVE"]);
    expect(isContractStatus("ACTIVE")).toBe(true);
    expect(isContractStatus("")).toBe(false);
  });
});
