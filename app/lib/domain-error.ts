export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "CONFLICT"
  | "INVALID_TRANSITION"
  | "VALIDATION"
  | "RATE_LIMITED";

/** What the domain throws; `app/lib/http.server.ts` turns it into a response with a French message. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what = "Cette page") => new DomainError("NOT_FOUND", `${what} est introuvable.`);
export const forbidden = (message = "Vous n’avez pas accès à cette page.") =>
  new DomainError("FORBIDDEN", message);
