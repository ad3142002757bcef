// Concurrent writers on one contract or one mission: whatever the database says when the loser
// arrives (unique index on Contract.proposalId, SQLite refusing a stale write transaction), the
// user gets the same French CONFLICT and nothing of the losing transaction was written.
import { Prisma } from "#app/generated/prisma/client.ts";
import { isUniqueConstraintError } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";

export const CONCURRENT_WRITE_MESSAGE =
  "Quelqu’un vient de faire la même action au même moment : rechargez la page pour voir le résultat.";

function isBusyError(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return true;
  const text = error instanceof Error ? error.message : String(error);
  return /SQLITE_BUSY|database is locked|write conflict/i.test(text);
}

export function asWriteConflict(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (isUniqueConstraintError(error) || isBusyError(error))
    return new DomainError("CONFLICT", CONCURRENT_WRITE_MESSAGE);
  return error;
}
