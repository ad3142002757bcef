// A business's saved payment method as its billing page shows it. Client-safe.
import { z } from "zod";

export type PaymentMethodType = "sepa_debit" | "card";

export type BillingPageDto = {
  organizationName: string;
  method: { type: PaymentMethodType; label: string } | null;
  /** The last debit failed: charges wait until a new method is saved. */
  paymentFailed: boolean;
};

const brandLabels: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  cartes_bancaires: "CB",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
};

/** "Prélèvement SEPA •••• 3000", "Visa •••• 4242": what the business recognises, nothing more. */
export function paymentMethodLabel(method: {
  type: string;
  card?: { brand?: string | null; last4?: string | null } | null;
  sepa_debit?: { last4?: string | null } | null;
}): string {
  if (method.type === "sepa_debit") return `Prélèvement SEPA •••• ${method.sepa_debit?.last4 ?? "????"}`;
  const brand = method.card?.brand ?? "";
  const name = brandLabels[brand] ?? (brand ? brand[0]!.toUpperCase() + brand.slice(1) : "Carte");
  return `${name} •••• ${method.card?.last4 ?? "????"}`;
}

export const paymentMethodTypeLabels: Record<PaymentMethodType, string> = {
  sepa_debit: "Prélèvement SEPA",
  card: "Carte bancaire",
};

/** The query string Stripe's Checkout adds to the success URL. */
export const checkoutReturnSchema = z.object({
  session_id: z
    .string({ required_error: "Le retour du paiement est incomplet." })
    .regex(/^cs_[\w]+$/, "Le retour du paiement est incomplet."),
});
