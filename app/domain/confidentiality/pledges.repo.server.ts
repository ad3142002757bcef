// The only module reading or writing ConfidentialityPledge rows.
import { db, type Tx } from "#app/lib/db.server";

/** `client` lets a caller read inside its own transaction (accepting an offer checks the pledge there). */
export async function findPledge(userId: string, version: string, client: Tx = db) {
  return client.confidentialityPledge.findUnique({
    where: { userId_version: { userId, version } },
    select: { fullName: true, acceptedAt: true },
  });
}

export async function findSigner(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { kind: true, displayName: true } });
}

/** Signing twice is harmless: the first signature of a version is the one kept. */
export async function createPledgeOnce(userId: string, version: string, fullName: string) {
  await db.confidentialityPledge.upsert({
    where: { userId_version: { userId, version } },
    create: { userId, version, fullName },
    update: {},
  });
}

/** Of these users, those who signed this version. */
export async function findSignedUserIds(userIds: string[], version: string) {
  const rows = await db.confidentialityPledge.findMany({
    where: { userId: { in: userIds }, version },
    select: { userId: true },
  });
  return new Set(rows.map((row) => row.userId));
}
