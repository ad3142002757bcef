// Admin-only use cases of the staff console: the commission rate (frozen per contract) and staff
// accounts (create, change role, reset the second factor). Each change writes exactly one audit
// row; moderators are refused and nothing is written.
import { describe, expect, it } from "vitest";
import { verifyPassword } from "#app/auth/password.server";
import { startSession } from "#app/auth/session.server";
import { acceptProposal } from "#app/domain/contracts/contract-creation.server";
import { currentPlatformFeeBps, setPlatformFee } from "#app/domain/moderation/platform-settings.server";
import {
  changeStaffRole,
  createStaffMember,
  getStaffPage,
  resetStaffSecondFactor,
} from "#app/domain/moderation/staff-management.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { createLiveProposal, openMissionFor } from "#tests/factories/contract-proposals";
import { createBusiness, createSecretary, createStaff, uniqueEmail } from "#tests/factories/users";

async function refusal(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return (error as DomainError).message;
}

const auditRows = (where: { action?: string; targetId?: string } = {}) =>
  db.auditLog.findMany({
    where,
    select: { action: true, actorId: true, targetId: true, before: true, after: true },
  });

async function newContract() {
  const business = await createBusiness();
  const mission = await openMissionFor(business, { openings: 1, endDate: new Date("2027-03-31T00:00:00Z") });
  const secretary = await createSecretary({ status: "PUBLISHED" });
  const proposal = await createLiveProposal({
    missionId: mission.id,
    bidder: secretary,
    hourlyRateCents: 3000,
  });
  const { contractId } = await acceptProposal({ actorId: business.id, proposalId: proposal.id });
  return db.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { id: true, platformFeeBps: true },
  });
}

describe("platform fee", () => {
  it("applies a new rate to new contracts only, with one audit row", async () => {
    const admin = await createStaff("ADMIN");
    const before = await currentPlatformFeeBps();
    const existing = await newContract();
    expect(existing.platformFeeBps).toBe(before);

    await setPlatformFee({ actorId: admin.id, input: { percent: " 12,5 " } });
    expect(await currentPlatformFeeBps()).toBe(1250);
    const rows = await auditRows({ action: "PLATFORM_FEE_CHANGE" });
    expect(rows).toEqual([
      {
        action: "PLATFORM_FEE_CHANGE",
        actorId: admin.id,
        targetId: "PLATFORM_FEE_BPS",
        before: { platformFeeBps: before },
        after: { platformFeeBps: 1250 },
      },
    ]);

    expect((await newContract()).platformFeeBps).toBe(1250);
    const kept = await db.contract.findUniqueOrThrow({
      where: { id: existing.id },
      select: { platformFeeBps: true },
    });
    expect(kept.platformFeeBps).toBe(before);
  });

  it("refuses a moderator and writes nothing", async () => {
    const moderator = await createStaff("MODERATOR");
    const rate = await currentPlatformFeeBps();
    const auditCount = await db.auditLog.count();
    await refusal(setPlatformFee({ actorId: moderator.id, input: { percent: "5" } }), "FORBIDDEN");
    expect(await currentPlatformFeeBps()).toBe(rate);
    expect(await db.auditLog.count()).toBe(auditCount);
  });

  it.each(["abc", "-5", "50,5", "60", "", "10,555", "1e1"])("refuses %j in French", async (percent) => {
    const admin = await createStaff("ADMIN");
    const rate = await currentPlatformFeeBps();
    const message = await refusal(setPlatformFee({ actorId: admin.id, input: { percent } }), "VALIDATION");
    expect(message).toBe("Indiquez une commission entre 0 et 50 %, par exemple 10 ou 10,5.");
    expect(await currentPlatformFeeBps()).toBe(rate);
  });

  it("accepts the bounds 0 and 50 %", async () => {
    const admin = await createStaff("ADMIN");
    await setPlatformFee({ actorId: admin.id, input: { percent: "50" } });
    expect(await currentPlatformFeeBps()).toBe(5000);
    await setPlatformFee({ actorId: admin.id, input: { percent: "0" } });
    expect(await currentPlatformFeeBps()).toBe(0);
  });
});

describe("staff accounts", () => {
  it("lists staff with role, second factor and suspension, admins only", async () => {
    const admin = await createStaff("ADMIN", { displayName: "Alice Admin" });
    const moderator = await createStaff("MODERATOR", { displayName: "Marc Modo" });
    await db.user.update({
      where: { id: moderator.id },
      data: { totpEnabledAt: new Date(), totpSecret: "x" },
    });
    const page = await getStaffPage({ actorId: admin.id });
    expect(page.members.find((m) => m.id === moderator.id)).toMatchObject({
      displayName: "Marc Modo",
      role: "MODERATOR",
      totpEnrolled: true,
      suspended: false,
    });
    expect(page.members.some((m) => m.id === (admin.id as string))).toBe(true);
    await refusal(getStaffPage({ actorId: moderator.id }), "FORBIDDEN");
  });

  it("creates an account with a one-time password and one audit row by the admin", async () => {
    const admin = await createStaff("ADMIN");
    const email = uniqueEmail("nouvelle");
    const created = await createStaffMember({
      actorId: admin.id,
      input: { email, name: "Nina Nouvelle", role: "MODERATOR" },
    });
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, role: true, kind: true, passwordHash: true },
    });
    expect(user).toMatchObject({ role: "MODERATOR", kind: "STAFF" });
    expect(await verifyPassword(user.passwordHash, created.password)).toBe(true);
    expect(await auditRows({ targetId: user.id })).toEqual([
      {
        action: "STAFF_CREATE",
        actorId: admin.id,
        targetId: user.id,
        before: null,
        after: { role: "MODERATOR" },
      },
    ]);
    const again = createStaffMember({ actorId: admin.id, input: { email, name: "Nina", role: "ADMIN" } });
    await refusal(again, "CONFLICT");
    const moderator = await createStaff("MODERATOR");
    const byModerator = createStaffMember({
      actorId: moderator.id,
      input: { email: uniqueEmail("x"), role: "ADMIN" },
    });
    await refusal(byModerator, "FORBIDDEN");
  });

  it("changes a role with one audit row; refuses herself and moderators", async () => {
    const admin = await createStaff("ADMIN");
    const moderator = await createStaff("MODERATOR");
    await changeStaffRole({ actorId: admin.id, userId: moderator.id, role: "ADMIN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: moderator.id } })).role).toBe("ADMIN");
    expect(await auditRows({ targetId: moderator.id })).toEqual([
      {
        action: "STAFF_ROLE_CHANGE",
        actorId: admin.id,
        targetId: moderator.id,
        before: { role: "MODERATOR" },
        after: { role: "ADMIN" },
      },
    ]);
    await refusal(changeStaffRole({ actorId: admin.id, userId: admin.id, role: "MODERATOR" }), "CONFLICT");
    const other = await createStaff("MODERATOR");
    await refusal(changeStaffRole({ actorId: other.id, userId: admin.id, role: "MODERATOR" }), "FORBIDDEN");
    const business = await createBusiness();
    await refusal(changeStaffRole({ actorId: admin.id, userId: business.id, role: "ADMIN" }), "NOT_FOUND");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("always leaves an active admin: the last one cannot be demoted, by herself or a demoted peer", async () => {
    const alice = await createStaff("ADMIN");
    const bruno = await createStaff("ADMIN");
    await changeStaffRole({ actorId: alice.id, userId: bruno.id, role: "MODERATOR" });
    await refusal(changeStaffRole({ actorId: alice.id, userId: alice.id, role: "MODERATOR" }), "CONFLICT");
    await refusal(changeStaffRole({ actorId: bruno.id, userId: alice.id, role: "MODERATOR" }), "FORBIDDEN");
    // Concurrent demotions of each other: at most one wins.
    await changeStaffRole({ actorId: alice.id, userId: bruno.id, role: "ADMIN" });
    const outcomes = await Promise.allSettled([
      changeStaffRole({ actorId: alice.id, userId: bruno.id, role: "MODERATOR" }),
      changeStaffRole({ actorId: bruno.id, userId: alice.id, role: "MODERATOR" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const roles = await db.user.findMany({
      where: { id: { in: [alice.id, bruno.id] } },
      select: { role: true },
    });
    expect(roles.map((r) => r.role).sort()).toEqual(["ADMIN", "MODERATOR"]);
  });

  it("resets a member's second factor and sessions with one audit row", async () => {
    const admin = await createStaff("ADMIN");
    const member = await createStaff("MODERATOR");
    await db.user.update({
      where: { id: member.id },
      data: { totpEnabledAt: new Date(), totpSecret: "chiffré" },
    });
    await startSession(member.id);
    await resetStaffSecondFactor({ actorId: admin.id, userId: member.id });
    const user = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(user).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await db.session.count({ where: { userId: member.id } })).toBe(0);
    const rows = await auditRows({ targetId: member.id });
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([["STAFF_TOTP_RESET", admin.id]]);
    await refusal(resetStaffSecondFactor({ actorId: admin.id, userId: admin.id }), "CONFLICT");
    await refusal(resetStaffSecondFactor({ actorId: member.id, userId: admin.id }), "FORBIDDEN");
  });
});
