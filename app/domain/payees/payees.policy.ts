// Who has a payout account. Pure: the repository then finds the agency an owner OWNS, so a
// member, a business or staff never reaches another payee's account.
import type { PayeeKind } from "./payees.schema";

const payeeKindByUserKind: Partial<Record<string, PayeeKind>> = {
  SECRETARY: "SECRETARY",
  AGENCY_OWNER: "AGENCY",
};

export function payeeKindOf(userKind: string): PayeeKind | null {
  return payeeKindByUserKind[userKind] ?? null;
}

/** The Stripe business type of the connected account: a secretary works in her own name. */
export function stripeBusinessType(kind: PayeeKind): "individual" | "company" {
  return kind === "SECRETARY" ? "individual" : "company";
}

/** What transfers and invoices call the payee: "user:<id>" or "agency:<orgId>". */
export function payeeKeyOf(payee: { userId: string | null; organizationId: string | null }): string {
  if (payee.organizationId) return `agency:${payee.organizationId}`;
  if (payee.userId) return `user:${payee.userId}`;
  throw new RangeError("A payee is a user or an agency");
}

/** "Ready" means one thing: Stripe said transfers are active on the account. */
export function payoutStatusOf(
  account: { transfersActive: boolean; detailsSubmitted: boolean } | null,
): "NONE" | "INCOMPLETE" | "PENDING" | "READY" {
  if (!account) return "NONE";
  if (account.transfersActive) return "READY";
  return account.detailsSubmitted ? "PENDING" : "INCOMPLETE";
}
