import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import { listCapturedMail } from "#app/lib/mail.server";
import * as team from "#app/routes/agence+/equipe";
import * as publicAgency from "#app/routes/agences+/$slug";
import {
  invite,
  invited,
  newAccountForm,
  postInvitation,
  TEAM,
  tokenFromMail,
  viewInvitation,
} from "#tests/factories/agency-invitations";
import {
  createAgencyOwner,
  createBusiness,
  createSecretary,
  createStaff,
  uniqueEmail,
} from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

describe("/agence/equipe — authorization", () => {
  it("sends anonymous visitors to the login page", async () => {
    const result = await runRoute(team.loader, await getRequest(TEAM));
    expect(result.location).toBe("/connexion?redirectTo=%2Fagence%2Fequipe");
    expect(
      (await runRoute(team.action, await formRequest(TEAM, { intent: "invite", email: uniqueEmail() })))
        .status,
    ).toBe(302);
  });

  it.each([
    ["a business owner", () => createBusiness()],
    [
      "an agency secretary",
      async () => createSecretary({ agencyId: (await createAgencyOwner()).organization.id }),
    ],
    ["staff", () => createStaff("ADMIN")],
  ])("refuses %s and sends no invitation", async (_label, make) => {
    const user = await make();
    expect((await runRoute(team.loader, await getRequest(TEAM, { userId: user.id }))).status).toBe(403);
    const email = uniqueEmail("nobody");
    expect((await invite(user.id, email)).status).toBe(403);
    expect(await db.agencyInvitation.count({ where: { email } })).toBe(0);
  });
});

describe("inviting a secretary", () => {
  it("stores only a hash of the token, expiring in 7 days, and e-mails the link in French", async () => {
    const owner = await createAgencyOwner({ organizationName: "Allô Secrétariat" });
    const email = uniqueEmail("ines");
    const result = await invite(owner.id, email);
    expect(result.location).toBe("/agence/equipe?invitation=envoyee");

    const token = await tokenFromMail(email);
    const mail = (await listCapturedMail()).find((m) => m.to === email)!;
    expect(mail.subject).toBe("Allô Secrétariat vous invite à rejoindre son équipe sur Permanence");
    const row = await db.agencyInvitation.findFirstOrThrow({
      where: { email },
      select: { tokenHash: true, expiresAt: true, organizationId: true },
    });
    expect(row.organizationId).toBe(owner.organization.id);
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const page = await runRoute(team.loader, await getRequest(TEAM, { userId: owner.id }));
    expect(page.data.invitations).toEqual([expect.objectContaining({ email, expired: false })]);
  });

  it("refreshes a pending invitation instead of duplicating it", async () => {
    const owner = await createAgencyOwner();
    const email = uniqueEmail("again");
    const first = await invited(owner.id, email);
    await db.agencyInvitation.updateMany({
      where: { email },
      data: { expiresAt: new Date(Date.now() + 3600_000) },
    });

    const result = await invite(owner.id, email);
    expect(result.location).toBe("/agence/equipe?invitation=renvoyee");
    const second = await tokenFromMail(email);
    expect(second).not.toBe(first);
    const rows = await db.agencyInvitation.findMany({ where: { email }, select: { expiresAt: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await viewInvitation(first)).data.view.state).toBe("INVALID");
    expect((await viewInvitation(second)).data.view.state).toBe("NEW_ACCOUNT");
  });

  it.each([
    ["a business account", async () => (await createBusiness()).email, /n’est pas un compte de secrétaire/],
    ["an agency owner", async () => (await createAgencyOwner()).email, /n’est pas un compte de secrétaire/],
    ["a malformed address", async () => "pas-un-email", /L’adresse e-mail n’est pas valide/],
  ])("refuses %s with a message next to the field, and sends nothing", async (_label, makeEmail, message) => {
    const owner = await createAgencyOwner();
    const email = await makeEmail();
    const mailsBefore = (await listCapturedMail()).length;
    const result = await invite(owner.id, email);
    expect(result.status).toBe(400);
    expect(result.data.error.email[0]).toMatch(message);
    expect(await db.agencyInvitation.count({ where: { organizationId: owner.organization.id } })).toBe(0);
    expect((await listCapturedMail()).length).toBe(mailsBefore);
  });

  it("refuses to invite a secretary already in the team", async () => {
    const owner = await createAgencyOwner();
    const member = await createSecretary({ agencyId: owner.organization.id });
    const result = await invite(owner.id, member.email);
    expect(result.status).toBe(400);
    expect(result.data.error.email).toEqual(["Cette personne fait déjà partie de votre équipe."]);
  });
});

describe("managing the team", () => {
  it("lists members with their profile status, linking only published profiles", async () => {
    const owner = await createAgencyOwner();
    const published = await createSecretary({
      status: "PUBLISHED",
      agencyId: owner.organization.id,
      displayName: "Anne Publiée",
    });
    await createSecretary({ status: "DRAFT", agencyId: owner.organization.id, displayName: "Béa Brouillon" });
    const page = await runRoute(team.loader, await getRequest(TEAM, { userId: owner.id }));
    expect(page.data.members).toEqual([
      expect.objectContaining({
        displayName: "Anne Publiée",
        profileStatusLabel: "Publié",
        publicSlug: published.profile.slug,
      }),
      expect.objectContaining({
        displayName: "Béa Brouillon",
        profileStatusLabel: "Brouillon",
        publicSlug: null,
      }),
    ]);
    expect(JSON.stringify(page.data)).not.toContain(published.email);
  });

  it("removes a member, who keeps her account and profile and becomes independent", async () => {
    const owner = await createAgencyOwner();
    const member = await createSecretary({ status: "PUBLISHED", agencyId: owner.organization.id });
    const result = await runRoute(
      team.action,
      await formRequest(TEAM, { intent: "remove", memberId: member.id }, { userId: owner.id }),
    );
    expect(result.location).toBe("/agence/equipe?membre=retire");
    expect(await db.membership.count({ where: { userId: member.id } })).toBe(0);
    const profile = await db.secretaryProfile.findUniqueOrThrow({
      where: { userId: member.id },
      select: { agencyId: true, status: true },
    });
    expect(profile).toEqual({ agencyId: null, status: "PUBLISHED" });
    expect(await db.user.count({ where: { id: member.id } })).toBe(1);
  });

  it("cannot remove another agency's member", async () => {
    const owner = await createAgencyOwner();
    const other = await createAgencyOwner();
    const member = await createSecretary({ agencyId: other.organization.id });
    const result = await runRoute(
      team.action,
      await formRequest(TEAM, { intent: "remove", memberId: member.id }, { userId: owner.id }),
    );
    expect(result.status).toBe(404);
    expect(
      await db.membership.count({ where: { userId: member.id, organizationId: other.organization.id } }),
    ).toBe(1);
    expect((await db.secretaryProfile.findUniqueOrThrow({ where: { userId: member.id } })).agencyId).toBe(
      other.organization.id,
    );
  });

  it("cannot remove the owner herself", async () => {
    const owner = await createAgencyOwner();
    const result = await runRoute(
      team.action,
      await formRequest(TEAM, { intent: "remove", memberId: owner.id }, { userId: owner.id }),
    );
    expect(result.status).toBe(404);
    expect(await db.membership.count({ where: { userId: owner.id, role: "OWNER" } })).toBe(1);
  });

  it("revokes a pending invitation, whose link then stops working", async () => {
    const owner = await createAgencyOwner();
    const email = uniqueEmail("revoked");
    const token = await invited(owner.id, email);
    const { id } = await db.agencyInvitation.findFirstOrThrow({ where: { email } });
    const result = await runRoute(
      team.action,
      await formRequest(TEAM, { intent: "revoke", invitationId: id }, { userId: owner.id }),
    );
    expect(result.location).toBe("/agence/equipe?invitation=annulee");
    expect(await db.agencyInvitation.count({ where: { email } })).toBe(0);
    expect((await viewInvitation(token)).data.view.state).toBe("INVALID");
    expect((await postInvitation(token, newAccountForm)).status).toBe(400);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("cannot revoke another agency's invitation", async () => {
    const owner = await createAgencyOwner();
    const other = await createAgencyOwner();
    const email = uniqueEmail("theirs");
    await invited(other.id, email);
    const { id } = await db.agencyInvitation.findFirstOrThrow({ where: { email } });
    const result = await runRoute(
      team.action,
      await formRequest(TEAM, { intent: "revoke", invitationId: id }, { userId: owner.id }),
    );
    expect(result.status).toBe(404);
    expect(await db.agencyInvitation.count({ where: { id } })).toBe(1);
  });

  it("rejects a removal without a member id", async () => {
    const owner = await createAgencyOwner();
    const result = await runRoute(
      team.action,
      await formRequest(TEAM, { intent: "remove" }, { userId: owner.id }),
    );
    expect(result.status).toBe(400);
  });
});

describe("/agences/:slug", () => {
  async function agencyPage(slug: string) {
    return runRoute(publicAgency.loader, await getRequest(`/agences/${slug}`), { slug });
  }

  it("shows the agency and only its published members, without e-mails or SIRET", async () => {
    const owner = await createAgencyOwner({ organizationName: "Allô Secrétariat" });
    const agencyId = owner.organization.id;
    await db.organization.update({
      where: { id: agencyId },
      data: { sector: "MEDICAL", commune: "Lyon 3e Arrondissement", siret: "73282932000074" },
    });
    const published = await createSecretary({
      status: "PUBLISHED",
      agencyId,
      displayName: "Anne Publiée",
      headline: "Accueil médical",
    });
    await createSecretary({ status: "DRAFT", agencyId, displayName: "Béa Brouillon" });
    await createSecretary({ status: "PUBLISHED", displayName: "Chloé Indépendante" });
    const { slug } = await db.organization.findUniqueOrThrow({
      where: { id: agencyId },
      select: { slug: true },
    });

    const result = await agencyPage(slug);
    expect(result.status).toBe(200);
    expect(result.data.agency).toEqual({
      name: "Allô Secrétariat",
      sectorLabel: "Médical et paramédical",
      commune: "Lyon 3e Arrondissement",
      members: [{ displayName: "Anne Publiée", headline: "Accueil médical", slug: published.profile.slug }],
    });
    const json = JSON.stringify(result.data);
    expect(json).not.toContain("@");
    expect(json).not.toContain("73282932000074");
  });

  it("answers 404 for a business's slug and for an unknown slug", async () => {
    const business = await createBusiness();
    const { slug } = await db.organization.findUniqueOrThrow({
      where: { id: business.organization.id },
      select: { slug: true },
    });
    expect((await agencyPage(slug)).status).toBe(404);
    expect((await agencyPage("agence-inconnue")).status).toBe(404);
    expect((await agencyPage("../etc")).status).toBe(404);
  });
});
