import { type SimState } from "./state";

// `expand[]=latest_charge.balance_transaction`: ids along the path are replaced by their objects.
export function expandAll(state: SimState, value: object, paths: string[]): object {
  let result = structuredClone(value);
  for (const path of paths) result = expandPath(state, result, path.split("."));
  return result;
}

function expandPath(state: SimState, value: unknown, parts: string[]): any {
  if (!value || typeof value !== "object" || parts.length === 0) return value;
  const [head = "", ...rest] = parts;
  const record = value as Record<string, unknown>;
  if (head === "data" && Array.isArray(record.data)) {
    return { ...record, data: record.data.map((item) => expandPath(state, item, rest)) };
  }
  let child = record[head];
  if (typeof child === "string") {
    const found = state.byId(child);
    if (found) child = structuredClone(found);
  }
  return { ...record, [head]: expandPath(state, child, rest) };
}

/** Internal bookkeeping fields never leave the simulator. */
export function publicJson(value: unknown): string {
  return JSON.stringify(value, (key, v) => (INTERNAL.has(key) ? undefined : v), 2);
}

const INTERNAL = new Set(["testNumber", "paymentMethodType", "owner"]);
