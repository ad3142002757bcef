import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as invitation from "#app/routes/invitation+/$token";
import { invited, newAccountForm, postInvitation, viewInvitation } from "#tests/factories/agency-invitations";
import { createAgencyOwner, createBusiness, createSecretary, uniqueEmail } from "#tests/factories/users";
import { cookiePair, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

describe("/invitation/:token — new secretary", () => {
  it("creates the account, membership and draft profile in the agency, then opens a session", async () => {
    const owner = await createAgencyOwner({ organizationName: "Allô Secrétariat" });
    const email = uniqueEmail("new");
    const token = await invited(owner.id, email);

    const page = await viewInvitation(token);
    expect(page.data.view).toEqual({ state: "NEW_ACCOUNT", agencyName: "Allô Secrétariat", email });

    const result = await postInvitation(token, newAccountForm);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/compte/profil?bienvenue=1");
    const cookie = result.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^permanence_session=/);

    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: {
        id: true,
        kind: true,
        displayName: true,
        emailVerifiedAt: true,
        memberships: { select: { organizationId: true, role: true } },
        secretaryProfile: { select: { status: true, agencyId: true, slug: true } },
      },
    });
    expect(user).toMatchObject({ kind: "SECRETARY", displayName: "Inès Moreau" });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.memberships).toEqual([{ organizationId: owner.organization.id, role: "MEMBER" }]);
    expect(user.secretaryProfile).toMatchObject({ status: "DRAFT", agencyId: owner.organization.id });
    expect(user.secretaryProfile!.slug).toMatch(/^ines-moreau-/);
    expect((await db.agencyInvitation.findFirstOrThrow({ where: { email } })).acceptedAt).not.toBeNull();

    // The cookie is a real session for her, and the link now says she is in the team.
    const again = await runRoute(
      invitation.loader,
      await getRequest(`/invitation/${token}`, { cookies: [cookiePair(cookie)] }),
      { token },
    );
    expect(again.data.view).toMatchObject({ state: "JOINED", agencyName: "Allô Secrétariat" });
  });

  it("refuses to use a token twice", async () => {
    const owner = await createAgencyOwner();
    const email = uniqueEmail("twice");
    const token = await invited(owner.id, email);
    expect((await postInvitation(token, newAccountForm)).status).toBe(302);

    const reused = await viewInvitation(token);
    expect(reused.status).toBe(404);
    expect(reused.data.view).toEqual({ state: "INVALID", message: "Cette invitation a déjà été utilisée." });
    const second = await postInvitation(token, { ...newAccountForm, displayName: "Quelqu’un d’autre" });
    expect(second.status).toBe(400);
    expect(await db.user.count({ where: { displayName: "Quelqu’un d’autre" } })).toBe(0);
  });

  it("refuses an expired invitation and writes nothing", async () => {
    const owner = await createAgencyOwner();
    const email = uniqueEmail("late");
    const token = await invited(owner.id, email);
    await db.agencyInvitation.updateMany({
      where: { email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    expect((await viewInvitation(token)).data.view.message).toMatch(/Cette invitation a expiré/);
    const result = await postInvitation(token, newAccountForm);
    expect(result.status).toBe(400);
    expect(result.data.error[""][0]).toMatch(/Cette invitation a expiré/);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("says an unknown or malformed token is not valid", async () => {
    for (const token of [crypto.randomBytes(32).toString("base64url"), "abc", "../../etc"]) {
      const result = await viewInvitation(token);
      expect(result.status).toBe(404);
      expect(result.data.view.message).toMatch(/n’existe pas ou a été annulée/);
    }
  });

  it.each([
    [
      "a short password",
      { password: "court" },
      "password",
      "Le mot de passe doit comporter au moins 10 caractères.",
    ],
    [
      "terms not accepted",
      { acceptTerms: undefined },
      "acceptTerms",
      "Vous devez accepter les conditions d’utilisation.",
    ],
    ["no name", { displayName: "" }, "displayName", "Votre nom est obligatoire."],
  ])("rejects %s, leaving the invitation usable", async (_label, override, field, message) => {
    const owner = await createAgencyOwner();
    const email = uniqueEmail("bad");
    const token = await invited(owner.id, email);
    const result = await postInvitation(token, { ...newAccountForm, ...override });
    expect(result.status).toBe(400);
    expect(result.data.error[field]).toContain(message);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    expect((await db.agencyInvitation.findFirstOrThrow({ where: { email } })).acceptedAt).toBeNull();
  });
});

describe("/invitation/:token — existing secretary", () => {
  it("asks her to sign in, then lets her join with one button", async () => {
    const owner = await createAgencyOwner({ organizationName: "Allô Secrétariat" });
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const token = await invited(owner.id, secretary.email);

    expect((await viewInvitation(token)).data.view).toEqual({
      state: "SIGN_IN",
      agencyName: "Allô Secrétariat",
      email: secretary.email,
    });
    expect((await viewInvitation(token, secretary.id)).data.view).toEqual({
      state: "JOIN",
      agencyName: "Allô Secrétariat",
    });

    const joined = await postInvitation(token, { intent: "join" }, secretary.id);
    expect(joined.location).toBe(`/invitation/${token}`);
    expect(
      await db.membership.findFirst({
        where: { userId: secretary.id, organizationId: owner.organization.id, role: "MEMBER" },
      }),
    ).not.toBeNull();
    const profile = await db.secretaryProfile.findUniqueOrThrow({
      where: { userId: secretary.id },
      select: { agencyId: true, status: true },
    });
    expect(profile).toEqual({ agencyId: owner.organization.id, status: "PUBLISHED" });
    expect((await viewInvitation(token, secretary.id)).data.view.state).toBe("JOINED");
  });

  it("sends an anonymous join to the login page", async () => {
    const owner = await createAgencyOwner();
    const secretary = await createSecretary();
    const token = await invited(owner.id, secretary.email);
    const result = await postInvitation(token, { intent: "join" });
    expect(result.location).toBe(`/connexion?redirectTo=${encodeURIComponent(`/invitation/${token}`)}`);
  });

  it("refuses a secretary who already belongs to another agency", async () => {
    const other = await createAgencyOwner({ organizationName: "Autre Agence" });
    const owner = await createAgencyOwner();
    const secretary = await createSecretary({ agencyId: other.organization.id });
    const token = await invited(owner.id, secretary.email);

    expect((await viewInvitation(token, secretary.id)).data.view).toMatchObject({ state: "OTHER_AGENCY" });
    const result = await postInvitation(token, { intent: "join" }, secretary.id);
    expect(result.status).toBe(400);
    expect(result.data.error[""][0]).toMatch(/Vous faites déjà partie de l’agence « Autre Agence »/);
    expect(
      await db.membership.count({ where: { userId: secretary.id, organizationId: owner.organization.id } }),
    ).toBe(0);
    const profile = await db.secretaryProfile.findUniqueOrThrow({ where: { userId: secretary.id } });
    expect(profile.agencyId).toBe(other.organization.id);
    expect(
      (await db.agencyInvitation.findFirstOrThrow({ where: { email: secretary.email } })).acceptedAt,
    ).toBeNull();
  });

  it("tells someone signed in under another address that the invitation is not for her", async () => {
    const owner = await createAgencyOwner();
    const invitee = await createSecretary();
    const intruder = await createSecretary();
    const token = await invited(owner.id, invitee.email);

    expect((await viewInvitation(token, intruder.id)).data.view).toMatchObject({ state: "WRONG_ACCOUNT" });
    const result = await postInvitation(token, { intent: "join" }, intruder.id);
    expect(result.status).toBe(400);
    expect(result.data.error[""][0]).toMatch(/envoyée à une autre adresse/);
    expect(await db.membership.count({ where: { userId: intruder.id } })).toBe(0);
    const created = await postInvitation(token, newAccountForm, intruder.id);
    expect(created.status).toBe(400);
    expect(await db.user.count({ where: { email: invitee.email } })).toBe(1);
  });

  it("refuses an address that became a business account after the invitation", async () => {
    const owner = await createAgencyOwner();
    const email = uniqueEmail("switched");
    const token = await invited(owner.id, email);
    const business = await createBusiness({ email });

    expect((await viewInvitation(token)).data.view).toMatchObject({ state: "NOT_SECRETARY" });
    expect((await viewInvitation(token, business.id)).data.view).toMatchObject({ state: "NOT_SECRETARY" });
    const result = await postInvitation(token, { intent: "join" }, business.id);
    expect(result.status).toBe(400);
    expect(
      await db.membership.count({ where: { userId: business.id, organizationId: owner.organization.id } }),
    ).toBe(0);
    const created = await postInvitation(token, newAccountForm);
    expect(created.status).toBe(400);
    expect(created.data.error[""][0]).toMatch(/Un compte existe déjà/);
  });
});
