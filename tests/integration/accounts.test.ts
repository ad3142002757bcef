import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import { listCapturedMail } from "#app/lib/mail.server";
import * as login from "#app/routes/_auth+/connexion";
import * as signup from "#app/routes/_auth+/inscription";
import * as forgot from "#app/routes/_auth+/mot-de-passe-oublie";
import * as reset from "#app/routes/_auth+/reinitialisation";
import * as verify from "#app/routes/_auth+/verification-email";
import { createBusiness, defaultPassword, uniqueEmail } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const validSignup = (email: string) => ({
  kind: "BUSINESS",
  displayName: "Claire Dubois",
  organizationName: "Cabinet Dubois",
  email,
  password: "une-phrase-longue",
  acceptTerms: "on",
});

function linkFrom(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+${path}\\?token=[\\w-]+`));
  if (!match) throw new Error(`no ${path} link in mail`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

describe("sign-up", () => {
  it("creates a business with its organisation, opens a session and e-mails a verification link", async () => {
    const email = uniqueEmail("claire");
    const result = await runRoute(signup.action, await formRequest("/inscription", validSignup(email)));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/compte/organisation?bienvenue=1");
    expect(result.headers.get("Set-Cookie")).toMatch(/^permanence_session=/);

    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { kind: true, emailVerifiedAt: true, passwordHash: true, memberships: { select: { role: true, organization: { select: { kind: true, name: true } } } } },
    });
    expect(user.kind).toBe("BUSINESS");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toEqual([{ role: "OWNER", organization: { kind: "BUSINESS", name: "Cabinet Dubois" } }]);
    expect(user.emailVerifiedAt).toBeNull();

    const mail = (await listCapturedMail()).find((m) => m.to === email);
    expect(mail?.subject).toBe("Confirmez votre adresse e-mail");
    const verified = await runRoute(verify.loader, await getRequest(linkFrom(mail!.text, "/verification-email")));
    expect(verified.data).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();

    const again = await runRoute(verify.loader, await getRequest(linkFrom(mail!.text, "/verification-email")));
    expect(again.data).toEqual({ ok: false, message: "Ce lien a déjà été utilisé." });
  });

  it("creates a secretary with a draft profile", async () => {
    const email = uniqueEmail("sec");
    const result = await runRoute(signup.action, await formRequest("/inscription", { ...validSignup(email), kind: "SECRETARY", organizationName: undefined }));
    expect(result.location).toBe("/compte/profil?bienvenue=1");
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { secretaryProfile: { select: { status: true } } } });
    expect(user.secretaryProfile?.status).toBe("DRAFT");
  });

  it.each([
    ["an invalid e-mail", { email: "pas-un-email" }, "email", "L’adresse e-mail n’est pas valide."],
    ["a short password", { password: "court" }, "password", "Le mot de passe doit comporter au moins 10 caractères."],
    ["no organisation name for a business", { organizationName: "" }, "organizationName", "Le nom de la structure est obligatoire."],
    ["terms not accepted", { acceptTerms: undefined }, "acceptTerms", "Vous devez accepter les conditions d’utilisation."],
    ["an unknown account kind", { kind: "ADMIN" }, "kind", "Choisissez le type de compte."],
  ])("rejects %s with a French message and writes nothing", async (_label, override, field, message) => {
    const email = uniqueEmail("bad");
    const before = await db.user.count();
    const result = await runRoute(signup.action, await formRequest("/inscription", { ...validSignup(email), ...override }));
    expect(result.status).toBe(400);
    expect(result.data.error[field]).toContain(message);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a duplicate e-mail", async () => {
    const existing = await createBusiness();
    const result = await runRoute(signup.action, await formRequest("/inscription", validSignup(existing.email)));
    expect(result.status).toBe(400);
    expect(result.data.error.email[0]).toMatch(/Un compte existe déjà/);
  });

  it("lets only one of two simultaneous sign-ups with one e-mail through", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all([
      runRoute(signup.action, await formRequest("/inscription", validSignup(email))),
      runRoute(signup.action, await formRequest("/inscription", validSignup(email))),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(results.find((r) => r.status === 400)!.data.error.email[0]).toMatch(/Un compte existe déjà/);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("stores markup as plain text", async () => {
    const email = uniqueEmail("xss");
    await runRoute(signup.action, await formRequest("/inscription", { ...validSignup(email), displayName: "<script>alert(1)</script>" }));
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.displayName).toBe("<script>alert(1)</script>");
  });

  it("refuses a post without the CSRF token", async () => {
    const email = uniqueEmail("csrf");
    const result = await runRoute(signup.action, await formRequest("/inscription", validSignup(email), { csrf: false }));
    expect(result.status).toBe(403);
    expect(result.data.message).toMatch(/Le formulaire a expiré/);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });
});

describe("login", () => {
  it("opens a session with the right password", async () => {
    const user = await createBusiness();
    const result = await runRoute(login.action, await formRequest("/connexion", { email: user.email, password: defaultPassword, redirectTo: "/compte/organisation" }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/compte/organisation");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("gives the same message for a wrong password and an unknown e-mail", async () => {
    const user = await createBusiness();
    const wrong = await runRoute(login.action, await formRequest("/connexion", { email: user.email, password: "mauvais-mot-de-passe" }));
    const unknown = await runRoute(login.action, await formRequest("/connexion", { email: uniqueEmail("nobody"), password: "mauvais-mot-de-passe" }));
    expect(wrong.status).toBe(400);
    expect(wrong.data.error[""]).toEqual(["Adresse e-mail ou mot de passe incorrect."]);
    expect(unknown.data.error[""]).toEqual(wrong.data.error[""]);
  });

  it("never redirects off-site", async () => {
    const user = await createBusiness();
    const result = await runRoute(login.action, await formRequest("/connexion", { email: user.email, password: defaultPassword, redirectTo: "//evil.example/x" }));
    expect(result.location).toBe("/tableau-de-bord");
  });

  it("locks an e-mail after five failed attempts", async () => {
    const user = await createBusiness();
    for (let i = 0; i < 5; i++) {
      await runRoute(login.action, await formRequest("/connexion", { email: user.email, password: "mauvais-mot-de-passe" }));
    }
    const blocked = await runRoute(login.action, await formRequest("/connexion", { email: user.email, password: defaultPassword }));
    expect(blocked.status).toBe(429);
    expect(blocked.data.error[""][0]).toMatch(/Trop de tentatives/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a suspended account", async () => {
    const user = await createBusiness({ suspended: true });
    const result = await runRoute(login.action, await formRequest("/connexion", { email: user.email, password: defaultPassword }));
    expect(result.data.error[""]).toEqual(["Ce compte est suspendu. Contactez le support de Permanence."]);
  });
});

describe("password reset", () => {
  it("sets a new password once, signs out every session, and refuses the link a second time", async () => {
    const user = await createBusiness();
    await runRoute(login.action, await formRequest("/connexion", { email: user.email, password: defaultPassword }));
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    const answer = await runRoute(forgot.action, await formRequest("/mot-de-passe-oublie", { email: user.email }));
    expect(answer.data.sent).toBe(true);
    const mail = (await listCapturedMail()).find((m) => m.to === user.email && m.subject.startsWith("Réinitialisation"));
    const link = linkFrom(mail!.text, "/reinitialisation");
    const token = new URL(link, "http://x").searchParams.get("token")!;

    const page = await runRoute(reset.loader, await getRequest(link));
    expect(page.data.token).toBe(token);
    const done = await runRoute(reset.action, await formRequest(link, { token, password: "nouveau-mot-de-passe", confirmPassword: "nouveau-mot-de-passe" }));
    expect(done.location).toBe("/connexion?motdepasse=change");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    const reused = await runRoute(reset.action, await formRequest(link, { token, password: "encore-un-autre-mdp", confirmPassword: "encore-un-autre-mdp" }));
    expect(reused.status).toBe(400);
    expect(reused.data.error[""]).toEqual(["Ce lien a déjà été utilisé."]);
    const loginNew = await runRoute(login.action, await formRequest("/connexion", { email: user.email, password: "nouveau-mot-de-passe" }));
    expect(loginNew.status).toBe(302);
  });

  it("answers the same for an unknown e-mail and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    const answer = await runRoute(forgot.action, await formRequest("/mot-de-passe-oublie", { email }));
    expect(answer.data.sent).toBe(true);
    expect((await listCapturedMail()).some((m) => m.to === email)).toBe(false);
  });

  it("refuses an expired token", async () => {
    const user = await createBusiness();
    const { issueToken } = await import("#app/domain/accounts/tokens.server");
    const token = await issueToken(user.id, "RESET_PASSWORD");
    await db.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const done = await runRoute(reset.action, await formRequest("/reinitialisation", { token, password: "nouveau-mot-de-passe", confirmPassword: "nouveau-mot-de-passe" }));
    expect(done.data.error[""]).toEqual(["Ce lien a expiré. Demandez-en un nouveau."]);
  });
});
