// Staff accounts as admins see and change them from /moderation/equipe.
import { db, type Tx } from "#app/lib/db.server";

export async function findStaffActor(client: Tx | typeof db, userId: string) {
  return client.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, kind: true, suspendedAt: true },
  });
}

export async function listStaffRows() {
  return db.user.findMany({
    where: { kind: "STAFF", anonymizedAt: null },
    orderBy: [{ displayName: "asc" }, { email: "asc" }],
    select: {
      id: true,
      displayName: true,
      email: true,
      role: true,
      totpEnabledAt: true,
      suspendedAt: true,
    },
  });
}

export async function countActiveAdmins(tx: Tx): Promise<number> {
  return tx.user.count({ where: { kind: "STAFF", role: "ADMIN", suspendedAt: null, anonymizedAt: null } });
}

export async function setStaffRole(tx: Tx, userId: string, role: string) {
  await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true } });
}

/** Forgets the TOTP secret and signs the member out everywhere: the next login enrols again. */
export async function clearSecondFactor(tx: Tx, userId: string) {
  await tx.user.update({
    where: { id: userId },
    data: { totpSecret: null, totpEnabledAt: null },
    select: { id: true },
  });
  await tx.session.deleteMany({ where: { userId } });
}
