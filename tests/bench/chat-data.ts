// bench:chat data: N users in N/2 pairs, each pair a business (her own organization and OPEN
// mission) and a secretary in the mission conversation of her bid, each user signed in once.
// Rows are written in bulk; conversations are opened and sessions started through the app.
import crypto from "node:crypto";
import { startSession } from "#app/auth/session.server";
import { openMissionConversation } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";

export type BenchPair = { business: number; secretary: number; conversationId: string };
export type BenchData = { userIds: string[]; cookies: string[]; pairs: BenchPair[] };

const rowId = () => `c${crypto.randomBytes(16).toString("hex").slice(0, 24)}`;
const CHUNK = 500;

async function inChunks<T>(items: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += CHUNK) await write(items.slice(i, i + CHUNK));
}

async function writePeople(pairCount: number) {
  const now = new Date();
  const userIds = Array.from({ length: pairCount * 2 }, () => crypto.randomUUID());
  const users = userIds.map((id, i) => ({
    id,
    email: `bench-${i}-${id.slice(0, 8)}@exemple.fr`,
    passwordHash: "bench (pas de connexion par mot de passe)",
    displayName: i % 2 === 0 ? `Cabinet ${i}` : `Secrétaire ${i}`,
    kind: i % 2 === 0 ? "BUSINESS" : "SECRETARY",
    emailVerifiedAt: now,
  }));
  await inChunks(users, (data) => db.user.createMany({ data }));
  const orgs = Array.from({ length: pairCount }, (_, p) => ({
    id: rowId(),
    kind: "BUSINESS",
    name: `Cabinet ${p}`,
    slug: `bench-cabinet-${p}-${crypto.randomUUID().slice(0, 6)}`,
  }));
  await inChunks(orgs, (data) => db.organization.createMany({ data }));
  await inChunks(
    orgs.map((org, p) => ({ userId: userIds[2 * p]!, organizationId: org.id, role: "OWNER" })),
    (data) => db.membership.createMany({ data }),
  );
  const missions = orgs.map((org, p) => ({
    id: rowId(),
    organizationId: org.id,
    createdById: userIds[2 * p]!,
    status: "OPEN",
    title: "Accueil téléphonique",
    description: "Prendre les appels et les rendez-vous.",
    billingMode: "HOURLY",
    maxHourlyRateCents: 3000,
    scheduleType: "ONE_OFF",
    startDate: now,
    workMode: "REMOTE",
    submittedAt: now,
    publishedAt: now,
  }));
  await inChunks(missions, (data) => db.mission.createMany({ data }));
  return { userIds, missionIds: missions.map((m) => m.id) };
}

export async function createBenchData(userCount: number): Promise<BenchData> {
  const pairCount = Math.ceil(userCount / 2);
  const { userIds, missionIds } = await writePeople(pairCount);
  const pairs: BenchPair[] = [];
  for (let p = 0; p < pairCount; p += 100) {
    const opened = await db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (let q = p; q < Math.min(p + 100, pairCount); q++) {
        ids.push(
          (
            await openMissionConversation(tx, {
              missionId: missionIds[q]!,
              bidderKey: `user:${userIds[2 * q + 1]}`,
            })
          ).id,
        );
      }
      return ids;
    });
    opened.forEach((conversationId, k) =>
      pairs.push({ business: 2 * (p + k), secretary: 2 * (p + k) + 1, conversationId }),
    );
  }
  const cookies: string[] = [];
  for (let i = 0; i < userIds.length; i += 50) {
    const batch = await Promise.all(userIds.slice(i, i + 50).map((id) => startSession(id)));
    cookies.push(...batch.map((setCookie) => setCookie.split(";")[0]!));
  }
  return { userIds, cookies, pairs };
}
