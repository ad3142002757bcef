// Authorization matrix of /moderation/equipe (staff accounts and the commission): anonymous
// visitors go to the login page, marketplace accounts and moderators get 403 and change nothing,
// admins see the page and act.
import { beforeAll, describe, expect, it } from "vitest";
import { currentPlatformFeeBps } from "#app/domain/moderation/platform-settings.server";
import { db } from "#app/lib/db.server";
import * as indexPage from "#app/routes/moderation+/_index";
import * as staffPage from "#app/routes/moderation+/equipe";
import { publishedSecretary } from "#tests/factories/proposals";
import { createBusiness, createStaff, uniqueEmail } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Role = "anonymous" | "business" | "secretary" | "moderator" | "admin";
const roles: Role[] = ["anonymous", "business", "secretary", "moderator", "admin"];
const users: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  users.business = (await createBusiness()).id;
  users.secretary = (await publishedSecretary("Sara Secrétaire")).id;
  users.moderator = (await createStaff("MODERATOR")).id;
  users.admin = (await createStaff("ADMIN")).id;
});

function expectOutcome(role: Role, result: { status: number; location: string | null }, okStatus: number) {
  if (role === "anonymous") {
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/connexion\?redirectTo=/);
  } else if (role === "admin") expect(result.status).toBe(okStatus);
  else expect(result.status).toBe(403);
}

const post = (fields: Record<string, string>, role: Role) =>
  formRequest("/moderation/equipe", fields, { userId: users[role] });

describe.each(roles)("as %s", (role) => {
  it("GET /moderation/equipe", async () => {
    const result = await runRoute(
      staffPage.loader,
      await getRequest("/moderation/equipe", { userId: users[role] }),
    );
    expectOutcome(role, result, 200);
    if (role === "admin") expect(result.data.members.length).toBeGreaterThanOrEqual(2);
  });

  it("POST create", async () => {
    const email = uniqueEmail("equipe");
    const result = await runRoute(
      staffPage.action,
      await post({ intent: "create", email, name: "Zoé Zen", role: "MODERATOR" }, role),
    );
    expectOutcome(role, result, 200);
    const created = await db.user.findUnique({ where: { email }, select: { role: true } });
    if (role === "admin") {
      expect(created?.role).toBe("MODERATOR");
      expect(result.data.created.password.length).toBeGreaterThanOrEqual(20);
    } else expect(created).toBeNull();
  });

  it("POST role", async () => {
    const target = await createStaff("MODERATOR");
    const result = await runRoute(
      staffPage.action,
      await post({ intent: "role", userId: target.id, role: "ADMIN" }, role),
    );
    expectOutcome(role, result, 302);
    const after = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true } });
    expect(after.role).toBe(role === "admin" ? "ADMIN" : "MODERATOR");
  });

  it("POST reset-totp", async () => {
    const target = await createStaff("MODERATOR");
    await db.user.update({ where: { id: target.id }, data: { totpEnabledAt: new Date(), totpSecret: "s" } });
    const result = await runRoute(
      staffPage.action,
      await post({ intent: "reset-totp", userId: target.id }, role),
    );
    expectOutcome(role, result, 302);
    const after = await db.user.findUniqueOrThrow({
      where: { id: target.id },
      select: { totpEnabledAt: true },
    });
    expect(after.totpEnabledAt === null).toBe(role === "admin");
  });

  it("POST fee", async () => {
    const before = await currentPlatformFeeBps();
    const percent = role === "admin" ? "7,25" : "3";
    const result = await runRoute(staffPage.action, await post({ intent: "fee", percent }, role));
    expectOutcome(role, result, 302);
    expect(await currentPlatformFeeBps()).toBe(role === "admin" ? 725 : before);
  });
});

describe("admin page details", () => {
  it("answers bad input in French without writing", async () => {
    const before = await currentPlatformFeeBps();
    const result = await runRoute(staffPage.action, await post({ intent: "fee", percent: "-3" }, "admin"));
    expect(result.status).toBe(400);
    expect(result.data.error).toBe("Indiquez une commission entre 0 et 50 %, par exemple 10 ou 10,5.");
    expect(await currentPlatformFeeBps()).toBe(before);
    const self = await runRoute(
      staffPage.action,
      await post({ intent: "role", userId: users.admin!, role: "MODERATOR" }, "admin"),
    );
    expect(self.status).toBe(409);
  });

  it("refuses a POST without the CSRF token", async () => {
    const request = await formRequest(
      "/moderation/equipe",
      { intent: "fee", percent: "9" },
      { userId: users.admin, csrf: false },
    );
    const result = await runRoute(staffPage.action, request);
    expect(result.status).toBe(403);
  });

  it("links the page from the queue for admins only", async () => {
    const asAdmin = await runRoute(
      indexPage.loader,
      await getRequest("/moderation", { userId: users.admin }),
    );
    const asModerator = await runRoute(
      indexPage.loader,
      await getRequest("/moderation", { userId: users.moderator }),
    );
    expect([asAdmin.data.isAdmin, asModerator.data.isAdmin]).toEqual([true, false]);
  });
});
