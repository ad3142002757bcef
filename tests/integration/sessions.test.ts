import { describe, expect, it } from "vitest";
import { getOptionalUser } from "#app/auth/session.server";
import { db } from "#app/lib/db.server";
import * as login from "#app/routes/_auth+/connexion";
import * as logout from "#app/routes/_auth+/deconnexion";
import * as account from "#app/routes/compte+/_index";
import * as accountLayout from "#app/routes/compte+/_layout";
import * as root from "#app/root";
import { createBusiness, createSecretary, defaultPassword } from "#tests/factories/users";
import { cookiePair, formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

async function loginCookie(email: string) {
  const result = await runRoute(login.action, await formRequest("/connexion", { email, password: defaultPassword }));
  return cookiePair(result.headers.get("Set-Cookie")!);
}

describe("sessions", () => {
  it("ignores a tampered or unknown session cookie", async () => {
    const user = await createBusiness();
    const good = await loginCookie(user.email);
    const tampered = good.replace(/.$/, (c) => (c === "a" ? "b" : "a"));
    expect(await getOptionalUser(await getRequest("/", { cookies: [good] }))).toMatchObject({ id: user.id });
    expect(await getOptionalUser(await getRequest("/", { cookies: [tampered] }))).toBeNull();
    const page = await runRoute(accountLayout.loader, await getRequest("/compte", { cookies: [tampered] }));
    expect(page.status).toBe(302);
    expect(page.location).toBe("/connexion?redirectTo=%2Fcompte");
  });

  it("gives a new session id at each login (no fixation) and logout ends it", async () => {
    const user = await createBusiness();
    const first = await loginCookie(user.email);
    const second = await loginCookie(user.email);
    expect(first).not.toBe(second);
    const out = await runRoute(logout.action, await formRequest("/deconnexion", {}, { cookies: [second] }));
    expect(out.location).toBe("/");
    expect(await getOptionalUser(await getRequest("/", { cookies: [second] }))).toBeNull();
    expect(await getOptionalUser(await getRequest("/", { cookies: [first] }))).not.toBeNull();
  });

  it("ends every other session from the account page", async () => {
    const user = await createBusiness();
    const [a, b, c] = [await loginCookie(user.email), await loginCookie(user.email), await loginCookie(user.email)];
    const page = await runRoute(account.loader, await getRequest("/compte", { cookies: [c] }));
    expect(page.data.sessions).toHaveLength(3);
    expect(page.data.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(JSON.stringify(page.data)).not.toContain(c.split("=")[1]);
    const result = await runRoute(account.action, await formRequest("/compte", { intent: "end-other-sessions" }, { cookies: [c] }));
    expect(result.data.message).toBe("2 autres sessions fermées.");
    expect(await getOptionalUser(await getRequest("/", { cookies: [a] }))).toBeNull();
    expect(await getOptionalUser(await getRequest("/", { cookies: [b] }))).toBeNull();
    expect(await getOptionalUser(await getRequest("/", { cookies: [c] }))).not.toBeNull();
  });

  it("drops the session of a user suspended after logging in", async () => {
    const user = await createSecretary();
    const cookie = await loginCookie(user.email);
    await db.user.update({ where: { id: user.id }, data: { suspendedAt: new Date() } });
    expect(await getOptionalUser(await getRequest("/", { cookies: [cookie] }))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("does not count successful logins toward the limit", async () => {
    const user = await createBusiness();
    for (let i = 0; i < 25; i++) {
      const result = await runRoute(login.action, await formRequest("/connexion", { email: user.email, password: defaultPassword }));
      expect(result.status).toBe(302);
    }
  });

  it("does not let parallel guesses slip past the limit", async () => {
    const user = await createBusiness();
    const guesses = await Promise.all(
      Array.from({ length: 12 }, async () =>
        runRoute(login.action, await formRequest("/connexion", { email: user.email, password: "mauvais-mot-de-passe" })),
      ),
    );
    expect(guesses.filter((g) => g.status === 400)).toHaveLength(5);
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(7);
  });

  it("exposes only a small user DTO to the page", async () => {
    const user = await createBusiness();
    const result = await runRoute(root.loader, await getRequest("/", { userId: user.id }));
    expect(Object.keys(result.data.user).sort()).toEqual(["displayName", "emailVerified", "id", "isStaff", "kind"]);
    expect(JSON.stringify(result.data)).not.toMatch(/argon2|passwordHash/);
  });
});
