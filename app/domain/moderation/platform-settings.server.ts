// Platform settings admins change from the staff console: today the commission rate. A contract
// freezes the rate in force when it is created (Contract.platformFeeBps), so a change only applies
// to contracts created afterwards. Without a stored setting the environment gives the rate.
import { db, type Tx } from "#app/lib/db.server";
import { DomainError, forbidden } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";
import { recordAudit } from "./audit.server";
import { canManageStaff } from "./moderation.policy";
import { findSetting, PLATFORM_FEE_KEY, writeSetting } from "./platform-settings.repo.server";
import { platformFeeSchema, type PlatformFeeInput } from "./platform-settings.schema";
import { findStaffActor } from "./staff-management.repo.server";

/** The commission in basis points for a contract created now (pass the transaction that creates it). */
export async function currentPlatformFeeBps(client: Tx | typeof db = db): Promise<number> {
  const stored = await findSetting(client, PLATFORM_FEE_KEY);
  const bps = stored === null ? NaN : Number(stored);
  return Number.isInteger(bps) ? bps : getEnv().PLATFORM_FEE_BPS;
}

/** The actor, re-read from the database: only an active admin manages staff and fees. */
export async function assertAdmin(client: Tx | typeof db, actorId: string) {
  const actor = await findStaffActor(client, actorId);
  if (
    !actor ||
    actor.kind !== "STAFF" ||
    !canManageStaff({ ...actor, suspended: actor.suspendedAt !== null })
  )
    throw forbidden("Seul un administrateur peut faire cette action.");
  return actor;
}

/** Admins only: sets the rate for future contracts, with one audit row (before/after). */
export async function setPlatformFee({ actorId, input }: { actorId: string; input: PlatformFeeInput }) {
  await assertAdmin(db, actorId);
  const parsed = platformFeeSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0]!.message);
  const bps = parsed.data.percent;
  return db.$transaction(async (tx) => {
    const before = await currentPlatformFeeBps(tx);
    await writeSetting(tx, { key: PLATFORM_FEE_KEY, value: String(bps), updatedById: actorId });
    await recordAudit(tx, {
      actorId,
      action: "PLATFORM_FEE_CHANGE",
      targetType: "PlatformSetting",
      targetId: PLATFORM_FEE_KEY,
      before: { platformFeeBps: before },
      after: { platformFeeBps: bps },
    });
    return { platformFeeBps: bps };
  });
}
