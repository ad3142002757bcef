import { describe, expect, it } from "vitest";
import {
  checkProposalTransition,
  isLiveProposal,
  proposalOrigins,
  proposalStatuses,
  proposalStatusLabels,
  proposalTransitions,
  type ProposalActor,
  type ProposalEvent,
  type ProposalOrigin,
  type ProposalStatus,
} from "#app/domain/proposals/proposal-machine";

// The life cycle written out by hand (DESIGN.md §3, the issue and the brief), independent of the
// table: a change in proposal-machine.ts that is not also made here fails the test.
type Row = [ProposalOrigin, ProposalEvent, ProposalActor, ProposalStatus, ProposalStatus];
const allowed: Row[] = [
  ["BID", "SHORTLIST", "BUSINESS", "SUBMITTED", "SHORTLISTED"],
  ["BID", "ACCEPT", "BUSINESS", "SUBMITTED", "ACCEPTED"],
  ["BID", "ACCEPT", "BUSINESS", "SHORTLISTED", "ACCEPTED"],
  ["BID", "DECLINE", "BUSINESS", "SUBMITTED", "DECLINED"],
  ["BID", "DECLINE", "BUSINESS", "SHORTLISTED", "DECLINED"],
  ["BID", "WITHDRAW", "BIDDER", "SUBMITTED", "WITHDRAWN"],
  ["BID", "WITHDRAW", "BIDDER", "SHORTLISTED", "WITHDRAWN"],
  ["BID", "EXPIRE", "SYSTEM", "SUBMITTED", "EXPIRED"],
  ["BID", "EXPIRE", "SYSTEM", "SHORTLISTED", "EXPIRED"],
  ["OFFER", "ACCEPT", "BIDDER", "SUBMITTED", "ACCEPTED"],
  ["OFFER", "DECLINE", "BIDDER", "SUBMITTED", "DECLINED"],
  ["OFFER", "WITHDRAW", "BUSINESS", "SUBMITTED", "WITHDRAWN"],
  ["OFFER", "EXPIRE", "SYSTEM", "SUBMITTED", "EXPIRED"],
];
// Who the table names for each event, even where no state allows it (an offer is never shortlisted).
const actorOf: Record<ProposalOrigin, Record<ProposalEvent, ProposalActor>> = {
  BID: {
    SHORTLIST: "BUSINESS",
    ACCEPT: "BUSINESS",
    DECLINE: "BUSINESS",
    WITHDRAW: "BIDDER",
    EXPIRE: "SYSTEM",
  },
  OFFER: {
    SHORTLIST: "BUSINESS",
    ACCEPT: "BIDDER",
    DECLINE: "BIDDER",
    WITHDRAW: "BUSINESS",
    EXPIRE: "SYSTEM",
  },
};

const events: ProposalEvent[] = ["SHORTLIST", "ACCEPT", "DECLINE", "WITHDRAW", "EXPIRE"];
const actors: ProposalActor[] = ["BUSINESS", "BIDDER", "SYSTEM"];
const cases = proposalOrigins.flatMap((origin) =>
  events.flatMap((event) =>
    proposalStatuses.flatMap((from) => actors.map((actor) => [origin, event, from, actor] as const)),
  ),
);

describe("proposal transition table", () => {
  it("covers every origin × event × status × actor (2 × 5 × 6 × 3)", () => {
    for (const origin of proposalOrigins)
      expect(Object.keys(proposalTransitions[origin]).sort()).toEqual([...events].sort());
    expect(cases).toHaveLength(180);
  });

  it.each(cases)("%s: %s from %s by %s", (origin, event, from, actor) => {
    const row = allowed.find(([o, e, a, f]) => o === origin && e === event && a === actor && f === from);
    const result = checkProposalTransition(origin, from, event, actor);
    if (row) {
      expect(result).toEqual({ ok: true, to: row[4] });
      return;
    }
    const rightActor = actorOf[origin][event] === actor;
    expect(result).toEqual({ ok: false, reason: rightActor ? "WRONG_STATE" : "WRONG_ACTOR" });
  });

  it("has no way out of a final status and a French label for every status", () => {
    const finals: ProposalStatus[] = ["ACCEPTED", "DECLINED", "WITHDRAWN", "EXPIRED"];
    for (const [origin, event, from, actor] of cases)
      if (finals.includes(from)) expect(checkProposalTransition(origin, from, event, actor).ok).toBe(false);
    for (const status of proposalStatuses) expect(proposalStatusLabels[status]).toMatch(/\S/);
  });

  it("calls SUBMITTED and SHORTLISTED live, nothing else", () => {
    expect(proposalStatuses.filter(isLiveProposal)).toEqual(["SUBMITTED", "SHORTLISTED"]);
  });
});
