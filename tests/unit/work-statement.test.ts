import { describe, expect, it } from "vitest";
import { statementOf, type StatementEntry, type StatementMilestone } from "#app/domain/work/statement";

const claire = { userId: "u-claire", displayName: "Claire Morel", role: "PRIMARY" };
const lea = { userId: "u-lea", displayName: "Léa Roux", role: "REPLACEMENT" };
const contract = { id: "c1", billingMode: "HOURLY", platformFeeBps: 1000 };

let n = 0;
function entry(day: string, amountCents: number, over: Partial<StatementEntry> = {}): StatementEntry {
  n += 1;
  return {
    id: `e${String(n).padStart(3, "0")}`,
    kind: "TIME",
    workDate: new Date(`${day}T00:00:00Z`),
    minutes: 60,
    taskType: null,
    quantity: null,
    unitPriceCents: 3000,
    amountCents,
    description: "Standard téléphonique",
    status: "APPROVED",
    autoApproved: false,
    person: claire,
    ...over,
  };
}
function milestone(reviewedAt: string | null, over: Partial<StatementMilestone> = {}): StatementMilestone {
  return {
    id: `m-${reviewedAt}`,
    title: "Saisie du trimestre",
    amountCents: 60000,
    status: "APPROVED",
    submittedAt: new Date("2026-11-20T09:00:00Z"),
    reviewedAt: reviewedAt ? new Date(reviewedAt) : null,
    autoApproved: false,
    person: claire,
    ...over,
  };
}

describe("statementOf", () => {
  it("an entry of 30 November is November's, one of 1 December is not", () => {
    const s = statementOf(
      contract,
      [entry("2026-11-30", 3000), entry("2026-12-01", 9900), entry("2026-10-31", 7700)],
      [],
      "2026-11",
    );
    expect(s.payees).toHaveLength(1);
    expect(s.payees[0]!.lines.map((l) => l.date)).toEqual(["2026-11-30"]);
    expect(s.totals.amountCents).toBe(3000);
  });

  it("a milestone approved on 1 December 00:30 in Paris is December's", () => {
    const late = milestone("2026-11-30T23:30:00Z");
    const early = milestone("2026-11-30T22:30:00Z", { id: "m-early" });
    expect(
      statementOf(contract, [], [late, early], "2026-12").payees[0]!.lines.map((l) => l.sourceId),
    ).toEqual([late.id]);
    const november = statementOf(contract, [], [late, early], "2026-11");
    expect(november.payees[0]!.lines).toMatchObject([
      { sourceId: "m-early", date: "2026-11-30", kind: "MILESTONE", amountCents: 60000 },
    ]);
  });

  it("splits per person: each gets exactly her approved work, fee rounded half up, columns add up", () => {
    const s = statementOf(
      { ...contract, platformFeeBps: 1250 },
      [
        entry("2026-11-03", 4545),
        entry("2026-11-04", 1001),
        entry("2026-11-20", 3333, { person: lea }),
        entry("2026-11-21", 5, { person: lea }),
        entry("2026-11-22", 9999, { person: lea, status: "SUBMITTED" }),
        entry("2026-11-23", 700, { status: "DISPUTED" }),
      ],
      [],
      "2026-11",
    );
    const [first, second] = s.payees;
    expect(first).toMatchObject({
      userId: "u-claire",
      subtotalCents: 5546,
      feeCents: 693,
      netCents: 4853,
      roles: ["PRIMARY"],
    });
    expect(second).toMatchObject({
      userId: "u-lea",
      subtotalCents: 3338,
      feeCents: 417,
      netCents: 2921,
      roles: ["REPLACEMENT"],
    });
    expect(s.totals).toEqual({ amountCents: 8884, feeCents: 1110, netCents: 7774, lineCount: 4 });
    expect(s.totals.feeCents + s.totals.netCents).toBe(s.totals.amountCents);
    expect(s.pending).toEqual({ count: 1, amountCents: 9999 });
    expect(s.disputed).toEqual({ count: 1, amountCents: 700 });
  });

  it("half a cent of fee goes to the platform", () => {
    const s = statementOf(contract, [entry("2026-11-03", 5)], [], "2026-11"); // 10 % of 5 c = 0.5 c
    expect(s.payees[0]).toMatchObject({ feeCents: 1, netCents: 4 });
  });

  it("describes each line: time in minutes at the hourly rate, tasks by type and quantity", () => {
    const task = entry("2026-11-05", 1800, {
      kind: "TASK",
      minutes: null,
      taskType: "CALL_ANSWERED",
      quantity: 12,
      unitPriceCents: 150,
    });
    const s = statementOf(contract, [entry("2026-11-04", 4500, { minutes: 90 }), task], [], "2026-11");
    expect(s.payees[0]!.lines).toMatchObject([
      { kind: "TIME", minutes: 90, quantity: null, unitPriceCents: 3000, amountCents: 4500, item: null },
      {
        kind: "TASK",
        minutes: null,
        quantity: 12,
        unitPriceCents: 150,
        amountCents: 1800,
        item: "CALL_ANSWERED",
      },
    ]);
  });

  it("counts submitted milestones of the month as pending, never as owed", () => {
    const s = statementOf(contract, [], [milestone(null, { status: "SUBMITTED" })], "2026-11");
    expect(s.payees).toEqual([]);
    expect(s.totals).toEqual({ amountCents: 0, feeCents: 0, netCents: 0, lineCount: 0 });
    expect(s.pending).toEqual({ count: 1, amountCents: 60000 });
  });
});
