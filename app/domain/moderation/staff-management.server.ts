// Admins manage the staff from the console: list, create (the one-time password is shown once,
// as the command prints it), change a role, reset a lost second factor. Each change writes exactly
// one audit row. An admin never demotes or resets herself, and the last active admin stays one.
import { db } from "#app/lib/db.server";
import { DomainError, notFound } from "#app/lib/domain-error";
import { recordAudit } from "./audit.server";
import { assertAdmin, currentPlatformFeeBps } from "./platform-settings.server";
import { createStaffAccount } from "./staff-accounts.server";
import type { StaffAccountInput, StaffRoleName } from "./staff-accounts.schema";
import * as repo from "./staff-management.repo.server";
import type { StaffMemberRow } from "./staff-management.schema";

export async function getStaffPage({ actorId }: { actorId: string }) {
  await assertAdmin(db, actorId);
  const rows = await repo.listStaffRows();
  const members: StaffMemberRow[] = rows.map((row) => ({
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    totpEnrolled: row.totpEnabledAt !== null,
    suspended: row.suspendedAt !== null,
  }));
  return { members, selfId: actorId, platformFeeBps: await currentPlatformFeeBps() };
}

export async function createStaffMember({ actorId, input }: { actorId: string; input: StaffAccountInput }) {
  await assertAdmin(db, actorId);
  const account = await createStaffAccount(input, { actorId, createOnly: true });
  return { userId: account.userId, email: account.email, role: account.role, password: account.password };
}

async function loadMember(tx: Parameters<typeof repo.findStaffActor>[0], userId: string) {
  const member = await repo.findStaffActor(tx, userId);
  if (!member || member.kind !== "STAFF") throw notFound("Ce membre de l’équipe");
  return member;
}

export async function changeStaffRole(input: { actorId: string; userId: string; role: StaffRoleName }) {
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, input.actorId);
    if (input.userId === input.actorId)
      throw new DomainError(
        "CONFLICT",
        "Vous ne pouvez pas changer votre propre rôle : demandez à un autre administrateur.",
      );
    const member = await loadMember(tx, input.userId);
    if (member.role === input.role) throw new DomainError("CONFLICT", "Ce membre a déjà ce rôle.");
    if (member.role === "ADMIN" && member.suspendedAt === null && (await repo.countActiveAdmins(tx)) <= 1)
      throw new DomainError("CONFLICT", "C’est le dernier administrateur : nommez-en un autre avant.");
    await repo.setStaffRole(tx, member.id, input.role);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "STAFF_ROLE_CHANGE",
      targetType: "User",
      targetId: member.id,
      before: { role: member.role },
      after: { role: input.role },
    });
    return { role: input.role };
  });
}

export async function resetStaffSecondFactor(input: { actorId: string; userId: string }) {
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, input.actorId);
    if (input.userId === input.actorId)
      throw new DomainError(
        "CONFLICT",
        "Vous ne pouvez pas réinitialiser votre propre double authentification.",
      );
    const member = await loadMember(tx, input.userId);
    await repo.clearSecondFactor(tx, member.id);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "STAFF_TOTP_RESET",
      targetType: "User",
      targetId: member.id,
      reason: "Double authentification réinitialisée, sessions fermées",
    });
  });
}

/** For routes: refuses (FORBIDDEN) anyone but an active admin before reading the form. */
export async function ensureCanManageStaff(actorId: string): Promise<void> {
  await assertAdmin(db, actorId);
}
