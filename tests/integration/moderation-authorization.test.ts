// Authorization matrix of the trust-and-safety routes and actions: anonymous visitors go to the
// login page, marketplace accounts get 403 and change nothing, moderators and admins act; staff
// accounts can only be suspended by an admin, and nobody suspends herself.
import { beforeAll, describe, expect, it } from "vitest";
import { canHandleReports, canHideListing, canSuspendUser } from "#app/domain/moderation/safety.policy";
import { reportMessage } from "#app/domain/reports/reports.server";
import { sendMessage } from "#app/domain/chat/chat.server";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import { db } from "#app/lib/db.server";
import * as staffMissionPage from "#app/routes/moderation+/missions.$missionId";
import * as reportsPage from "#app/routes/moderation+/signalements";
import * as accountPage from "#app/routes/moderation+/utilisateurs.$userId";
import { missionConversation, newClientId } from "#tests/factories/chat";
import { openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { createBusiness, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Role = "anonymous" | "business" | "secretary" | "moderator" | "admin";
const roles: Role[] = ["anonymous", "business", "secretary", "moderator", "admin"];
const users: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  users.business = (await createBusiness({ displayName: "Bea Business" })).id;
  users.secretary = (await publishedSecretary("Sara Secrétaire")).id;
  users.moderator = (await createStaff("MODERATOR")).id;
  users.admin = (await createStaff("ADMIN")).id;
});

const staff = (role: Role) => role === "moderator" || role === "admin";

function expectOutcome(role: Role, result: { status: number; location: string | null }, okStatus: number) {
  if (role === "anonymous") {
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/connexion\?redirectTo=/);
  } else if (staff(role)) expect(result.status).toBe(okStatus);
  else expect(result.status).toBe(403);
}

async function openReport() {
  resetMessageLimits();
  const parties = await missionConversation();
  const { message } = await sendMessage({
    actorId: parties.secretary.id,
    conversationId: parties.conversationId,
    clientId: newClientId(),
    body: "Message douteux",
  });
  return reportMessage({ actorId: parties.business.id, messageId: message.id, reason: "SPAM" });
}

describe.each(roles)("as %s", (role) => {
  const userId = () => users[role];

  it("GET /moderation/signalements", async () => {
    const result = await runRoute(
      reportsPage.loader,
      await getRequest("/moderation/signalements", { userId: userId() }),
    );
    expectOutcome(role, result, 200);
  });

  it("POST /moderation/signalements (dismiss)", async () => {
    const { reportId } = await openReport();
    const request = await formRequest(
      "/moderation/signalements",
      { intent: "dismiss", reportId, reason: "Rien" },
      { userId: userId() },
    );
    expectOutcome(role, await runRoute(reportsPage.action, request), 302);
    const status = (await db.report.findUniqueOrThrow({ where: { id: reportId } })).status;
    expect(status).toBe(staff(role) ? "DISMISSED" : "OPEN");
  });

  it("GET /moderation/utilisateurs/:userId", async () => {
    const target = await createBusiness();
    const request = await getRequest(`/moderation/utilisateurs/${target.id}`, { userId: userId() });
    expectOutcome(role, await runRoute(accountPage.loader, request, { userId: target.id }), 200);
  });

  it("POST /moderation/utilisateurs/:userId (suspend, then reinstate)", async () => {
    const target = await createBusiness();
    for (const intent of ["suspend", "reinstate"]) {
      const request = await formRequest(
        `/moderation/utilisateurs/${target.id}`,
        { intent, reason: "Contrôle" },
        { userId: userId() },
      );
      expectOutcome(role, await runRoute(accountPage.action, request, { userId: target.id }), 302);
    }
    expect(await db.auditLog.count({ where: { targetId: target.id } })).toBe(staff(role) ? 2 : 0);
  });

  it("POST /moderation/missions/:missionId (hide)", async () => {
    const { mission } = await openMissionWithBusiness();
    const request = await formRequest(
      `/moderation/missions/${mission.id}`,
      { intent: "hide", reason: "Contrôle" },
      { userId: userId() },
    );
    expectOutcome(role, await runRoute(staffMissionPage.action, request, { missionId: mission.id }), 302);
    const row = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(row.hiddenAt !== null).toBe(staff(role));
  });
});

describe("staff accounts are for admins only", () => {
  const suspend = async (actorId: string, targetId: string) =>
    runRoute(
      accountPage.action,
      await formRequest(
        `/moderation/utilisateurs/${targetId}`,
        { intent: "suspend", reason: "Test" },
        { userId: actorId },
      ),
      { userId: targetId },
    );

  it("a moderator cannot suspend a staff account nor herself; an admin can suspend a moderator", async () => {
    const other = await createStaff("MODERATOR");
    expect((await suspend(users.moderator!, other.id)).status).toBe(403);
    expect((await suspend(users.moderator!, users.moderator!)).status).toBe(403);
    expect((await suspend(users.admin!, users.admin!)).status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).suspendedAt).toBeNull();
    expect((await suspend(users.admin!, other.id)).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).suspendedAt).not.toBeNull();
  });

  it("the pure policy says the same", () => {
    const mod = { id: "m", role: "MODERATOR" };
    const adm = { id: "a", role: "ADMIN" };
    const user = { id: "u", role: "USER" };
    expect(canSuspendUser(mod, user)).toBe(true);
    expect(canSuspendUser(adm, user)).toBe(true);
    expect(canSuspendUser(mod, { id: "x", role: "ADMIN" })).toBe(false);
    expect(canSuspendUser(adm, { id: "x", role: "MODERATOR" })).toBe(true);
    expect(canSuspendUser(adm, adm)).toBe(false);
    expect(canSuspendUser({ ...mod, suspended: true }, user)).toBe(false);
    expect(canSuspendUser(user, { id: "v", role: "USER" })).toBe(false);
    expect([mod, adm, user].map((a) => [canHideListing(a), canHandleReports(a)])).toEqual([
      [true, true],
      [true, true],
      [false, false],
    ]);
  });
});
