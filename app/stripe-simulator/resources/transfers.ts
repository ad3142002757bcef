import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { StripeSimError, invalidRequest } from "../errors";
import { type Form, eurOnly, metadata, positiveAmount, reader } from "../form";
import { type SimTransfer, type SimTransferReversal } from "../state";

function create(core: SimCore, form: Form): SimTransfer {
  const p = reader<Stripe.TransferCreateParams>(form);
  const amount = positiveAmount(p.int("amount"));
  const currency = eurOnly(p.str("currency"));
  const destination = core.get(core.state.accounts, "account", p.required("destination"), "destination");
  if (destination.capabilities?.transfers !== "active") {
    throw invalidRequest(
      "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
      "destination",
      "insufficient_capabilities_for_transfer",
    );
  }
  const source = p.str("source_transaction");
  const availableAfterMs = source ? checkSource(core, source, amount) : checkBalance(core, amount);
  const transfer: SimTransfer = {
    id: core.id("tr"),
    object: "transfer",
    created: core.now(),
    amount,
    amount_reversed: 0,
    currency,
    destination: destination.id,
    destination_payment: core.id("py"),
    transfer_group: p.str("transfer_group") ?? null,
    source_transaction: source ?? null,
    reversed: false,
    metadata: p.metadata(),
    balance_transaction: null,
    livemode: false,
    description: p.str("description") ?? null,
  };
  const txn = core.book(
    null,
    {
      amount: -amount,
      fee: 0,
      type: "transfer",
      source: transfer.id,
      reporting_category: "transfer",
      description: transfer.description,
    },
    availableAfterMs,
  );
  core.book(
    destination.id,
    {
      amount,
      fee: 0,
      type: "payment",
      source: transfer.destination_payment as string,
      reporting_category: "charge",
      description: transfer.description,
    },
    availableAfterMs,
  );
  transfer.balance_transaction = txn.id;
  core.state.transfers.set(transfer.id, transfer);
  core.bus.emit("transfer.created", transfer);
  return transfer;
}

/** With source_transaction the transfer is allowed before the charge's funds are available. */
function checkSource(core: SimCore, chargeId: string, amount: number): number {
  const charge = core.get(core.state.charges, "charge", chargeId, "source_transaction");
  if (charge.status !== "succeeded")
    throw invalidRequest("The source_transaction must be a succeeded charge.", "source_transaction");
  const transferred = [...core.state.transfers.values()]
    .filter((t) => t.source_transaction === chargeId)
    .reduce((sum, t) => sum + t.amount - t.amount_reversed, 0);
  if (transferred + amount > charge.amount - charge.amount_refunded) {
    throw invalidRequest(
      "The transfer amount exceeds the amount remaining on the source transaction.",
      "amount",
      "balance_insufficient",
    );
  }
  const txn = charge.balance_transaction
    ? core.state.balanceTransactions.get(String(charge.balance_transaction))
    : undefined;
  return txn && txn.status === "pending" ? Math.max(0, txn.available_on * 1000 - core.clock.now()) : 0;
}

function checkBalance(core: SimCore, amount: number): number {
  if (core.state.balance(null).available < amount) {
    throw new StripeSimError(400, {
      type: "invalid_request_error",
      code: "balance_insufficient",
      message:
        "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card.",
    });
  }
  return 0;
}

function reverse(core: SimCore, transfer: SimTransfer, form: Form): SimTransferReversal {
  const p = reader<Stripe.TransferCreateReversalParams>(form);
  const remaining = transfer.amount - transfer.amount_reversed;
  const amount = p.int("amount") ?? remaining;
  if (amount < 1 || amount > remaining) {
    throw invalidRequest(
      `You cannot reverse more than the remaining ${remaining} cents of this transfer.`,
      "amount",
      "amount_too_large",
    );
  }
  const reversal: SimTransferReversal = {
    id: core.id("trr"),
    object: "transfer_reversal",
    created: core.now(),
    amount,
    currency: transfer.currency,
    transfer: transfer.id,
    metadata: p.metadata(),
    balance_transaction: null,
  };
  reversal.balance_transaction = core.book(null, {
    amount,
    fee: 0,
    type: "transfer_refund",
    source: reversal.id,
    reporting_category: "transfer_reversal",
    description: null,
  }).id;
  core.book(String(transfer.destination), {
    amount: -amount,
    fee: 0,
    type: "payment_refund",
    source: reversal.id,
    reporting_category: "transfer_reversal",
    description: null,
  });
  core.state.reversals.set(reversal.id, reversal);
  const previous = { amount_reversed: transfer.amount_reversed, reversed: transfer.reversed };
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  core.bus.emit("transfer.reversed", transfer, { previous });
  return reversal;
}

const find = (core: SimCore, id: string) => core.get(core.state.transfers, "transfer", id, "id");

export const transferRoutes: Route[] = [
  { method: "POST", path: "/v1/transfers", handler: (core, req) => create(core, req.form) },
  { method: "GET", path: "/v1/transfers/:id", handler: (core, req) => find(core, req.params.id) },
  {
    method: "POST",
    path: "/v1/transfers/:id",
    handler: (core, req) => {
      const transfer = find(core, req.params.id);
      transfer.metadata = metadata(req.form.metadata, transfer.metadata);
      core.bus.emit("transfer.updated", transfer);
      return transfer;
    },
  },
  {
    method: "GET",
    path: "/v1/transfers",
    handler: (core, req) => {
      const p = reader<Stripe.TransferListParams>(req.form);
      const group = p.str("transfer_group");
      const destination = p.str("destination");
      const items = [...core.state.transfers.values()].filter(
        (t) => (!group || t.transfer_group === group) && (!destination || t.destination === destination),
      );
      return list(core, items, req.form, "/v1/transfers");
    },
  },
  {
    method: "POST",
    path: "/v1/transfers/:id/reversals",
    handler: (core, req) => reverse(core, find(core, req.params.id), req.form),
  },
  {
    method: "GET",
    path: "/v1/transfers/:id/reversals",
    handler: (core, req) =>
      list(
        core,
        [...core.state.reversals.values()].filter((r) => r.transfer === req.params.id),
        req.form,
        `/v1/transfers/${req.params.id}/reversals`,
      ),
  },
];
