import { deleteSessionsExcept, findAccountOverview } from "./accounts.repo.server";
import { DomainError } from "#app/lib/domain-error";

export type AccountOverview = {
  email: string;
  displayName: string;
  kind: string;
  emailVerified: boolean;
  createdAt: Date;
  sessions: { id: string; createdAt: Date; expiresAt: Date; current: boolean }[];
};

const kindLabels: Record<string, string> = {
  BUSINESS: "Entreprise",
  SECRETARY: "Secrétaire",
  AGENCY_OWNER: "Cabinet de télésecrétariat",
  STAFF: "Équipe Permanence",
};
export const accountKindLabel = (kind: string) => kindLabels[kind] ?? kind;

/** What the account page shows: identity and open sessions, nothing else. */
export async function getAccountOverview(userId: string, currentSessionId: string): Promise<AccountOverview> {
  const user = await findAccountOverview(userId);
  if (!user) throw new DomainError("NOT_FOUND", "Ce compte est introuvable.");
  return {
    email: user.email,
    displayName: user.displayName,
    kind: user.kind,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt,
    // Session ids are secrets: the page only needs to tell the current one apart.
    sessions: user.sessions.map((s) => ({ ...s, id: s.id.slice(0, 6), current: s.id === currentSessionId })),
  };
}

/** "Se déconnecter partout ailleurs": keeps the session in use, ends every other. */
export async function endOtherSessions(userId: string, currentSessionId: string): Promise<number> {
  const { count } = await deleteSessionsExcept(userId, currentSessionId);
  return count;
}
