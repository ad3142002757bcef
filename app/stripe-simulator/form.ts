import { invalidRequest, missingParam } from "./errors";

// Stripe requests arrive form-encoded with bracket notation (qs); every leaf is a string.
// These readers take the key from the SDK's params type, so a renamed param breaks the build.
export type Form = Record<string, unknown>;

export function reader<P>(form: Form) {
  const raw = (key: keyof P & string) => form[key];
  return {
    raw,
    has: (key: keyof P & string) => form[key] !== undefined,
    str: (key: keyof P & string) => optionalString(raw(key), key),
    required: (key: keyof P & string) => requiredString(raw(key), key),
    int: (key: keyof P & string) => optionalInt(raw(key), key),
    bool: (key: keyof P & string) => optionalBool(raw(key), key),
    obj: (key: keyof P & string) => optionalObject(raw(key), key),
    list: (key: keyof P & string) => optionalList(raw(key)),
    metadata: () => metadata(form.metadata),
  };
}

export function optionalString(value: unknown, param: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${param}`, param);
  return value;
}

export function requiredString(value: unknown, param: string): string {
  const found = optionalString(value, param);
  if (found === undefined) throw missingParam(param);
  return found;
}

export function optionalInt(value: unknown, param: string): number | undefined {
  const text = optionalString(value, param);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw invalidRequest(`Invalid integer: ${text}`, param);
  return Number(text);
}

export function optionalBool(value: unknown, param: string): boolean | undefined {
  const text = optionalString(value, param);
  if (text === undefined) return undefined;
  if (text !== "true" && text !== "false") throw invalidRequest(`Invalid boolean: ${text}`, param);
  return text === "true";
}

export function optionalObject(value: unknown, param: string): Form | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidRequest(`Invalid object`, param);
  }
  return value as Form;
}

/** qs gives arrays for `a[0]=x` and objects for sparse indices; both become a list. */
export function optionalList(value: unknown): string[] | undefined {
  if (value === undefined || value === "") return undefined;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "object" && value !== null) return Object.values(value).map(String);
  return [String(value)];
}

export function metadata(value: unknown, previous: Record<string, string> = {}): Record<string, string> {
  if (value === undefined) return previous;
  if (value === "") return {};
  const next = { ...previous };
  for (const [key, v] of Object.entries(optionalObject(value, "metadata") ?? {})) {
    if (v === "") delete next[key];
    else next[key] = String(v);
  }
  return next;
}

/** Positive amount in the smallest currency unit, as Stripe requires. */
export function positiveAmount(value: number | undefined, param = "amount"): number {
  if (value === undefined) throw missingParam(param);
  if (value < 1) throw invalidRequest("This value must be greater than or equal to 1.", param);
  return value;
}

export function eurOnly(currency: string | undefined): "eur" {
  const c = (currency ?? "").toLowerCase();
  if (!c) throw missingParam("currency");
  if (c !== "eur") throw invalidRequest(`Le simulateur ne gère que l’euro (reçu : ${c}).`, "currency");
  return "eur";
}

export type SimMethodType = "card" | "sepa_debit";

/**
 * `allowed_payment_method_types` (this API version; `payment_method_types` before it, still read
 * for older callers). The simulator knows cards and SEPA debits; defaults to both.
 */
export function allowedMethodTypes(form: Form): SimMethodType[] {
  const types = optionalList(form.allowed_payment_method_types) ??
    optionalList(form.payment_method_types) ?? ["card", "sepa_debit"];
  for (const type of types) {
    if (type !== "card" && type !== "sepa_debit") {
      throw invalidRequest(
        `Le simulateur ne gère que card et sepa_debit (reçu : ${type}).`,
        "allowed_payment_method_types",
      );
    }
  }
  return types as SimMethodType[];
}
