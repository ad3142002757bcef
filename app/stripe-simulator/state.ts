import type Stripe from "stripe";

// The simulator's objects are the SDK's own types, restricted (Pick) to the fields it implements:
// an SDK upgrade that renames or retypes one of them breaks the build here.
export type SimAccount = Pick<
  Stripe.Account,
  | "id"
  | "object"
  | "type"
  | "controller"
  | "country"
  | "email"
  | "created"
  | "capabilities"
  | "charges_enabled"
  | "payouts_enabled"
  | "details_submitted"
  | "requirements"
  | "metadata"
  | "business_type"
  | "default_currency"
>;
export type SimAccountLink = Pick<Stripe.AccountLink, "object" | "created" | "expires_at" | "url"> & {
  account: string;
  refresh_url: string;
  return_url: string;
  used: boolean;
};
export type SimCustomer = Pick<
  Stripe.Customer,
  "id" | "object" | "created" | "email" | "name" | "metadata" | "livemode" | "invoice_settings"
>;
export type SimPaymentMethod = Pick<
  Stripe.PaymentMethod,
  | "id"
  | "object"
  | "type"
  | "created"
  | "customer"
  | "card"
  | "sepa_debit"
  | "billing_details"
  | "metadata"
  | "livemode"
> & { testNumber: string };
export type SimSetupIntent = Pick<
  Stripe.SetupIntent,
  | "id"
  | "object"
  | "created"
  | "customer"
  | "status"
  | "payment_method"
  | "payment_method_types"
  | "allowed_payment_method_types"
  | "usage"
  | "metadata"
  | "mandate"
  | "last_setup_error"
  | "livemode"
  | "client_secret"
>;
export type SimCheckoutSession = Pick<
  Stripe.Checkout.Session,
  | "id"
  | "object"
  | "created"
  | "mode"
  | "status"
  | "customer"
  | "setup_intent"
  | "payment_method_types"
  | "allowed_payment_method_types"
  | "success_url"
  | "cancel_url"
  | "url"
  | "metadata"
  | "expires_at"
  | "livemode"
  | "currency"
  | "client_reference_id"
>;
export type SimPaymentIntent = Pick<
  Stripe.PaymentIntent,
  | "id"
  | "object"
  | "created"
  | "amount"
  | "amount_received"
  | "currency"
  | "customer"
  | "payment_method"
  | "payment_method_types"
  | "allowed_payment_method_types"
  | "status"
  | "latest_charge"
  | "transfer_group"
  | "metadata"
  | "description"
  | "last_payment_error"
  | "livemode"
  | "client_secret"
  | "cancellation_reason"
  | "canceled_at"
>;
export type SimCharge = Pick<
  Stripe.Charge,
  | "id"
  | "object"
  | "created"
  | "amount"
  | "amount_captured"
  | "amount_refunded"
  | "currency"
  | "customer"
  | "payment_intent"
  | "payment_method"
  | "status"
  | "paid"
  | "captured"
  | "refunded"
  | "disputed"
  | "balance_transaction"
  | "failure_code"
  | "failure_message"
  | "transfer_group"
  | "metadata"
  | "livemode"
  | "outcome"
  | "description"
> & { paymentMethodType: "card" | "sepa_debit" };
export type SimBalanceTransaction = Pick<
  Stripe.BalanceTransaction,
  | "id"
  | "object"
  | "created"
  | "amount"
  | "fee"
  | "net"
  | "currency"
  | "type"
  | "status"
  | "available_on"
  | "source"
  | "reporting_category"
  | "description"
> & { owner: string | null };
export type SimTransfer = Pick<
  Stripe.Transfer,
  | "id"
  | "object"
  | "created"
  | "amount"
  | "amount_reversed"
  | "currency"
  | "destination"
  | "destination_payment"
  | "transfer_group"
  | "source_transaction"
  | "reversed"
  | "metadata"
  | "balance_transaction"
  | "livemode"
  | "description"
>;
export type SimTransferReversal = Pick<
  Stripe.TransferReversal,
  "id" | "object" | "created" | "amount" | "currency" | "transfer" | "metadata" | "balance_transaction"
>;
export type SimRefund = Pick<
  Stripe.Refund,
  | "id"
  | "object"
  | "created"
  | "amount"
  | "currency"
  | "charge"
  | "payment_intent"
  | "status"
  | "reason"
  | "metadata"
  | "balance_transaction"
>;
export type SimDispute = Pick<
  Stripe.Dispute,
  | "id"
  | "object"
  | "created"
  | "amount"
  | "currency"
  | "charge"
  | "payment_intent"
  | "status"
  | "reason"
  | "metadata"
  | "livemode"
  | "is_charge_refundable"
>;
export type SimWebhookEndpoint = Pick<
  Stripe.WebhookEndpoint,
  | "id"
  | "object"
  | "created"
  | "url"
  | "enabled_events"
  | "status"
  | "metadata"
  | "livemode"
  | "description"
  | "api_version"
> & { secret: string; connect: boolean };

/** Money per account: pending funds become available on their balance transaction's available_on. */
export type SimBalance = { available: number; pending: number };

export class SimState {
  accounts = new Map<string, SimAccount>();
  accountLinks = new Map<string, SimAccountLink>();
  customers = new Map<string, SimCustomer>();
  paymentMethods = new Map<string, SimPaymentMethod>();
  setupIntents = new Map<string, SimSetupIntent>();
  checkoutSessions = new Map<string, SimCheckoutSession>();
  paymentIntents = new Map<string, SimPaymentIntent>();
  charges = new Map<string, SimCharge>();
  balanceTransactions = new Map<string, SimBalanceTransaction>();
  transfers = new Map<string, SimTransfer>();
  reversals = new Map<string, SimTransferReversal>();
  refunds = new Map<string, SimRefund>();
  disputes = new Map<string, SimDispute>();
  webhookEndpoints = new Map<string, SimWebhookEndpoint>();
  /** Keyed by connected account id; "platform" for the platform itself. */
  balances = new Map<string, SimBalance>();

  private all(): Map<string, { id?: string }>[] {
    return [
      this.accounts,
      this.customers,
      this.paymentMethods,
      this.setupIntents,
      this.checkoutSessions,
      this.paymentIntents,
      this.charges,
      this.balanceTransactions,
      this.transfers,
      this.reversals,
      this.refunds,
      this.disputes,
      this.webhookEndpoints,
    ];
  }

  /** Any object by id, for `expand`. */
  byId(id: string): object | undefined {
    for (const map of this.all()) {
      const found = map.get(id);
      if (found) return found;
    }
    return undefined;
  }

  balance(account: string | null): SimBalance {
    const key = account ?? "platform";
    let balance = this.balances.get(key);
    if (!balance) this.balances.set(key, (balance = { available: 0, pending: 0 }));
    return balance;
  }
}
