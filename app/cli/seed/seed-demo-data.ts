// Fills an empty database with the demo accounts and realistic generated data; does nothing
// when any user exists, so `npm start` can call it on every start.
import { hashPassword } from "#app/auth/password.server";
import { enableTotpWithSecret } from "#app/auth/totp.server";
import { db } from "#app/lib/db.server";
import { demoAccounts, demoPassword, demoStaffTotpSecret } from "./demo-accounts";
import { seedDemoConversations } from "./demo-conversations";
import { insertPlan } from "./insert";
import { buildSeedPlan, type PlanOptions } from "./plan";
import type { SeedPlan } from "./plan-types";

export type SeedSummary = {
  created: boolean;
  users: number;
  secretaries: number;
  published: number;
  pendingReview: number;
  businesses: number;
  agencies: number;
  statusChanges: number;
  missions: number;
  openMissions: number;
  missionStatusChanges: number;
  proposals: number;
  contracts: number;
  workEntries: number;
  milestones: number;
  durationMs: number;
};

class AlreadySeeded extends Error {}

function summarize(plan: SeedPlan | null, durationMs: number): SeedSummary {
  const profiles = plan?.profiles ?? [];
  const organizations = plan?.organizations ?? [];
  return {
    created: plan !== null,
    users: plan?.users.length ?? 0,
    secretaries: profiles.length,
    published: profiles.filter((profile) => profile.status === "PUBLISHED").length,
    pendingReview: profiles.filter((profile) => profile.status === "PENDING_REVIEW").length,
    businesses: organizations.filter((organization) => organization.kind === "BUSINESS").length,
    agencies: organizations.filter((organization) => organization.kind === "AGENCY").length,
    statusChanges: plan?.statusChanges.length ?? 0,
    missions: plan?.missions.length ?? 0,
    openMissions: plan?.missions.filter((mission) => mission.status === "OPEN").length ?? 0,
    missionStatusChanges: plan?.missionStatusChanges.length ?? 0,
    proposals: plan?.proposals.length ?? 0,
    contracts: plan?.contracts.length ?? 0,
    workEntries: plan?.workEntries.length ?? 0,
    milestones: plan?.milestones.length ?? 0,
    durationMs,
  };
}

export async function databaseIsEmpty(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/**
 * One transaction for everything: a failed seed leaves an empty database (and the next start
 * tries again) rather than half the demo. The emptiness check is repeated inside it in case
 * two processes start at once.
 */
export async function seedDemoData(options: PlanOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  if (!(await databaseIsEmpty())) return summarize(null, 0);
  const plan = buildSeedPlan(options);
  // argon2 is slow on purpose: every demo account shares one hash of the same password.
  const passwordHash = await hashPassword(demoPassword);
  try {
    await db.$transaction(
      async (tx) => {
        if ((await tx.user.count()) > 0) throw new AlreadySeeded();
        await insertPlan(tx, plan, passwordHash);
      },
      { maxWait: 30_000, timeout: 15 * 60_000 },
    );
  } catch (error) {
    if (error instanceof AlreadySeeded) return summarize(null, 0);
    throw error;
  }
  // Through the chat domain, once the rows it reads (contract, members) are committed.
  await seedDemoConversations();
  await enrolDemoStaff();
  return summarize(plan, Math.round(performance.now() - started));
}

/** The demo staff are already enrolled in the TOTP second factor, with the documented demo secret. */
async function enrolDemoStaff() {
  const emails = [demoAccounts.moderation.email, demoAccounts.admin.email];
  const staff = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  for (const { id } of staff) await enableTotpWithSecret(id, demoStaffTotpSecret);
}
