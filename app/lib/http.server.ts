import { data } from "@remix-run/node";
import { DomainError, type DomainErrorCode } from "./domain-error";

const statusByCode: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  VALIDATION: 400,
  RATE_LIMITED: 429,
};

/** Turns a DomainError into the thrown response an error boundary renders; rethrows anything else. */
export function toResponse(error: unknown): never {
  if (error instanceof DomainError) {
    throw data({ message: error.message, code: error.code }, { status: statusByCode[error.code] });
  }
  throw error;
}

/** Runs a domain call and maps its DomainError to a response (used by loaders and actions). */
export async function handle<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return toResponse(error);
  }
}

export function statusOf(error: DomainError): number {
  return statusByCode[error.code];
}
