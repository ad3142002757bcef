import { describe, expect, it } from "vitest";
import { PLEDGE_REQUIRED_MESSAGE } from "#app/domain/confidentiality/pledge-text";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { submitProposal } from "#app/domain/proposals/proposals.server";
import { db } from "#app/lib/db.server";
import * as pledgePage from "#app/routes/compte+/engagement-confidentialite";
import * as missionPage from "#app/routes/missions+/$missionId";
import * as propose from "#app/routes/missions+/$missionId_.proposer";
import { openMissionWithBusiness, publishedSecretary, signPledgeFor } from "#tests/factories/proposals";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const input = () => ({
  coverLetter: "Secrétaire médicale depuis dix ans, je connais Doctolib.",
  startDate: addDays(parisToday(), 7),
  memberIds: [],
  terms: { hourlyRateCents: 2800, taskPrices: [], fixedAmountCents: null, milestones: [] },
});

async function medicalMission() {
  return openMissionWithBusiness({
    medicalSecrecy: true,
    description: "Dossiers des patients du Dr Martin, agenda Doctolib.",
  });
}

async function shown(missionId: string, userId?: string) {
  const result = await runRoute(missionPage.loader, await getRequest(`/missions/${missionId}`, { userId }), {
    missionId,
  });
  expect(result.status).toBe(200);
  return {
    description: result.data.mission.description,
    hidden: result.data.descriptionHidden,
    title: result.data.mission.title,
  };
}

describe("confidentiality pledge gating", () => {
  it("hides the description from anonymous visitors and unpledged secretaries, never the title", async () => {
    const { business, mission } = await medicalMission();
    const secretary = await publishedSecretary();
    for (const userId of [undefined, secretary.id]) {
      expect(await shown(mission.id, userId)).toEqual({
        description: "",
        hidden: true,
        title: "Accueil téléphonique du cabinet",
      });
    }
    for (const userId of [business.id, (await createStaff()).id]) {
      expect((await shown(mission.id, userId)).description).toMatch(/Dr Martin/);
    }
    await signPledgeFor(secretary.id);
    expect(await shown(mission.id, secretary.id)).toMatchObject({
      hidden: false,
      description: expect.stringMatching(/Dr Martin/),
    });
  });

  it("refuses a proposal until the pledge is signed, then takes it", async () => {
    const { mission } = await medicalMission();
    const secretary = await publishedSecretary();
    const form = await runRoute(
      propose.loader,
      await getRequest(`/missions/${mission.id}/proposer`, { userId: secretary.id }),
      { missionId: mission.id },
    );
    expect(form.data.blocker).toEqual({ message: PLEDGE_REQUIRED_MESSAGE, pledge: true });
    const error = await submitProposal({
      actorId: secretary.id,
      missionId: mission.id,
      input: input(),
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: PLEDGE_REQUIRED_MESSAGE });
    expect(await db.proposal.count({ where: { missionId: mission.id } })).toBe(0);
    await signPledgeFor(secretary.id);
    expect((await submitProposal({ actorId: secretary.id, missionId: mission.id, input: input() })).ok).toBe(
      true,
    );
  });

  it("requires an agency's named members to have signed too", async () => {
    const { mission } = await medicalMission();
    const agency = await createAgencyOwner({ organizationName: "Agence Azur" });
    const member = await createSecretary({
      status: "PUBLISHED",
      agencyId: agency.organization.id,
      displayName: "Nora Membre",
    });
    await signPledgeFor(agency.id);
    const args = { actorId: agency.id, missionId: mission.id, input: { ...input(), memberIds: [member.id] } };
    expect(await submitProposal(args)).toEqual({
      ok: false,
      fieldErrors: { memberIds: ["Nora Membre n’a pas encore signé l’engagement de confidentialité."] },
    });
    await signPledgeFor(member.id);
    expect((await submitProposal(args)).ok).toBe(true);
  });

  it("is signed by typing the full name, then goes back where it came from", async () => {
    const { mission } = await medicalMission();
    const secretary = await publishedSecretary();
    const path = "/compte/engagement-confidentialite";
    const post = async (fields: Record<string, string>) =>
      runRoute(pledgePage.action, await formRequest(path, fields, { userId: secretary.id }));
    const noName = await post({ read: "on", fullName: "Claire" });
    expect(noName.status).toBe(400);
    expect(noName.data.error.fullName).toEqual(["Tapez vos prénom et nom complets."]);
    const unread = await post({ fullName: "Claire Morel" });
    expect(unread.data.error.read).toEqual(["Cochez la case pour confirmer que vous avez lu l’engagement."]);
    expect(await db.confidentialityPledge.count({ where: { userId: secretary.id } })).toBe(0);
    const back = `/missions/${mission.id}`;
    const signed = await post({ read: "on", fullName: "Claire Morel", redirectTo: back });
    expect(signed).toMatchObject({ status: 302, location: back });
    expect(
      await post({ read: "on", fullName: "Claire Morel", redirectTo: "https://ailleurs.example/" }),
    ).toMatchObject({
      location: `${path}?engagement=signe`,
    });
    expect(await db.confidentialityPledge.findMany({ where: { userId: secretary.id } })).toMatchObject([
      { fullName: "Claire Morel" },
    ]);
    const page = await runRoute(pledgePage.loader, await getRequest(path, { userId: secretary.id }));
    expect(page.data.signed).toMatchObject({ fullName: "Claire Morel" });
  });

  it("is for secretaries and agencies; anonymous visitors sign in first", async () => {
    const path = "/compte/engagement-confidentialite";
    expect((await runRoute(pledgePage.loader, await getRequest(path))).location).toMatch(/^\/connexion/);
    const business = await createBusiness();
    expect((await runRoute(pledgePage.loader, await getRequest(path, { userId: business.id }))).status).toBe(
      403,
    );
  });
});
