// The only module that imports lucia (docs/decisions/004-lucia-isolation.md).
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { db } from "#app/lib/db.server";
import { secureCookies } from "#app/lib/env.server";

// @lucia-auth/adapter-prisma declares Prisma 4/5 only; the adapter contract is seven small
// queries, written here against our own client.
const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await db.session.findUnique({
      where: { id: sessionId },
      select: { id: true, userId: true, expiresAt: true, secondFactorAt: true, user: { select: userSelect } },
    });
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: { secondFactorAt: row.secondFactorAt },
    };
    const user: DatabaseUser = { id: row.user.id, attributes: row.user };
    return [session, user];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({
      where: { userId },
      select: { id: true, expiresAt: true, secondFactorAt: true },
    });
    return rows.map((r) => ({
      id: r.id,
      userId,
      expiresAt: r.expiresAt,
      attributes: { secondFactorAt: r.secondFactorAt },
    }));
  },
  async setSession(session) {
    await db.session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

const userSelect = {
  id: true,
  email: true,
  displayName: true,
  kind: true,
  role: true,
  emailVerifiedAt: true,
  suspendedAt: true,
  totpEnabledAt: true,
} as const;

type UserAttributes = {
  id: string;
  email: string;
  displayName: string;
  kind: string;
  role: string;
  emailVerifiedAt: Date | null;
  suspendedAt: Date | null;
  totpEnabledAt: Date | null;
};

type SessionAttributes = {
  /** When this session passed the staff second factor (TOTP); null until then. */
  secondFactorAt: Date | null;
};

export const lucia = new Lucia(adapter, {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: "permanence_session",
    expires: true,
    attributes: { secure: secureCookies(), sameSite: "lax" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    displayName: attributes.displayName,
    kind: attributes.kind,
    role: attributes.role,
    emailVerified: attributes.emailVerifiedAt !== null,
    suspended: attributes.suspendedAt !== null,
    totpEnrolled: attributes.totpEnabledAt !== null,
  }),
  getSessionAttributes: (attributes) => ({ secondFactorAt: attributes.secondFactorAt }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: UserAttributes;
    DatabaseSessionAttributes: SessionAttributes;
  }
}
