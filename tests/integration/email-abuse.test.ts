import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import { listCapturedMail } from "#app/lib/mail.server";
import * as team from "#app/routes/agence+/equipe";
import * as account from "#app/routes/compte+/_index";
import { createAgencyOwner, createBusiness, uniqueEmail } from "#tests/factories/users";
import { formRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const TEAM = "/agence/equipe";

describe("e-mails a user can make Permanence send", () => {
  it("an agency owner must verify her own address before inviting anyone", async () => {
    const owner = await createAgencyOwner({ verified: false });
    const email = uniqueEmail("invitee");
    const result = await runRoute(team.action, await formRequest(TEAM, { intent: "invite", email }, { userId: owner.id }));
    expect(result.status).toBe(400);
    expect(result.data.error[""][0]).toMatch(/Confirmez d’abord votre adresse e-mail/);
    expect(await db.agencyInvitation.count({ where: { email } })).toBe(0);
    expect((await listCapturedMail()).some((m) => m.to === email)).toBe(false);
  });

  it("invitations are limited to 20 an hour per owner", async () => {
    const owner = await createAgencyOwner();
    for (let i = 0; i < 20; i++) {
      const ok = await runRoute(team.action, await formRequest(TEAM, { intent: "invite", email: uniqueEmail("i") }, { userId: owner.id }));
      expect(ok.status).toBe(302);
    }
    const email = uniqueEmail("one-too-many");
    const refused = await runRoute(team.action, await formRequest(TEAM, { intent: "invite", email }, { userId: owner.id }));
    expect(refused.status).toBe(429);
    expect(refused.data.message).toMatch(/Trop de tentatives/);
    expect(await db.agencyInvitation.count({ where: { email } })).toBe(0);
  });

  it("verification links can be re-sent three times an hour", async () => {
    const user = await createBusiness({ verified: false });
    for (let i = 0; i < 3; i++) {
      const ok = await runRoute(account.action, await formRequest("/compte", { intent: "resend-verification" }, { userId: user.id }));
      expect(ok.status).toBe(200);
    }
    const refused = await runRoute(account.action, await formRequest("/compte", { intent: "resend-verification" }, { userId: user.id }));
    expect(refused.status).toBe(429);
    expect(refused.data.message).toMatch(/Trop de tentatives/);
    expect((await listCapturedMail()).filter((m) => m.to === user.email)).toHaveLength(3);
  });
});
