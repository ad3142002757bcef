import { redirect } from "@remix-run/node";
import type { Session, User } from "lucia";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { lucia } from "./lucia.server";
import { secondFactorPaths, secondFactorUrl } from "./second-factor-paths";

export type SessionUser = User;
export type StaffRole = "MODERATOR" | "ADMIN";

type SessionLookup = { user: User; session: Session; refreshedCookie?: string } | null;

/** Reads the session cookie; a tampered, expired or revoked id simply yields no user. */
export async function getSessionUser(request: Request): Promise<SessionLookup> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return null;
  if (user.suspended) {
    await lucia.invalidateSession(session.id);
    return null;
  }
  const refreshedCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined;
  return { user, session, refreshedCookie };
}

export async function getOptionalUser(request: Request): Promise<User | null> {
  return (await getSessionUser(request))?.user ?? null;
}

/** Sends anonymous visitors to the login page, then back where they were going. */
export async function requireUser(request: Request): Promise<User> {
  return (await requireSession(request)).user;
}

async function requireSession(request: Request): Promise<NonNullable<SessionLookup>> {
  const found = await getSessionUser(request);
  if (found) return found;
  throw redirect(`/connexion?${new URLSearchParams({ redirectTo: pathOf(request) })}`);
}

const pathOf = (request: Request) => {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
};

/**
 * Staff only, and only once this session passed the TOTP second factor: a staff session without
 * it is sent to enrol (no secret yet) or to type a code, then back here.
 */
export async function requireStaff(request: Request): Promise<User & { role: StaffRole }> {
  const { user, session } = await requireSession(request);
  if (!isStaff(user)) throw new DomainError("FORBIDDEN", "Cette page est réservée à l’équipe de modération.");
  if (!session.secondFactorAt) {
    const path = user.totpEnrolled ? secondFactorPaths.verify : secondFactorPaths.enrol;
    throw redirect(secondFactorUrl(path, request.method === "GET" ? pathOf(request) : "/moderation"));
  }
  return user as User & { role: StaffRole };
}

/** The second-factor pages: a signed-in staff member, whether or not this session passed it. */
export async function requireStaffSession(request: Request) {
  const { user, session } = await requireSession(request);
  if (!isStaff(user)) throw redirect("/tableau-de-bord");
  return { user, sessionId: session.id, secondFactorDone: session.secondFactorAt !== null };
}

export function isStaff(user: Pick<User, "role">): boolean {
  return user.role === "MODERATOR" || user.role === "ADMIN";
}

/** Opens a new session (a fresh id at every login prevents session fixation). */
export async function startSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, { secondFactorAt: null });
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** "Log out everywhere", and what a password reset does. */
export async function revokeAllSessions(userId: string): Promise<void> {
  await lucia.invalidateUserSessions(userId);
}

export async function listSessions(userId: string) {
  return lucia.getUserSessions(userId);
}

/** For the socket.io handshake, which has a cookie header but no Request. */
export async function userFromCookieHeader(cookieHeader: string | undefined): Promise<User | null> {
  const sessionId = lucia.readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return null;
  const { user } = await lucia.validateSession(sessionId);
  return user && !user.suspended ? user : null;
}

/** The session id a socket's handshake cookie carries (not validated). */
export function sessionIdFromCookieHeader(cookieHeader: string | undefined): string | null {
  return lucia.readSessionCookie(cookieHeader ?? "");
}

/**
 * Which of these sessions are still alive — not expired, not revoked, their user not suspended — in
 * one query and without extending any: the socket server's periodic sweep of idle sockets.
 */
export async function liveSessionIds(sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db.session.findMany({
    where: { id: { in: sessionIds }, expiresAt: { gt: new Date() }, user: { suspendedAt: null } },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

/**
 * Whether this session is still this user's and alive — not expired, not revoked, the user not
 * suspended — in one primary-key read, without extending it: the socket's per-event re-check.
 */
export async function isSessionLive(sessionId: string, userId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ live: number | bigint }[]>`
    SELECT 1 AS "live" FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId} AND s."userId" = ${userId}
      AND s."expiresAt" > ${new Date()} AND u."suspendedAt" IS NULL`;
  return rows.length > 0;
}
