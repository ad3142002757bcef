import { describe, expect, it } from "vitest";
import {
  assigneeMayLog,
  coversDay,
  whoWorksOn,
  type AssigneePeriodFacts,
} from "#app/domain/contracts/contract-assignees";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const primary: AssigneePeriodFacts = {
  id: "a-primary",
  userId: "u-claire",
  role: "PRIMARY",
  startsOn: null,
  endsOn: null,
  replacesId: null,
  cancelledAt: null,
};
const member: AssigneePeriodFacts = { ...primary, id: "a-member", userId: "u-lea", role: "MEMBER" };
const replacement: AssigneePeriodFacts = {
  id: "a-replacement",
  userId: "u-ines",
  role: "REPLACEMENT",
  startsOn: day("2027-02-01"),
  endsOn: day("2027-02-14"),
  replacesId: "a-primary",
  cancelledAt: null,
};
const team = [primary, member, replacement];

describe("assigneeMayLog", () => {
  it("lets the replacement log only inside her period, both ends included", () => {
    expect(assigneeMayLog(team, "a-replacement", day("2027-01-31"))).toBe(false);
    expect(assigneeMayLog(team, "a-replacement", day("2027-02-01"))).toBe(true);
    expect(assigneeMayLog(team, "a-replacement", day("2027-02-14"))).toBe(true);
    expect(assigneeMayLog(team, "a-replacement", day("2027-02-15"))).toBe(false);
  });

  it("stops the replaced assignee inside the period, not outside it", () => {
    expect(assigneeMayLog(team, "a-primary", day("2027-01-31"))).toBe(true);
    expect(assigneeMayLog(team, "a-primary", day("2027-02-01"))).toBe(false);
    expect(assigneeMayLog(team, "a-primary", day("2027-02-14"))).toBe(false);
    expect(assigneeMayLog(team, "a-primary", day("2027-02-15"))).toBe(true);
  });

  it("leaves the other members alone", () => {
    expect(assigneeMayLog(team, "a-member", day("2027-02-05"))).toBe(true);
  });

  it("ignores a cancelled replacement, and a cancelled assignee never logs", () => {
    const cancelled = { ...replacement, cancelledAt: new Date("2027-01-20T10:00:00Z") };
    expect(assigneeMayLog([primary, cancelled], "a-primary", day("2027-02-05"))).toBe(true);
    expect(assigneeMayLog([primary, cancelled], "a-replacement", day("2027-02-05"))).toBe(false);
    expect(assigneeMayLog([{ ...primary, cancelledAt: new Date() }], "a-primary", day("2027-01-05"))).toBe(
      false,
    );
  });

  it("refuses an unknown assignee, an unknown role and a replacement without a period", () => {
    expect(assigneeMayLog(team, "nobody", day("2027-02-05"))).toBe(false);
    expect(assigneeMayLog([{ ...primary, role: "OBSERVER" }], "a-primary", day("2027-02-05"))).toBe(false);
    expect(assigneeMayLog([{ ...replacement, endsOn: null }], "a-replacement", day("2027-02-05"))).toBe(
      false,
    );
  });

  it("compares calendar days, whatever the time of day on the Date", () => {
    expect(coversDay(replacement, new Date("2027-02-14T23:30:00Z"))).toBe(true);
    expect(coversDay(replacement, new Date("2027-01-31T23:59:00Z"))).toBe(false);
  });
});

describe("whoWorksOn", () => {
  it("lists who may log on a day", () => {
    expect(whoWorksOn(team, day("2027-01-20")).map((a) => a.id)).toEqual(["a-primary", "a-member"]);
    expect(whoWorksOn(team, day("2027-02-03")).map((a) => a.id)).toEqual(["a-member", "a-replacement"]);
  });
});
