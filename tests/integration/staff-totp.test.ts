// Staff TOTP second factor: enrolment at the first login, verification on later sessions, wrong
// and reused codes refused in French without changing anything, the ±1 step window, the rate
// limit, the secret encrypted at rest — and marketplace accounts untouched.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decryptTotpSecret, encryptTotpSecret } from "#app/auth/totp-crypto.server";
import { currentTotpCode, enableTotpWithSecret, forgetUsedTotpSteps } from "#app/auth/totp.server";
import { demoStaffTotpSecret } from "#app/cli/seed/demo-accounts";
import { db } from "#app/lib/db.server";
import { resetAllLimits } from "#app/lib/rate-limit.server";
import * as loginPage from "#app/routes/_auth+/connexion";
import * as verifyPage from "#app/routes/_auth+/connexion_.double-authentification";
import * as enrolPage from "#app/routes/_auth+/connexion_.double-authentification_.activation";
import * as moderationHome from "#app/routes/moderation+/_index";
import { createBusiness, createStaff, defaultPassword } from "#tests/factories/users";
import { formRequest, getRequest, sessionCookie } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const secret = demoStaffTotpSecret;
const wrongCode =
  "Ce code n’est pas valide. Vérifiez que l’heure de votre téléphone est juste et saisissez le code affiché.";

beforeEach(() => {
  resetAllLimits();
  forgetUsedTotpSteps();
});
afterEach(() => vi.useRealTimers());

/** A fresh password-only staff session: its cookie and its id. */
async function freshSession(userId: string) {
  const cookie = await sessionCookie(userId, { secondFactor: false });
  return { cookie, id: cookie.slice(cookie.indexOf("=") + 1) };
}

const secondFactorAt = async (sessionId: string) =>
  (await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { secondFactorAt: true } }))
    .secondFactorAt;
const totpState = (userId: string) =>
  db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });

async function enrolledStaff() {
  const staff = await createStaff("MODERATOR");
  await enableTotpWithSecret(staff.id, secret);
  return staff;
}

async function postCode(
  page: typeof verifyPage | typeof enrolPage,
  path: string,
  cookie: string,
  code: string,
) {
  const request = await formRequest(path, { code, redirectTo: "/moderation/journal" }, { cookies: [cookie] });
  return runRoute(page.action, request);
}

describe("password login", () => {
  it("sends staff to enrol, then (once enrolled) to the code page; others to their dashboard", async () => {
    const staff = await createStaff("ADMIN");
    const business = await createBusiness();
    const login = async (email: string) =>
      runRoute(
        loginPage.action,
        await formRequest("/connexion", { email, password: defaultPassword, redirectTo: "" }),
      );
    expect((await login(staff.email)).location).toBe(
      "/connexion/double-authentification/activation?redirectTo=%2Ftableau-de-bord",
    );
    await enableTotpWithSecret(staff.id, secret);
    expect((await login(staff.email)).location).toBe(
      "/connexion/double-authentification?redirectTo=%2Ftableau-de-bord",
    );
    expect((await login(business.email)).location).toBe("/tableau-de-bord");
  });
});

describe("enrolment", () => {
  it("shows a QR code and a secret stored encrypted, the same on reload", async () => {
    const staff = await createStaff();
    const { cookie } = await freshSession(staff.id);
    const page = await runRoute(
      enrolPage.loader,
      await getRequest("/connexion/double-authentification/activation", { cookies: [cookie] }),
    );
    expect(page.status).toBe(200);
    expect(page.data.qrSvg).toContain("<svg");
    expect(page.data.secret).toMatch(/^[A-Z2-7]{32}$/);
    const stored = await totpState(staff.id);
    expect(stored.totpEnabledAt).toBeNull();
    expect(stored.totpSecret).not.toContain(page.data.secret);
    expect(decryptTotpSecret(stored.totpSecret!, staff.id)).toBe(page.data.secret);
    const again = await runRoute(
      enrolPage.loader,
      await getRequest("/connexion/double-authentification/activation", { cookies: [cookie] }),
    );
    expect(again.data.secret).toBe(page.data.secret);
  });

  it("refuses a wrong code in French and changes nothing; the right code enables it for this session", async () => {
    const staff = await createStaff();
    const session = await freshSession(staff.id);
    const path = "/connexion/double-authentification/activation";
    const { data } = await runRoute(enrolPage.loader, await getRequest(path, { cookies: [session.cookie] }));
    const good = await currentTotpCode(data.secret);
    const bad = good === "000000" ? "111111" : "000000";
    const refused = await postCode(enrolPage, path, session.cookie, bad);
    expect(refused.status).toBe(400);
    expect(refused.data.error[""]).toEqual([wrongCode]);
    expect((await totpState(staff.id)).totpEnabledAt).toBeNull();
    expect(await secondFactorAt(session.id)).toBeNull();

    const accepted = await postCode(enrolPage, path, session.cookie, good.replace(/(\d{3})/, "$1 "));
    expect(accepted).toMatchObject({ status: 302, location: "/moderation/journal" });
    expect((await totpState(staff.id)).totpEnabledAt).toBeInstanceOf(Date);
    expect(await secondFactorAt(session.id)).toBeInstanceOf(Date);
    const home = await runRoute(
      moderationHome.loader,
      await getRequest("/moderation", { cookies: [session.cookie] }),
    );
    expect(home.status).toBe(200);
  });

  it("sends an enrolled account to the code page instead", async () => {
    const staff = await enrolledStaff();
    const { cookie } = await freshSession(staff.id);
    const page = await runRoute(
      enrolPage.loader,
      await getRequest("/connexion/double-authentification/activation", { cookies: [cookie] }),
    );
    expect(page.location).toBe("/connexion/double-authentification?redirectTo=%2Fmoderation");
  });
});

describe("verification", () => {
  const path = "/connexion/double-authentification";

  it("refuses a wrong code, accepts the right one, marks only this session", async () => {
    const staff = await enrolledStaff();
    const session = await freshSession(staff.id);
    const other = await freshSession(staff.id);
    expect(
      (await runRoute(verifyPage.loader, await getRequest(path, { cookies: [session.cookie] }))).status,
    ).toBe(200);
    const good = await currentTotpCode(secret);
    const refused = await postCode(verifyPage, path, session.cookie, good === "123456" ? "654321" : "123456");
    expect(refused.status).toBe(400);
    expect(refused.data.error[""]).toEqual([wrongCode]);
    expect(await secondFactorAt(session.id)).toBeNull();

    expect(await postCode(verifyPage, path, session.cookie, good)).toMatchObject({
      status: 302,
      location: "/moderation/journal",
    });
    expect(await secondFactorAt(session.id)).toBeInstanceOf(Date);
    expect(await secondFactorAt(other.id)).toBeNull();
  });

  it("refuses a code already used, even from another session", async () => {
    const staff = await enrolledStaff();
    const first = await freshSession(staff.id);
    const second = await freshSession(staff.id);
    const code = await currentTotpCode(secret);
    expect((await postCode(verifyPage, path, first.cookie, code)).status).toBe(302);
    const replay = await postCode(verifyPage, path, second.cookie, code);
    expect(replay.status).toBe(400);
    expect(replay.data.error[""][0]).toMatch(/^Ce code vient déjà d’être utilisé/);
    expect(await secondFactorAt(second.id)).toBeNull();
  });

  it("does not count reused codes toward the rate limit", async () => {
    const staff = await enrolledStaff();
    const code = await currentTotpCode(secret);
    expect((await postCode(verifyPage, path, (await freshSession(staff.id)).cookie, code)).status).toBe(302);
    const second = await freshSession(staff.id);
    for (let attempt = 0; attempt < 7; attempt++) {
      expect((await postCode(verifyPage, path, second.cookie, code)).status).toBe(400);
    }
  });

  it("accepts the previous step's code but not an older one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-29T10:00:05Z"));
    const staff = await enrolledStaff();
    const code = await currentTotpCode(secret);
    vi.setSystemTime(new Date("2026-11-29T10:01:05Z"));
    const late = await freshSession(staff.id);
    expect((await postCode(verifyPage, path, late.cookie, code)).status).toBe(400);
    vi.setSystemTime(new Date("2026-11-29T10:00:35Z"));
    const inWindow = await freshSession(staff.id);
    expect((await postCode(verifyPage, path, inWindow.cookie, code)).status).toBe(302);
  });

  it("blocks after 5 tries in French, even with the right code", async () => {
    const staff = await enrolledStaff();
    const session = await freshSession(staff.id);
    const good = await currentTotpCode(secret);
    const bad = good === "000000" ? "111111" : "000000";
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await postCode(verifyPage, path, session.cookie, bad)).status).toBe(400);
    }
    const blocked = await postCode(verifyPage, path, session.cookie, good);
    expect(blocked.status).toBe(429);
    expect(blocked.data.error[""][0]).toMatch(/^Trop de tentatives\. Réessayez dans 15 minutes\./);
    expect(await secondFactorAt(session.id)).toBeNull();
  });

  it("refuses a malformed code without spending the check", async () => {
    const staff = await enrolledStaff();
    const session = await freshSession(staff.id);
    const result = await postCode(verifyPage, path, session.cookie, "12ab56");
    expect(result.status).toBe(400);
    expect(result.data.error.code).toEqual(["Le code comporte 6 chiffres, sans lettres."]);
  });

  it("rejects a post without CSRF token", async () => {
    const staff = await enrolledStaff();
    const session = await freshSession(staff.id);
    const request = await formRequest(
      path,
      { code: await currentTotpCode(secret) },
      { cookies: [session.cookie], csrf: false },
    );
    expect((await runRoute(verifyPage.action, request)).status).toBe(403);
    expect(await secondFactorAt(session.id)).toBeNull();
  });
});

describe("who the pages are for", () => {
  it("sends anonymous visitors to login and marketplace accounts to their dashboard", async () => {
    const anonymous = await runRoute(
      verifyPage.loader,
      await getRequest("/connexion/double-authentification"),
    );
    expect(anonymous.location).toMatch(/^\/connexion\?redirectTo=/);
    const business = await createBusiness();
    for (const page of [verifyPage, enrolPage]) {
      const request = await getRequest("/connexion/double-authentification", {
        userId: business.id,
        secondFactor: false,
      });
      expect((await runRoute(page.loader, request)).location).toBe("/tableau-de-bord");
    }
  });
});

describe("secret at rest", () => {
  it("is bound to its account", () => {
    const sealed = encryptTotpSecret(secret, "user-a");
    expect(sealed).not.toContain(secret);
    expect(decryptTotpSecret(sealed, "user-a")).toBe(secret);
    expect(decryptTotpSecret(sealed, "user-b")).toBeNull();
    expect(decryptTotpSecret("v1.garbage", "user-a")).toBeNull();
  });
});
