// The domain's input check: a zod schema's data, or a VALIDATION DomainError carrying its first
// (French) message.
import type { z } from "zod";
import { DomainError } from "./domain-error";

export function parseOrThrow<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new DomainError("VALIDATION", parsed.error.issues[0]?.message ?? "Requête invalide.");
  return parsed.data as z.output<S>;
}
