// The ledger's pure builders: every movement sums to zero, and a whole money flow leaves the
// accounts where the README says.
import { describe, expect, it } from "vitest";
import {
  accounts,
  balanced,
  chargeSucceeded,
  disputeMoved,
  milestoneFundingRequested,
  milestoneReleased,
  periodInvoiced,
  refunded,
  transferReversed,
  transferSent,
  UnbalancedLedgerError,
  type LedgerTransaction,
} from "#app/domain/payments/ledger";

const base = { contractId: "c1", paymentId: "p1" };
const shares = [
  { payeeKey: "user:claire", workAmountCents: 45000, feeCents: 4500, amountCents: 40500 },
  { payeeKey: "user:lea", workAmountCents: 15005, feeCents: 1501, amountCents: 13504 },
];

function totals(movements: LedgerTransaction[]) {
  const byAccount: Record<string, number> = {};
  for (const m of movements)
    for (const l of m.lines) byAccount[l.account] = (byAccount[l.account] ?? 0) + l.amountCents;
  return Object.fromEntries(Object.entries(byAccount).filter(([, v]) => v !== 0));
}
const sumOf = (m: LedgerTransaction) => m.lines.reduce((s, l) => s + l.amountCents, 0);

describe("balanced", () => {
  it("refuses a transaction that does not sum to zero, and fractional cents", () => {
    const tx = { ...base, transactionId: "t", kind: "CHARGE" as const, reference: "r" };
    expect(() => balanced({ ...tx, lines: [{ account: "stripe", amountCents: 1 }] })).toThrow(
      UnbalancedLedgerError,
    );
    expect(() =>
      balanced({
        ...tx,
        lines: [
          { account: "a", amountCents: 0.5 },
          { account: "b", amountCents: -0.5 },
        ],
      }),
    ).toThrow(RangeError);
  });

  it("merges lines of one account and drops zero lines", () => {
    const tx = balanced({
      ...base,
      transactionId: "t",
      kind: "FEE",
      reference: "r",
      lines: [
        { account: "a", amountCents: 5 },
        { account: "a", amountCents: -5 },
        { account: "b", amountCents: 3 },
        { account: "c", amountCents: -3 },
      ],
    });
    expect(tx.lines).toEqual([
      { account: "b", amountCents: 3 },
      { account: "c", amountCents: -3 },
    ]);
  });
});

describe("a month of work, invoiced, charged and transferred to two payees", () => {
  const movements = [
    periodInvoiced({ ...base, organizationId: "org", amountCents: 60005, shares }),
    chargeSucceeded({ ...base, organizationId: "org", amountCents: 60005, chargeId: "ch_1" }),
    transferSent({ ...base, payeeKey: "user:claire", amountCents: 40500, transferId: "tr_1" }),
    transferSent({ ...base, payeeKey: "user:lea", amountCents: 13504, transferId: "tr_2" }),
  ];
  it("each movement balances", () => movements.forEach((m) => expect(sumOf(m)).toBe(0)));
  it("leaves the fee at Stripe as revenue; nothing owed by anyone", () => {
    expect(totals(movements)).toEqual({ stripe: 6001, revenue: -6001 });
  });
  it("transaction ids are deterministic", () => {
    expect(movements.map((m) => m.transactionId)).toEqual([
      "invoice:p1",
      "charge:p1",
      "transfer:tr_1",
      "transfer:tr_2",
    ]);
  });
});

describe("a milestone", () => {
  const funded = [
    milestoneFundingRequested({ ...base, organizationId: "org", amountCents: 60000 }),
    chargeSucceeded({ ...base, organizationId: "org", amountCents: 60000, chargeId: "ch_1" }),
  ];
  const one = [{ payeeKey: "user:claire", workAmountCents: 60000, feeCents: 6000, amountCents: 54000 }];

  it("funded: the money is at Stripe, held in escrow", () => {
    expect(totals(funded)).toEqual({ stripe: 60000, escrow: -60000 });
  });

  it("refunded before release: everything back to zero", () => {
    const all = [
      ...funded,
      refunded({ ...base, refundId: "re_1", amountCents: 60000, released: false, reversedCents: 0 }),
    ];
    expect(totals(all)).toEqual({});
  });

  it("released, then partly refunded with a partial reversal: the platform bears the rest", () => {
    const all = [
      ...funded,
      milestoneReleased({ ...base, shares: one }),
      transferSent({ ...base, payeeKey: "user:claire", amountCents: 54000, transferId: "tr_1" }),
      refunded({ ...base, refundId: "re_1", amountCents: 10000, released: true, reversedCents: 9000 }),
      transferReversed({ ...base, reversalId: "trr_1", amountCents: 9000 }),
    ];
    all.forEach((m) => expect(sumOf(m)).toBe(0));
    // 6 000 fee − 1 000 of the refund the platform bore; the money left at Stripe is exactly that.
    expect(totals(all)).toEqual({ stripe: 5000, revenue: -5000 });
  });

  it("a dispute takes the money; won gives it back, lost costs the platform", () => {
    const opened = disputeMoved({ ...base, disputeId: "dp_1", amountCents: 60000, step: "opened" });
    const won = disputeMoved({ ...base, disputeId: "dp_1", amountCents: 60000, step: "won" });
    const lost = disputeMoved({ ...base, disputeId: "dp_1", amountCents: 60000, step: "lost" });
    expect(totals([...funded, opened, won])).toEqual(totals(funded));
    expect(totals([opened, lost])).toEqual({ stripe: -60000, revenue: 60000 });
    expect(accounts.payable("agency:o1")).toBe("payable:agency:o1");
  });
});
