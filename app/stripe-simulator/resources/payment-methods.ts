import crypto from "node:crypto";
import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { invalidRequest, noSuchResource } from "../errors";
import { type Form, optionalObject, optionalString, reader } from "../form";
import { type SimPaymentMethod } from "../state";
import { TEST_PAYMENT_METHODS, cardFor, isIban, normalizeIban } from "../test-data";

type Billing = { name?: string | null; email?: string | null };

export function createCardMethod(core: SimCore, number: string, billing: Billing = {}): SimPaymentMethod {
  const card = cardFor(number);
  if (!card)
    throw invalidRequest(
      "Le simulateur n’accepte que les cartes de test de Stripe.",
      "card[number]",
      "incorrect_number",
    );
  const pm: SimPaymentMethod = {
    ...base(core, "card", billing),
    testNumber: card.number,
    sepa_debit: undefined,
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "FR",
      display_brand: card.brand,
      exp_month: 12,
      exp_year: new Date().getUTCFullYear() + 3,
      fingerprint: fingerprintOf(card.number),
      funding: "credit",
      generated_from: null,
      last4: card.number.slice(-4),
      networks: { available: [card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
  };
  core.state.paymentMethods.set(pm.id, pm);
  return pm;
}

export function createSepaMethod(core: SimCore, rawIban: string, billing: Billing = {}): SimPaymentMethod {
  const iban = normalizeIban(rawIban);
  if (!isIban(iban))
    throw invalidRequest(
      "The IBAN you provided is invalid.",
      "sepa_debit[iban]",
      "invalid_bank_account_iban",
    );
  const pm: SimPaymentMethod = {
    ...base(core, "sepa_debit", billing),
    testNumber: iban,
    card: undefined,
    sepa_debit: {
      bank_code: iban.slice(4, 9),
      branch_code: iban.slice(9, 14),
      country: iban.slice(0, 2),
      fingerprint: fingerprintOf(iban),
      generated_from: null,
      last4: iban.slice(-4),
    },
  };
  core.state.paymentMethods.set(pm.id, pm);
  return pm;
}

function base(core: SimCore, type: "card" | "sepa_debit", billing: Billing) {
  return {
    id: core.id("pm"),
    object: "payment_method" as const,
    type,
    created: core.now(),
    customer: null,
    livemode: false,
    metadata: {},
    billing_details: {
      address: null,
      email: billing.email ?? null,
      name: billing.name ?? null,
      phone: null,
      tax_id: null,
    },
  };
}

function fingerprintOf(value: string): string {
  return crypto.createHash("sha256").update(value).digest("base64url").slice(0, 16);
}

/** An id, or one of Stripe's `pm_card_*` test tokens (which make a fresh payment method each time). */
export function resolvePaymentMethod(
  core: SimCore,
  idOrToken: string,
  param = "payment_method",
): SimPaymentMethod {
  const existing = core.state.paymentMethods.get(idOrToken);
  if (existing) return existing;
  const number = TEST_PAYMENT_METHODS[idOrToken];
  if (number) return createCardMethod(core, number);
  throw noSuchResource("PaymentMethod", idOrToken, param);
}

function createPaymentMethod(core: SimCore, form: Form): SimPaymentMethod {
  const p = reader<Stripe.PaymentMethodCreateParams>(form);
  const billing = optionalObject(p.raw("billing_details"), "billing_details") ?? {};
  const details = {
    name: optionalString(billing.name, "billing_details[name]"),
    email: optionalString(billing.email, "billing_details[email]"),
  };
  const type = p.required("type");
  if (type === "sepa_debit") {
    const iban = optionalString(optionalObject(p.raw("sepa_debit"), "sepa_debit")?.iban, "sepa_debit[iban]");
    if (!iban)
      throw invalidRequest(
        "Missing required param: sepa_debit[iban].",
        "sepa_debit[iban]",
        "parameter_missing",
      );
    return createSepaMethod(core, iban, details);
  }
  if (type === "card") {
    const card = optionalObject(p.raw("card"), "card") ?? {};
    const token = optionalString(card.token, "card[token]");
    const number = token
      ? TEST_PAYMENT_METHODS[token.replace(/^tok_/, "pm_card_")]
      : optionalString(card.number, "card[number]");
    if (!number || !cardFor(number))
      throw invalidRequest(
        "Le simulateur n’accepte que les cartes de test de Stripe.",
        "card[number]",
        "incorrect_number",
      );
    return createCardMethod(core, number, details);
  }
  throw invalidRequest(`Le simulateur ne gère que les types card et sepa_debit (reçu : ${type}).`, "type");
}

export function attach(core: SimCore, pm: SimPaymentMethod, customerId: string): SimPaymentMethod {
  core.get(core.state.customers, "customer", customerId, "customer");
  if (pm.customer && pm.customer !== customerId) {
    throw invalidRequest(
      "This PaymentMethod is already attached to another customer.",
      "payment_method",
      "payment_method_unexpected_state",
    );
  }
  if (pm.customer === customerId) return pm;
  pm.customer = customerId;
  core.bus.emit("payment_method.attached", pm);
  return pm;
}

function detach(core: SimCore, id: string): SimPaymentMethod {
  const pm = core.get(core.state.paymentMethods, "PaymentMethod", id, "payment_method");
  if (!pm.customer)
    throw invalidRequest(
      "The payment method you provided is not attached to a customer so detachment is impossible.",
      "payment_method",
      "payment_method_unexpected_state",
    );
  const previous = { customer: pm.customer };
  pm.customer = null;
  core.bus.emit("payment_method.detached", pm, { previous });
  return pm;
}

export const paymentMethodRoutes: Route[] = [
  {
    method: "POST",
    path: "/v1/payment_methods",
    handler: (core, req) => createPaymentMethod(core, req.form),
  },
  {
    method: "GET",
    path: "/v1/payment_methods/:id",
    handler: (core, req) => resolvePaymentMethod(core, req.params.id, "id"),
  },
  {
    method: "POST",
    path: "/v1/payment_methods/:id/attach",
    handler: (core, req) =>
      attach(
        core,
        resolvePaymentMethod(core, req.params.id),
        reader<Stripe.PaymentMethodAttachParams>(req.form).required("customer"),
      ),
  },
  {
    method: "POST",
    path: "/v1/payment_methods/:id/detach",
    handler: (core, req) => detach(core, req.params.id),
  },
  {
    method: "GET",
    path: "/v1/payment_methods",
    handler: (core, req) => {
      const p = reader<Stripe.PaymentMethodListParams>(req.form);
      const customer = p.str("customer");
      const type = p.str("type");
      const items = [...core.state.paymentMethods.values()].filter(
        (pm) => (!customer || pm.customer === customer) && (!type || pm.type === type),
      );
      return list(core, items, req.form, "/v1/payment_methods");
    },
  },
];
