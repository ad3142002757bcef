// For payments: where one person's share of a payment goes. Read inside the caller's transaction.
import type { Tx } from "#app/lib/db.server";
import { payeeKeyOf } from "./payees.policy";
import * as repo from "./payees.repo.server";

export type PayoutDestination = {
  /** "user:<id>" | "agency:<orgId>" — Payout.payeeKey and the invoice issuerKey. */
  payeeKey: string;
  payeeUserId: string | null;
  payeeOrganizationId: string | null;
  /** null while the payee has no connected account. */
  stripeAccountId: string | null;
  /** Stripe said transfers are active (account.updated): only then may a transfer be sent. */
  ready: boolean;
};

/**
 * `userId` is the person whose approved work is paid; `agencyId` the agency of the contract, if
 * any. An agency in AGENCY mode (the default) receives its members' shares; in MEMBERS mode each
 * member is paid on her own account. Without an agency, the secretary is paid herself.
 */
export async function findPayoutDestination(
  tx: Tx,
  { userId, agencyId }: { userId: string; agencyId: string | null },
): Promise<PayoutDestination> {
  const paysMembers = agencyId ? (await repo.findAgencyPayoutMode(agencyId, tx)) === "MEMBERS" : false;
  if (agencyId && !paysMembers) {
    const agencyAccount = await repo.findPayoutAccount({ organizationId: agencyId }, tx);
    return {
      payeeKey: payeeKeyOf({ userId: null, organizationId: agencyId }),
      payeeUserId: userId,
      payeeOrganizationId: agencyId,
      stripeAccountId: agencyAccount?.stripeAccountId ?? null,
      ready: agencyAccount?.transfersActive ?? false,
    };
  }
  const own = await repo.findPayoutAccount({ userId }, tx);
  return {
    payeeKey: payeeKeyOf({ userId, organizationId: null }),
    payeeUserId: userId,
    payeeOrganizationId: null,
    stripeAccountId: own?.stripeAccountId ?? null,
    ready: own?.transfersActive ?? false,
  };
}

/** The identity invoices of this payee ("user:<id>" | "agency:<orgId>") are issued under. */
export async function findInvoicingIdentityOf(tx: Tx, payeeKey: string) {
  const [kind, id] = payeeKey.split(":");
  if (!id || (kind !== "user" && kind !== "agency")) return null;
  return repo.findInvoicingIdentity(kind === "agency" ? { organizationId: id } : { userId: id }, tx);
}
