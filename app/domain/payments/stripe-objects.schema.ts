// The parts of Stripe's objects the payment webhooks read, checked with zod (an event is input
// from outside like any form). Unknown fields pass; a missing required one is a 400.
import { z } from "zod";

const idOf = z
  .union([z.string(), z.object({ id: z.string() })])
  .transform((v) => (typeof v === "string" ? v : v.id));

export const paymentIntentObject = z.object({
  id: z.string().startsWith("pi_"),
  amount: z.number().int(),
  status: z.string(),
  metadata: z.record(z.string()).nullish(),
  latest_charge: idOf.nullish(),
  last_payment_error: z.object({ message: z.string().nullish(), code: z.string().nullish() }).nullish(),
});
export type PaymentIntentObject = z.infer<typeof paymentIntentObject>;

export const chargeObject = z.object({
  id: z.string().startsWith("ch_").or(z.string().startsWith("py_")),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  payment_intent: idOf.nullish(),
});

export const disputeObject = z.object({
  id: z.string(),
  amount: z.number().int(),
  charge: idOf,
  status: z.string(),
});

export const transferObject = z.object({
  id: z.string().startsWith("tr_"),
  amount: z.number().int(),
  amount_reversed: z.number().int(),
  reversals: z.object({ data: z.array(z.object({ id: z.string(), amount: z.number().int() })) }).nullish(),
});
