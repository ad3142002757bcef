// The double-entry ledger's pure half: the accounts and one builder per money movement, each
// returning lines that sum to zero (debit positive, credit negative). The README tells the story;
// ledger.repo.server.ts writes them. Nothing here touches the database or Stripe.

export type LedgerKind = "CHARGE" | "TRANSFER" | "FEE" | "REFUND" | "REVERSAL" | "DISPUTE";
export type LedgerLine = { account: string; amountCents: number };
export type LedgerTransaction = {
  /** Deterministic: writing the same movement twice is a no-op (see recordTransaction). */
  transactionId: string;
  kind: LedgerKind;
  reference: string;
  contractId: string;
  paymentId: string | null;
  lines: LedgerLine[];
};

export const accounts = {
  /** What a business owes (positive) for the payments asked of it; back to zero once paid. */
  business: (organizationId: string) => `business:${organizationId}`,
  /** Money in the platform's Stripe balance. */
  stripe: "stripe",
  /** A milestone's money: owed or paid by the business but not released to anyone yet. */
  escrow: "escrow",
  /** What the platform owes a payee (negative) until her transfer is sent. */
  payable: (payeeKey: string) => `payable:${payeeKey}`,
  /** The platform's fee. */
  revenue: "revenue",
  /** Refunds waiting for the transfer reversals that fund them. */
  refunds: "refunds",
  /** Money Stripe withdrew for an open dispute. */
  disputes: "disputes",
} as const;

export class UnbalancedLedgerError extends Error {
  constructor(
    readonly transactionId: string,
    readonly sum: number,
  ) {
    super(`Ledger transaction ${transactionId} does not balance (sum ${sum})`);
    this.name = "UnbalancedLedgerError";
  }
}

/** Drops zero lines, merges lines of one account and refuses anything that does not sum to zero. */
export function balanced(tx: LedgerTransaction): LedgerTransaction {
  const merged = new Map<string, number>();
  for (const line of tx.lines) {
    if (!Number.isSafeInteger(line.amountCents)) throw new RangeError(`Not whole cents: ${line.amountCents}`);
    merged.set(line.account, (merged.get(line.account) ?? 0) + line.amountCents);
  }
  const lines = [...merged]
    .filter(([, cents]) => cents !== 0)
    .map(([account, amountCents]) => ({ account, amountCents }));
  const sum = lines.reduce((total, l) => total + l.amountCents, 0);
  if (sum !== 0) throw new UnbalancedLedgerError(tx.transactionId, sum);
  return { ...tx, lines };
}

export type PayeeShare = { payeeKey: string; workAmountCents: number; feeCents: number; amountCents: number };
type Base = { contractId: string; paymentId: string };

/** PERIOD: approved work is invoiced; the business owes it, each payee is owed her net, the fee is earned. */
export function periodInvoiced(
  p: Base & { organizationId: string; amountCents: number; shares: PayeeShare[] },
) {
  return balanced({
    transactionId: `invoice:${p.paymentId}`,
    kind: "CHARGE",
    reference: `invoice:${p.paymentId}`,
    contractId: p.contractId,
    paymentId: p.paymentId,
    lines: [
      { account: accounts.business(p.organizationId), amountCents: p.amountCents },
      ...p.shares.map((s) => ({ account: accounts.payable(s.payeeKey), amountCents: -s.amountCents })),
      { account: accounts.revenue, amountCents: -sum(p.shares, "feeCents") },
    ],
  });
}

/** MILESTONE: the business is asked to fund it; the money is earmarked in escrow. */
export function milestoneFundingRequested(p: Base & { organizationId: string; amountCents: number }) {
  return balanced({
    transactionId: `funding:${p.paymentId}`,
    kind: "CHARGE",
    reference: `funding:${p.paymentId}`,
    contractId: p.contractId,
    paymentId: p.paymentId,
    lines: [
      { account: accounts.business(p.organizationId), amountCents: p.amountCents },
      { account: accounts.escrow, amountCents: -p.amountCents },
    ],
  });
}

/** payment_intent.succeeded: the business paid, the money is at Stripe. */
export function chargeSucceeded(p: Base & { organizationId: string; amountCents: number; chargeId: string }) {
  return balanced({
    transactionId: `charge:${p.paymentId}`,
    kind: "CHARGE",
    reference: p.chargeId,
    contractId: p.contractId,
    paymentId: p.paymentId,
    lines: [
      { account: accounts.stripe, amountCents: p.amountCents },
      { account: accounts.business(p.organizationId), amountCents: -p.amountCents },
    ],
  });
}

/** A milestone approved: escrow becomes the payees' due and the platform's fee. */
export function milestoneReleased(p: Base & { shares: PayeeShare[] }) {
  return balanced({
    transactionId: `allocate:${p.paymentId}`,
    kind: "FEE",
    reference: `allocate:${p.paymentId}`,
    contractId: p.contractId,
    paymentId: p.paymentId,
    lines: [
      { account: accounts.escrow, amountCents: sum(p.shares, "workAmountCents") },
      ...p.shares.map((s) => ({ account: accounts.payable(s.payeeKey), amountCents: -s.amountCents })),
      { account: accounts.revenue, amountCents: -sum(p.shares, "feeCents") },
    ],
  });
}

/** A transfer sent to a payee's connected account settles what she was owed. */
export function transferSent(p: Base & { payeeKey: string; amountCents: number; transferId: string }) {
  return balanced({
    transactionId: `transfer:${p.transferId}`,
    kind: "TRANSFER",
    reference: p.transferId,
    contractId: p.contractId,
    paymentId: p.paymentId,
    lines: [
      { account: accounts.payable(p.payeeKey), amountCents: p.amountCents },
      { account: accounts.stripe, amountCents: -p.amountCents },
    ],
  });
}

/**
 * A refund. Before release the money leaves escrow. After release, `reversedCents` is expected back
 * from the payees (the refunds account waits for their reversals) and the platform bears the rest.
 */
export function refunded(
  p: Base & { refundId: string; amountCents: number; released: boolean; reversedCents: number },
) {
  const lines: LedgerLine[] = p.released
    ? [
        { account: accounts.refunds, amountCents: p.reversedCents },
        { account: accounts.revenue, amountCents: p.amountCents - p.reversedCents },
      ]
    : [{ account: accounts.escrow, amountCents: p.amountCents }];
  return balanced({
    transactionId: `refund:${p.refundId}`,
    kind: "REFUND",
    reference: p.refundId,
    contractId: p.contractId,
    paymentId: p.paymentId,
    lines: [...lines, { account: accounts.stripe, amountCents: -p.amountCents }],
  });
}

/** Money pulled back from a payee's transfer (transfers.createReversal). */
export function transferReversed(p: Base & { reversalId: string; amountCents: number }) {
  return balanced({
    transactionId: `reversal:${p.reversalId}`,
    kind: "REVERSAL",
    reference: p.reversalId,
    contractId: p.contractId,
    paymentId: p.paymentId,
    lines: [
      { account: accounts.stripe, amountCents: p.amountCents },
      { account: accounts.refunds, amountCents: -p.amountCents },
    ],
  });
}

/** charge.dispute.created takes the money from the platform's balance; a won dispute gives it back. */
export function disputeMoved(
  p: Base & { disputeId: string; amountCents: number; step: "opened" | "won" | "lost" },
) {
  const fromStripe = p.step === "opened" ? -p.amountCents : p.step === "won" ? p.amountCents : 0;
  const lines: LedgerLine[] =
    p.step === "lost"
      ? [
          { account: accounts.revenue, amountCents: p.amountCents },
          { account: accounts.disputes, amountCents: -p.amountCents },
        ]
      : [
          { account: accounts.stripe, amountCents: fromStripe },
          { account: accounts.disputes, amountCents: -fromStripe },
        ];
  return balanced({
    transactionId: `dispute:${p.disputeId}:${p.step}`,
    kind: "DISPUTE",
    reference: p.disputeId,
    contractId: p.contractId,
    paymentId: p.paymentId,
    lines,
  });
}

function sum<K extends string>(items: readonly Record<K, number>[], key: K): number {
  return items.reduce((total, item) => total + item[key], 0);
}
