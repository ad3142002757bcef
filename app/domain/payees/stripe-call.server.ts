// No raw Stripe error reaches a user: a failed call becomes a French DomainError, the original
// is logged for us.
import Stripe from "stripe";
import { DomainError } from "#app/lib/domain-error";
import { logger } from "#app/server/logger";

export const STRIPE_UNAVAILABLE_MESSAGE =
  "Le service de paiement n’a pas pu traiter la demande. Réessayez dans quelques instants.";

export async function callStripe<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      logger.error({ type: error.type, code: error.code, message: error.message }, "Stripe call failed");
      throw new DomainError("CONFLICT", STRIPE_UNAVAILABLE_MESSAGE, { stripeCode: error.code });
    }
    throw error;
  }
}
