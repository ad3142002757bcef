import { db } from "#app/lib/db.server";

export function findTotpState(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, totpSecret: true, totpEnabledAt: true },
  });
}

/** Stores a pending secret (enrolment not confirmed yet) if the stored one is still `previous`. */
export async function storePendingSecret(
  userId: string,
  previous: string | null,
  encrypted: string,
): Promise<void> {
  await db.user.updateMany({
    where: { id: userId, totpSecret: previous, totpEnabledAt: null },
    data: { totpSecret: encrypted },
  });
}

/** Confirms the enrolment and marks the current session in one transaction. */
export async function enableTotp(userId: string, sessionId: string, at: Date): Promise<void> {
  await db.$transaction([
    db.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpEnabledAt: at } }),
    db.session.updateMany({ where: { id: sessionId, userId }, data: { secondFactorAt: at } }),
  ]);
}

export async function markSessionSecondFactor(userId: string, sessionId: string, at: Date): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, userId }, data: { secondFactorAt: at } });
}

/** Forgets the secret; every open session must pass the (new) second factor again. */
export async function clearTotp(userId: string): Promise<void> {
  await db.$transaction([
    db.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null },
      select: { id: true },
    }),
    db.session.updateMany({ where: { userId }, data: { secondFactorAt: null } }),
  ]);
}

export async function setEnabledSecret(userId: string, encrypted: string, at: Date): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: { totpSecret: encrypted, totpEnabledAt: at },
    select: { id: true },
  });
}
