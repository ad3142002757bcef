// Stripe's error envelope: { error: { type, code, message, param, decline_code } } with Stripe's HTTP statuses.
export type StripeErrorType =
  "api_error" | "card_error" | "idempotency_error" | "invalid_request_error" | "authentication_error";

export type StripeErrorBody = {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  payment_intent?: unknown;
  charge?: string;
  doc_url?: string;
};

export class StripeSimError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

export function invalidRequest(message: string, param?: string, code?: string): StripeSimError {
  return new StripeSimError(400, { type: "invalid_request_error", message, param, code });
}

export function missingParam(param: string): StripeSimError {
  return invalidRequest(`Missing required param: ${param}.`, param, "parameter_missing");
}

export function noSuchResource(kind: string, id: string, param?: string): StripeSimError {
  return new StripeSimError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'`,
    param,
  });
}

/** Anything the simulator does not implement says so, explicitly, instead of pretending. */
export function notImplemented(method: string, path: string): StripeSimError {
  return new StripeSimError(501, {
    type: "api_error",
    code: "simulator_not_implemented",
    message: `Le simulateur Stripe local n’implémente pas ${method} ${path}. Voir app/stripe-simulator/README.md.`,
  });
}

export function unauthenticated(): StripeSimError {
  return new StripeSimError(401, {
    type: "authentication_error",
    message: "Invalid API Key provided: the simulator expects a Bearer sk_test_… key.",
  });
}
