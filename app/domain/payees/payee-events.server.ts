// Webhook handler for the Connect endpoint: account.updated is the only source of "ready"
// (capabilities.transfers === "active"). Called by the payments webhook route inside the
// transaction that records the StripeEvent, so the effect and the record commit together.
import type Stripe from "stripe";
import { z } from "zod";
import type { Tx } from "#app/lib/db.server";
import * as repo from "./payees.repo.server";

const accountSchema = z.object({
  id: z.string().startsWith("acct_"),
  details_submitted: z.boolean().nullish(),
  capabilities: z.object({ transfers: z.string().nullish() }).passthrough().nullish(),
  requirements: z
    .object({ currently_due: z.array(z.string()).nullish() })
    .passthrough()
    .nullish(),
  metadata: z.record(z.string()).nullish(),
});

export type AccountUpdateOutcome =
  | { applied: true; payoutAccountId: string; transfersActive: boolean }
  | { applied: false; reason: "NOT_ACCOUNT_UPDATED" | "UNKNOWN_ACCOUNT" | "STALE" };

const PAYEE_KEY = /^(user|agency):([\w-]+)$/;

/**
 * The row is written right after accounts.create; if the process died in between, the event
 * still finds its payee through the account's metadata and records it (the retry of the create
 * uses the same idempotency key, gets the same account and keeps this row).
 */
async function findOrAdopt(tx: Tx, account: z.infer<typeof accountSchema>) {
  const row = await repo.findPayoutAccountByStripeId(tx, account.id);
  if (row) return row;
  const match = PAYEE_KEY.exec(account.metadata?.payeeKey ?? "");
  if (!match) return null;
  const ref: repo.PayeeRef = match[1] === "agency" ? { organizationId: match[2]! } : { userId: match[2]! };
  if (!(await repo.payeeExists(tx, ref))) return null;
  return repo.upsertPayoutAccount(ref, account.id, tx);
}

/**
 * Applies the account's state as of the event. An event older than the last one applied
 * (`stateAsOf`) changes nothing, so a late or reordered delivery cannot undo "ready"; applying
 * the same event twice writes the same values.
 */
export async function applyAccountUpdated(tx: Tx, event: Stripe.Event): Promise<AccountUpdateOutcome> {
  if (event.type !== "account.updated") return { applied: false, reason: "NOT_ACCOUNT_UPDATED" };
  const account = accountSchema.parse(event.data.object);
  const row = await findOrAdopt(tx, account);
  if (!row) return { applied: false, reason: "UNKNOWN_ACCOUNT" };
  const eventTime = new Date(event.created * 1000);
  if (row.stateAsOf && eventTime < row.stateAsOf) return { applied: false, reason: "STALE" };
  const transfersActive = account.capabilities?.transfers === "active";
  await repo.writeAccountState(tx, row.id, {
    transfersActive,
    detailsSubmitted: account.details_submitted ?? false,
    requirementsDue: account.requirements?.currently_due ?? [],
    stateAsOf: eventTime,
  });
  return { applied: true, payoutAccountId: row.id, transfersActive };
}
