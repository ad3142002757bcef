// The shape shared by the marketplace's state machines (proposals, contracts, work records):
// a pure transition table saying, for each event, from which states, to which state and by whom.

export type TransitionRule<S extends string, A extends string> = {
  from: readonly S[];
  to: S;
  actors: readonly A[];
  needsReason?: boolean;
};

export type TransitionCheck<S extends string> =
  { ok: true; to: S } | { ok: false; reason: "WRONG_ACTOR" | "WRONG_STATE" | "REASON_REQUIRED" };

/** Pure: may `actor` apply `rule` to something in state `from`? The actor is checked first. */
export function checkTransition<S extends string, A extends string>(
  rule: TransitionRule<S, A>,
  from: S,
  actor: A,
  reason?: string | null,
): TransitionCheck<S> {
  if (!rule.actors.includes(actor)) return { ok: false, reason: "WRONG_ACTOR" };
  if (!rule.from.includes(from)) return { ok: false, reason: "WRONG_STATE" };
  if (rule.needsReason && !reason?.trim()) return { ok: false, reason: "REASON_REQUIRED" };
  return { ok: true, to: rule.to };
}

export function isOneOf<S extends string>(values: readonly S[], value: string): value is S {
  return (values as readonly string[]).includes(value);
}
